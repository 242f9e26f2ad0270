package org.tensionwatch.streams;

import java.util.Objects;

/**
 * The key of a rule's state for a region in {@link AlertStoreNames#RULE_STATE}: provisional ({@code ruleId|region})
 * or settled ({@code settled|ruleId|region}), a second state per rule and region.
 *
 * <p>The format is on disk and in changelogs of existing deployments, so it must never change. A rule id never
 * contains '|' ({@link org.tensionwatch.alerts.AlertRule}), so a settled key has one more part than a provisional one,
 * even for a rule named "settled".
 */
record RuleStateKey(boolean settled, String ruleId, String region) {

    private static final String SETTLED_PREFIX = "settled|";
    private static final char SEPARATOR = '|';

    RuleStateKey {
        Objects.requireNonNull(ruleId, "ruleId == null");
        Objects.requireNonNull(region, "region == null");
    }

    String encode() {
        return (settled ? SETTLED_PREFIX : "") + ruleId + SEPARATOR + region;
    }

    static RuleStateKey parse(String encoded) {
        boolean settled = encoded.startsWith(SETTLED_PREFIX) && encoded.indexOf(SEPARATOR) != encoded.lastIndexOf(SEPARATOR);
        String rest = settled ? encoded.substring(SETTLED_PREFIX.length()) : encoded;
        int separator = rest.indexOf(SEPARATOR);
        return new RuleStateKey(settled, rest.substring(0, separator), rest.substring(separator + 1));
    }
}

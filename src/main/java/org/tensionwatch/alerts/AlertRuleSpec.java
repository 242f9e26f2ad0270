package org.tensionwatch.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tensionwatch.indicators.RollingPeriod;

/**
 * A rule as configured ({@code tension.alerts.rules.NAME.*}), before it is checked and turned into an
 * {@link AlertRule}. Exactly one of {@code threshold} (a THRESHOLD rule) and {@code rise} (a CHANGE rule) is set.
 * The defaults of the optional settings are the constants below, shared by the service's configuration mapping.
 */
public record AlertRuleSpec(
        String name,
        boolean enabled,
        String indicator,
        String window,
        Optional<Double> threshold,
        Optional<Double> rise,
        int baselineDays,
        double minBaseline,
        int minSources,
        String severity,
        List<String> escalate,
        Optional<Double> clearBelow,
        Optional<Double> clearRise,
        int cooldownDays) {

    public static final String DEFAULT_WINDOW = "P7D";
    public static final String DEFAULT_BASELINE_DAYS = "30";
    public static final String DEFAULT_MIN_BASELINE = "1";
    public static final String DEFAULT_MIN_SOURCES = "1";
    public static final String DEFAULT_SEVERITY = "medium";
    public static final String DEFAULT_COOLDOWN_DAYS = "7";

    /**
     * The rule.
     *
     * @throws IllegalArgumentException naming the rule and the setting when the settings do not make a rule
     */
    public AlertRule toRule() {
        String what = "tension.alerts.rules." + name + ": ";
        if (threshold.isPresent() == rise.isPresent()) {
            throw new IllegalArgumentException(what + "set exactly one of threshold (a fixed level) and rise (a change over the baseline)");
        }
        try {
            RollingPeriod period = RollingPeriod.valueOf(window.trim().toUpperCase(Locale.ROOT));
            RuleKind kind = threshold.isPresent() ? RuleKind.THRESHOLD : RuleKind.CHANGE;
            double level = threshold.orElseGet(rise::get);
            double clear = kind == RuleKind.THRESHOLD ? clearBelow.orElse(level) : clearRise.orElse(level);
            List<Escalation> escalations = new ArrayList<>();
            for (String e : escalate) {
                if (!e.isBlank()) {
                    escalations.add(Escalation.parse(e.trim()));
                }
            }
            return new AlertRule(name, AlertIndicator.parse(indicator), period, kind, level, baselineDays, minBaseline,
                    minSources, Severity.parse(severity), escalations, clear, cooldownDays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("rule ") ? e.getMessage() : what + e.getMessage(), e);
        }
    }

    /**
     * The enabled rules among properties named {@code PREFIX.NAME.SETTING} (e.g. read from a properties file), with
     * the same defaults as the service's configuration; by name.
     */
    public static List<AlertRule> fromProperties(Map<String, String> properties, String prefix) {
        Map<String, Map<String, String>> byRule = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix + ".")) {
                String rest = key.substring(prefix.length() + 1);
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    byRule.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        List<AlertRule> rules = new ArrayList<>();
        byRule.forEach((name, s) -> {
            AlertRuleSpec spec = new AlertRuleSpec(name,
                    Boolean.parseBoolean(s.getOrDefault("enabled", "true")),
                    s.get("indicator"),
                    s.getOrDefault("window", DEFAULT_WINDOW),
                    Optional.ofNullable(s.get("threshold")).map(Double::parseDouble),
                    Optional.ofNullable(s.get("rise")).map(Double::parseDouble),
                    Integer.parseInt(s.getOrDefault("baseline-days", DEFAULT_BASELINE_DAYS)),
                    Double.parseDouble(s.getOrDefault("min-baseline", DEFAULT_MIN_BASELINE)),
                    Integer.parseInt(s.getOrDefault("min-sources", DEFAULT_MIN_SOURCES)),
                    s.getOrDefault("severity", DEFAULT_SEVERITY),
                    s.containsKey("escalate") ? List.of(s.get("escalate").split(",")) : List.of(),
                    Optional.ofNullable(s.get("clear-below")).map(Double::parseDouble),
                    Optional.ofNullable(s.get("clear-rise")).map(Double::parseDouble),
                    Integer.parseInt(s.getOrDefault("cooldown-days", DEFAULT_COOLDOWN_DAYS)));
            if (spec.enabled()) {
                rules.add(spec.toRule());
            }
        });
        return rules;
    }
}

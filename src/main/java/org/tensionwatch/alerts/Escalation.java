package org.tensionwatch.alerts;

import java.util.Objects;

/**
 * A higher level within a rule at which an open alert becomes more severe.
 *
 * @param level for THRESHOLD rules a value of the indicator; for CHANGE rules a rise over the baseline (1.0: double)
 */
public record Escalation(double level, Severity severity) {

    public Escalation {
        Objects.requireNonNull(severity, "severity == null");
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("escalation level is not a number: " + level);
        }
    }

    /**
     * Parses {@code 50:high}.
     *
     * @throws IllegalArgumentException if it is not LEVEL:SEVERITY
     */
    public static Escalation parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an escalation is LEVEL:SEVERITY, e.g. 50:high, not '" + text + "'");
        }
        try {
            return new Escalation(Double.parseDouble(text.substring(0, colon).trim()), Severity.parse(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an escalation is LEVEL:SEVERITY, e.g. 50:high, not '" + text + "'");
        }
    }
}

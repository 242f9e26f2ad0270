package org.tensionwatch.alerts;

import java.util.Locale;

/** How serious an alert is, in increasing order: the declaration order is the severity order. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Parses {@code low}, {@code MEDIUM}, ... */
    public static Severity parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("a severity is low, medium, high or critical, not '" + name + "'");
        }
    }

    /** The more severe of the two. */
    public Severity max(Severity other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}

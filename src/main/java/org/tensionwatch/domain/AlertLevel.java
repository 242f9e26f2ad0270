package org.tensionwatch.domain;

import java.util.Locale;

/** Military readiness above normal, in increasing order: the declaration order is the severity order. */
public enum AlertLevel {
    RAISED,
    HIGH,
    HIGHEST;

    /** The lower-case name used in JSON output and gold files. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case JSON name; {@code null} stays {@code null}. */
    public static AlertLevel fromJsonName(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The more severe of two levels, either of which may be {@code null}. */
    public static AlertLevel max(AlertLevel a, AlertLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }
}

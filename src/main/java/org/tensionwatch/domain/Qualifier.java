package org.tensionwatch.domain;

import java.util.Locale;

/** How a reported figure relates to the true number: "30" is exact, "more than 50" is at least 50. */
public enum Qualifier {
    EXACT,
    AT_LEAST,
    ABOUT,
    AT_MOST,
    VAGUE;

    /** The lower-case name used in JSON output and gold files ("at_least"). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case JSON name; {@code null} stays {@code null}. */
    public static Qualifier fromJsonName(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }
}

package org.tensionwatch.extraction;

/**
 * A place or country name found in a sentence.
 *
 * @param start where the name starts in the sentence
 * @param end where it ends
 * @param name the name as the sentence writes it, with a direction word if one precedes ("northern Kosovo")
 * @param countryCode ISO 3166-1 alpha-2 code (XK for Kosovo)
 * @param kind what the name is
 */
public record Place(int start, int end, String name, String countryCode, Kind kind) {

    /** What a gazetteer name denotes. */
    public enum Kind {
        COUNTRY,
        DEMONYM,
        CAPITAL,
        PLACE
    }

    /** Whether the name denotes a location, not a nationality. */
    public boolean isLocation() {
        return kind != Kind.DEMONYM;
    }
}

package org.tensionwatch.streams;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The key of {@link StoreNames#CANONICAL_BY_DAY}: the canonical events of one region, type and day.
 *
 * <p>Encoded {@code REGION|TYPE|YYYY-MM-DD} ("XK|INJURY|2026-10-12"), the encoded match key
 * ({@link org.tensionwatch.indicators.MatchKey#asString()}) then the day: the format is on disk and in changelogs of
 * existing deployments, so it must never change. A merge reads all days of its region and type as one range, from
 * {@link #firstOf(String)} to {@link #afterLastOf(String)}: ISO days sort as strings and '~' after every digit, and no
 * other match key starts with this one followed by '|' (a type never contains '|').
 */
record CanonicalDayKey(String matchKey, LocalDate day) {

    private static final char SEPARATOR = '|';

    CanonicalDayKey {
        Objects.requireNonNull(matchKey, "matchKey == null");
        Objects.requireNonNull(day, "day == null");
    }

    String encode() {
        return matchKey + SEPARATOR + day;
    }

    static CanonicalDayKey parse(String encoded) {
        int separator = encoded.lastIndexOf(SEPARATOR);
        return new CanonicalDayKey(encoded.substring(0, separator), LocalDate.parse(encoded.substring(separator + 1)));
    }

    /** The start of the range of the match key's days. */
    static String firstOf(String matchKey) {
        return matchKey + SEPARATOR;
    }

    /** A key after every day of the match key. */
    static String afterLastOf(String matchKey) {
        return matchKey + SEPARATOR + '~';
    }
}

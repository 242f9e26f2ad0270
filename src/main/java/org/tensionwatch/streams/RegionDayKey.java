package org.tensionwatch.streams;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The key of a region's day in the stores that keep one value per region and day: the daily indicators and their
 * history ({@link StoreNames#DAILY_INDICATORS}, {@link StoreNames#DAILY_INDICATORS_HISTORY}), the alerts' region days
 * ({@link AlertStoreNames#REGION_DAYS}) and the daily indicators topic.
 *
 * <p>Encoded {@code REGION|YYYY-MM-DD} ("XK|2026-10-12"): the format is on disk and in changelogs of existing
 * deployments, so it must never change. It sorts by region, then day (ISO days sort as strings), so a region's days
 * are one key range: from {@link #firstOf(String)} to {@link #afterLastOf(String)} ('~' sorts after every digit), or
 * the prefix {@link #firstOf(String)}. A region never contains '|'.
 */
record RegionDayKey(String region, LocalDate day) {

    static final char SEPARATOR = '|';

    RegionDayKey {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(day, "day == null");
    }

    String encode() {
        return region + SEPARATOR + day;
    }

    static RegionDayKey parse(String encoded) {
        int separator = encoded.indexOf(SEPARATOR);
        return new RegionDayKey(encoded.substring(0, separator), LocalDate.parse(encoded.substring(separator + 1)));
    }

    /** The region of an encoded key, without parsing its day. */
    static String regionOf(String encoded) {
        return encoded.substring(0, encoded.indexOf(SEPARATOR));
    }

    /** The start of the region's key range, and the prefix of every key of the region. */
    static String firstOf(String region) {
        return region + SEPARATOR;
    }

    /** A key after every day of the region and before any key of a later region. */
    static String afterLastOf(String region) {
        return region + SEPARATOR + '~';
    }
}

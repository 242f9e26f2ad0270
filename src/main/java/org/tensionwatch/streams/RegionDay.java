package org.tensionwatch.streams;

import java.time.LocalDate;

/**
 * Keys of the daily indicators: "XK|2026-10-12", which sort by region, then day, so a region's days are one range.
 * The string form of {@link RegionDayKey} (which owns the format) for the callers outside this package that hold keys
 * as strings: the queries and the topic's records.
 */
public final class RegionDay {

    private RegionDay() {
    }

    public static String key(String region, LocalDate day) {
        return new RegionDayKey(region, day).encode();
    }

    public static String region(String key) {
        return RegionDayKey.regionOf(key);
    }

    public static LocalDate day(String key) {
        return RegionDayKey.parse(key).day();
    }
}

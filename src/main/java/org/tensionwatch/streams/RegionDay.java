package org.tensionwatch.streams;

import java.time.LocalDate;

/** Keys of the daily indicators: "XK|2026-10-12", which sort by region, then day, so a region's days are one range. */
public final class RegionDay {

    private RegionDay() {
    }

    public static String key(String region, LocalDate day) {
        return region + "|" + day;
    }

    public static String region(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    public static LocalDate day(String key) {
        return LocalDate.parse(key.substring(key.indexOf('|') + 1));
    }
}

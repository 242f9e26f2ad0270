package org.tensionwatch.indicators;

/**
 * How far apart reports of one occurrence may lie and how much detail a canonical event keeps.
 *
 * @param toleranceDays reports whose days are at most this far apart can be one occurrence (default 1)
 * @param fallbackLookbackDays a report without a stated day, dated by its publication day P, may describe any day
 *     from P minus this many days to P (default 2: "yesterday" or "on Monday" that the extractor could not resolve)
 * @param maxDetailedReports how many reports of an event keep url and evidence (default 50); counts stay exact
 */
public record MergeSettings(int toleranceDays, int fallbackLookbackDays, int maxDetailedReports) {

    public MergeSettings {
        if (toleranceDays < 0) {
            throw new IllegalArgumentException("toleranceDays < 0: " + toleranceDays);
        }
        if (fallbackLookbackDays < 0) {
            throw new IllegalArgumentException("fallbackLookbackDays < 0: " + fallbackLookbackDays);
        }
        if (maxDetailedReports < 1) {
            throw new IllegalArgumentException("maxDetailedReports < 1: " + maxDetailedReports);
        }
    }

    /** One day of tolerance, two days of lookback for undated reports, 50 detailed reports. */
    public static MergeSettings defaults() {
        return new MergeSettings(1, 2, 50);
    }
}

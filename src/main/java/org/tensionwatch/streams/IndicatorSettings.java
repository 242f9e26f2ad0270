package org.tensionwatch.streams;

import org.tensionwatch.indicators.MergeSettings;

/**
 * How the indicators topology merges reports and how late a report may arrive.
 *
 * @param merge how far apart reports of one occurrence may lie
 * @param gracePeriodDays a report about a day more than this many days before the newest publication
 *     seen is too late to change the indicators: it is counted in a metric and logged, not applied
 */
public record IndicatorSettings(MergeSettings merge, int gracePeriodDays) {

    public IndicatorSettings {
        if (gracePeriodDays < 0) {
            throw new IllegalArgumentException("gracePeriodDays < 0: " + gracePeriodDays);
        }
    }

    public static IndicatorSettings defaults() {
        return new IndicatorSettings(MergeSettings.defaults(), 30);
    }
}

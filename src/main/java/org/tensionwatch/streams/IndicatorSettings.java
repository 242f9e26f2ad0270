package org.tensionwatch.streams;

import java.time.Duration;
import java.util.Objects;
import org.tensionwatch.indicators.LateEventPolicy;
import org.tensionwatch.indicators.MergeSettings;

/**
 * How the indicators topology merges reports and how late a report may arrive.
 *
 * @param merge how far apart reports of one occurrence may lie
 * @param late a report about a day before the grace period (measured from the newest publication
 *     seen) is too late to change the indicators: it is counted in a metric and logged, not applied
 */
public record IndicatorSettings(MergeSettings merge, LateEventPolicy late) {

    public IndicatorSettings {
        Objects.requireNonNull(merge, "merge == null");
        Objects.requireNonNull(late, "late == null");
    }

    public static IndicatorSettings defaults() {
        return new IndicatorSettings(MergeSettings.defaults(), LateEventPolicy.defaults());
    }

    public static IndicatorSettings of(int toleranceDays, int gracePeriodDays) {
        MergeSettings defaults = MergeSettings.defaults();
        return new IndicatorSettings(
                new MergeSettings(toleranceDays, defaults.fallbackLookbackDays(), defaults.maxDetailedReports()),
                new LateEventPolicy(Duration.ofDays(gracePeriodDays)));
    }
}

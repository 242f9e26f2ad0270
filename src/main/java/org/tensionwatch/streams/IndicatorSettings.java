package org.tensionwatch.streams;

import java.time.Duration;
import java.util.Objects;
import org.tensionwatch.indicators.LateEventPolicy;
import org.tensionwatch.indicators.MergeSettings;

/**
 * How the indicators topology merges reports and how late a report may arrive.
 *
 * @param merge how far apart reports of one occurrence may lie
 * @param late a report about a day more than the grace period before its own article's publication is
 *     too late to change the indicators: it is counted in a metric and logged, not applied
 * @param retentionMarginDays how much longer than the grace period, behind the newest publication seen,
 *     the merge step keeps canonical events that reports may still join. Partitions are read at
 *     different speeds, so a backfill delivers reports out of order; within this margin the order
 *     does not matter. A report about a day older than that is counted as late too.
 */
public record IndicatorSettings(MergeSettings merge, LateEventPolicy late, int retentionMarginDays) {

    public static final int DEFAULT_RETENTION_MARGIN_DAYS = 90;

    public IndicatorSettings {
        Objects.requireNonNull(merge, "merge == null");
        Objects.requireNonNull(late, "late == null");
        if (retentionMarginDays < 0) {
            throw new IllegalArgumentException("retentionMarginDays < 0: " + retentionMarginDays);
        }
    }

    public static IndicatorSettings defaults() {
        return new IndicatorSettings(MergeSettings.defaults(), LateEventPolicy.defaults(), DEFAULT_RETENTION_MARGIN_DAYS);
    }

    /** The first day whose canonical events the merge step still keeps, given the newest publication seen. */
    public java.time.LocalDate retainedFrom(java.time.Instant streamTime) {
        return late.cutoff(streamTime).minusDays(retentionMarginDays);
    }

    public static IndicatorSettings of(int toleranceDays, int gracePeriodDays) {
        MergeSettings defaults = MergeSettings.defaults();
        return new IndicatorSettings(
                new MergeSettings(toleranceDays, defaults.fallbackLookbackDays(), defaults.maxDetailedReports()),
                new LateEventPolicy(Duration.ofDays(gracePeriodDays)), DEFAULT_RETENTION_MARGIN_DAYS);
    }
}

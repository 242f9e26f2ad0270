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
 * @param mergeInterval how long reports wait to be merged together: zero merges each report as it arrives (what
 *     topology tests want: every step visible); a positive interval collects the reports of each region and type
 *     in a store and merges them in one clustering every interval (wall-clock), which is what makes busy regions
 *     cheap. The result is the same set of canonical events and indicators; only intermediate updates are skipped,
 *     as a record cache skips them. Outputs come up to this much later.
 * @param maxPendingReports with a positive interval, merge early when this many reports wait (bounds the store)
 * @param historyRetention how long earlier versions of each daily row are kept for "as known at" queries, measured
 *     in stream time (the newest publication seen) behind the newest version written: a query as of an earlier
 *     time than that may miss versions
 * @param mergeMaxWait while a backlog is read, the longest a region and type's reports wait for a merge that is not
 *     yet worth its cost (see {@link MergeSchedule}); while the input keeps up, every interval merges everything
 * @param mergeAllBelow while at most this many reports wait in a task, every interval merges them all
 * @param mergeIdleAfter with a positive merge interval: once no report has arrived for this long while the input is
 *     live news ({@link MergeSchedule#live}), every waiting report is merged at once instead of at the end of the
 *     interval, so that live news is not held back by the interval; zero waits for the interval
 */
public record IndicatorSettings(MergeSettings merge, LateEventPolicy late, int retentionMarginDays,
        Duration mergeInterval, int maxPendingReports, Duration historyRetention, Duration mergeMaxWait,
        int mergeAllBelow, Duration mergeIdleAfter) {

    /**
     * How far behind its region's newest publication (beyond the grace period) a report may still arrive and be merged:
     * a year. Reports of one region reach the merge out of publication order even when articles are published in order
     * (the extraction's tasks run unevenly, by hundreds of articles in a fast replay, which is months across a gap in an
     * archive); within this margin that reordering changes nothing, beyond it the report is dropped and counted.
     */
    public static final int DEFAULT_RETENTION_MARGIN_DAYS = 365;
    /** The service's default merge interval, the same as its commit interval. */
    public static final Duration DEFAULT_SERVICE_MERGE_INTERVAL = Duration.ofSeconds(1);
    /** Per task: reports wait in memory (see {@link StoreKind#buffer}), so this bounds the memory they take. */
    public static final int DEFAULT_MAX_PENDING_REPORTS = 50_000;
    /** Earlier versions of daily rows are kept this long by default: a year of "as known at" queries. */
    public static final Duration DEFAULT_HISTORY_RETENTION = Duration.ofDays(365);
    /** While a backlog is read, a region and type's reports wait at most this long for their merge. */
    public static final Duration DEFAULT_MERGE_MAX_WAIT = Duration.ofSeconds(10);
    /** Up to this many waiting reports per task, every merge interval merges them all. */
    public static final int DEFAULT_MERGE_ALL_BELOW = 1_000;
    /** The service's default: waiting reports are merged once no report has arrived for this long (input keeping up). */
    public static final Duration DEFAULT_SERVICE_MERGE_IDLE_AFTER = Duration.ofMillis(50);

    public IndicatorSettings {
        Objects.requireNonNull(merge, "merge == null");
        Objects.requireNonNull(late, "late == null");
        if (retentionMarginDays < 0) {
            throw new IllegalArgumentException("retentionMarginDays < 0: " + retentionMarginDays);
        }
        Objects.requireNonNull(mergeInterval, "mergeInterval == null");
        if (mergeInterval.isNegative()) {
            throw new IllegalArgumentException("mergeInterval < 0: " + mergeInterval);
        }
        if (maxPendingReports < 1) {
            throw new IllegalArgumentException("maxPendingReports < 1: " + maxPendingReports);
        }
        Objects.requireNonNull(historyRetention, "historyRetention == null");
        if (historyRetention.isNegative() || historyRetention.isZero()) {
            throw new IllegalArgumentException("historyRetention must be positive: " + historyRetention);
        }
        Objects.requireNonNull(mergeMaxWait, "mergeMaxWait == null");
        if (mergeMaxWait.isNegative()) {
            throw new IllegalArgumentException("mergeMaxWait < 0: " + mergeMaxWait);
        }
        if (mergeAllBelow < 0) {
            throw new IllegalArgumentException("mergeAllBelow < 0: " + mergeAllBelow);
        }
        Objects.requireNonNull(mergeIdleAfter, "mergeIdleAfter == null");
        if (mergeIdleAfter.isNegative()) {
            throw new IllegalArgumentException("mergeIdleAfter < 0: " + mergeIdleAfter);
        }
    }

    /** With the default history retention and merge schedule. */
    public IndicatorSettings(MergeSettings merge, LateEventPolicy late, int retentionMarginDays,
            Duration mergeInterval, int maxPendingReports) {
        this(merge, late, retentionMarginDays, mergeInterval, maxPendingReports, DEFAULT_HISTORY_RETENTION,
                DEFAULT_MERGE_MAX_WAIT, DEFAULT_MERGE_ALL_BELOW, Duration.ZERO);
    }

    /** Default merge and late-event settings; each report merged as it arrives. */
    public static IndicatorSettings defaults() {
        return new IndicatorSettings(MergeSettings.defaults(), LateEventPolicy.defaults(), DEFAULT_RETENTION_MARGIN_DAYS,
                Duration.ZERO, DEFAULT_MAX_PENDING_REPORTS);
    }

    /** These settings with reports merged together every {@code interval} (zero: each as it arrives). */
    public IndicatorSettings withMergeInterval(Duration interval) {
        return new IndicatorSettings(merge, late, retentionMarginDays, interval, maxPendingReports, historyRetention,
                mergeMaxWait, mergeAllBelow, mergeIdleAfter);
    }

    /** These settings with earlier versions of daily rows kept for {@code retention}. */
    public IndicatorSettings withHistoryRetention(Duration retention) {
        return new IndicatorSettings(merge, late, retentionMarginDays, mergeInterval, maxPendingReports, retention,
                mergeMaxWait, mergeAllBelow, mergeIdleAfter);
    }

    /**
     * These settings with another merge schedule for backlogs: reports wait at most {@code maxWait} for a merge
     * worth its cost, and while at most {@code allBelow} wait, every interval merges them all.
     */
    public IndicatorSettings withMergeSchedule(Duration maxWait, int allBelow) {
        return new IndicatorSettings(merge, late, retentionMarginDays, mergeInterval, maxPendingReports, historyRetention,
                maxWait, allBelow, mergeIdleAfter);
    }

    /**
     * These settings with waiting reports merged once no report has arrived for {@code idleAfter} while the input
     * keeps up (zero: only at the end of each merge interval).
     */
    public IndicatorSettings withMergeIdleAfter(Duration idleAfter) {
        return new IndicatorSettings(merge, late, retentionMarginDays, mergeInterval, maxPendingReports, historyRetention,
                mergeMaxWait, mergeAllBelow, idleAfter);
    }

    /** These settings with at most {@code max} reports waiting per task before all are merged early. */
    public IndicatorSettings withMaxPendingReports(int max) {
        return new IndicatorSettings(merge, late, retentionMarginDays, mergeInterval, max, historyRetention,
                mergeMaxWait, mergeAllBelow, mergeIdleAfter);
    }

    /** Whether reports wait for a periodic merge rather than being merged one by one. */
    public boolean batched() {
        return !mergeInterval.isZero();
    }

    /** The first day whose canonical events the merge step still keeps, given the newest publication seen. */
    public java.time.LocalDate retainedFrom(java.time.Instant streamTime) {
        return late.cutoff(streamTime).minusDays(retentionMarginDays);
    }

    public static IndicatorSettings of(int toleranceDays, int gracePeriodDays) {
        MergeSettings defaults = MergeSettings.defaults();
        return new IndicatorSettings(
                new MergeSettings(toleranceDays, defaults.fallbackLookbackDays(), defaults.maxDetailedReports()),
                new LateEventPolicy(Duration.ofDays(gracePeriodDays)), DEFAULT_RETENTION_MARGIN_DAYS, Duration.ZERO,
                DEFAULT_MAX_PENDING_REPORTS);
    }
}

package org.tensionwatch.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.indicators.ReportChange;

/**
 * The reports waiting for the next merge ({@link StoreNames#PENDING_REPORTS}, keyed {@link PendingReportKey}) and
 * the {@link MergeSchedule} that decides which regions and types an interval merges.
 *
 * <p>Kept in a changelogged store rather than in the heap so that, under exactly-once, a waiting report is committed
 * with its input offset and merged after a restart; the schedule is the heap's view of the store, rebuilt from it
 * ({@link #recover}) whenever the task is (re)initialized. A batch is taken from the store and deleted from it only
 * after its merge has been written and forwarded ({@link #remove}), so that a merge that throws leaves its reports
 * waiting.
 */
final class WaitingReports {

    private final KeyValueStore<String, ReportChange> pending;
    private final MergeSchedule schedule;

    WaitingReports(KeyValueStore<String, ReportChange> pending, MergeSchedule schedule) {
        this.pending = pending;
        this.schedule = schedule;
    }

    /** The reports of a merge, by match key in the order of their keys, each match key's in arrival order. */
    record Batch(Map<String, List<ReportChange>> byMatchKey, List<String> keys) {

        boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    MergeSchedule schedule() {
        return schedule;
    }

    /** Tells the schedule about the reports left waiting by an earlier run of the task (committed with their offsets). */
    void recover(long nowMs) {
        try (KeyValueIterator<String, ReportChange> all = pending.all()) {
            all.forEachRemaining(entry -> schedule.found(PendingReportKey.matchKeyOf(entry.key), nowMs));
        }
    }

    /** Keeps a report (or retraction) that arrived at this input offset until its match key is merged. */
    void add(String matchKey, long offset, ReportChange report, long nowMs) {
        pending.put(new PendingReportKey(matchKey, offset).encode(), report);
        schedule.arrived(matchKey, nowMs);
    }

    /** How many reports wait, over all match keys. */
    int count() {
        return schedule.waitingReports();
    }

    /** The waiting reports of these match keys, left in the store until {@link #remove}d. */
    Batch take(List<String> matchKeys) {
        Map<String, List<ReportChange>> byMatchKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        if (schedule.waitingReports() == 0) {
            // every key is due: one pass over the store
            try (KeyValueIterator<String, ReportChange> all = pending.all()) {
                all.forEachRemaining(entry -> collect(entry.key, entry.value, byMatchKey, keys));
            }
        } else {
            for (String matchKey : new TreeSet<>(matchKeys)) {
                try (KeyValueIterator<String, ReportChange> some = pending.range(PendingReportKey.firstOf(matchKey),
                        PendingReportKey.afterLastOf(matchKey))) {
                    some.forEachRemaining(entry -> collect(entry.key, entry.value, byMatchKey, keys));
                }
            }
        }
        return new Batch(byMatchKey, keys);
    }

    private static void collect(String pendingKey, ReportChange report, Map<String, List<ReportChange>> byMatchKey,
            List<String> keys) {
        keys.add(pendingKey);
        byMatchKey.computeIfAbsent(PendingReportKey.matchKeyOf(pendingKey), k -> new ArrayList<>()).add(report);
    }

    /** Deletes a merged batch from the store. */
    void remove(Batch merged) {
        merged.keys().forEach(pending::delete);
    }

    /** Forgets the schedule's view of the store. */
    void clear() {
        schedule.clear();
    }
}

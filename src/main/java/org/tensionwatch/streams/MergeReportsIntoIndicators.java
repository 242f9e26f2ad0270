package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.MatchKey;
import org.tensionwatch.indicators.MergeResult;
import org.tensionwatch.indicators.ReportChange;
import org.tensionwatch.indicators.Retraction;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.indicators.TensionIndexTracker;

/**
 * Merges the reports of a region (the task owns all of them) into canonical events and keeps the region's daily
 * indicators by difference, as a KTable aggregate with adder and subtractor would, without a repartition in between.
 *
 * <p>State, per task:
 * <ul>
 *   <li>{@link StoreNames#CANONICAL_BY_DAY}: region|type|day -> the canonical events of that day still within the
 *       retention; a merge reads the range of its region and type and writes back only the days that changed.</li>
 *   <li>{@link StoreNames#CANONICAL_EVENTS}: id -> canonical event, the table behind the queries, and the old value
 *       each change subtracts from its day.</li>
 *   <li>{@link StoreNames#DAILY_INDICATORS}: region|day -> the day's indicators.</li>
 *   <li>{@link StoreNames#DAILY_INDICATORS_HISTORY}: region|day -> every version of the day's indicators (a
 *       tombstone when it lost its last event), valid from the stream time it was written at, which is the time the
 *       system learned it: the newest publication time read when the merge ran, never the wall clock.</li>
 *   <li>{@link StoreNames#PENDING_REPORTS}: region|type|offset -> reports waiting for the next merge, when
 *       {@link IndicatorSettings#mergeInterval()} is positive. Merging a batch of reports of one region and type
 *       clusters once instead of once per report; the result is the same set of events (clustering is a function of
 *       the set of latest report versions). The store is changelogged, so under exactly-once a waiting report is
 *       committed with its input offset and merged after a restart. Which regions and types an interval merges is
 *       {@link MergeSchedule}'s choice: all of them while the input keeps up; during a backlog, those whose waiting
 *       reports are worth a clustering or have waited {@link IndicatorSettings#mergeMaxWait()}.</li>
 *   <li>{@link StoreNames#REGION_NEWEST_PUBLICATION}: region -> the newest publication time of its reports, the
 *       region's own stream time. The merge keeps a region's canonical events matchable back to
 *       {@link IndicatorSettings#retainedFrom} of it and drops a report about an earlier day (it would have nothing left
 *       to match). Per region, so that what is kept of one region never depends on the news of another region in the
 *       same partition, nor on how the two interleave.</li>
 * </ul>
 * A retraction comes keyed by the region|type its report was filed under (the extraction knows it and writes it on
 * the tombstone; {@link ReportsByRegion} passes on only those of this task's regions); it waits and is merged with that
 * region and type's reports in arrival order, and one for a report not held, or retracted already, changes nothing.
 * Every change of a canonical event is emitted (tombstones for ids that disappear), and every changed day with the
 * region's tension index on it; a changed day also moves the index of the days after it, and each later day with events
 * whose (rounded) index moved is emitted again, unchanged but for its index ({@link TensionIndexTracker}), so that the
 * latest record of every day carries the index of the rows as they stand, whatever the order and batches of the
 * reports.
 *
 * <p>The decoded events of the busiest regions and types are also kept in the heap between merges, up to
 * {@link #MAX_DECODED_REPORTS} report references in all (a key that does not fit is read from the store each time),
 * and so are up to {@link #MAX_DECODED_ROWS} daily rows, and the daily impulses of the tension index of each region's
 * days from {@link TensionIndex#HISTORY_DAYS} before its retention on. The copies are written through with the store and dropped
 * whenever the task is (re)initialized or closed, so after a rollback under exactly-once they are rebuilt from the
 * restored store.
 */
final class MergeReportsIntoIndicators implements Processor<String, ReportChange, String, IndicatorsOutput> {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Report references of decoded state kept in the heap, over all regions and types of the task. */
    static final int MAX_DECODED_REPORTS = 150_000;
    /** Daily rows kept decoded in the heap, over all regions of the task. */
    static final int MAX_DECODED_ROWS = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(MergeReportsIntoIndicators.class);

    private final CanonicalEventMerger merger;
    private final IndicatorSettings settings;
    private ProcessorContext<String, IndicatorsOutput> context;
    private KeyValueStore<String, ReportChange> pending;
    private KeyValueStore<String, CanonicalEventList> byDay;
    private TimestampedKeyValueStore<String, CanonicalEvent> canonical;
    private TimestampedKeyValueStore<String, DailyIndicators> daily;
    private VersionedKeyValueStore<String, DailyIndicators> dailyHistory;
    private KeyValueStore<String, Long> newestPublication;
    /** The regions' newest publication times read or written so far, written through to the store. */
    private final Map<String, Long> newestByRegion = new HashMap<>();
    private final MergeSchedule schedule;
    /** When the next merge interval ends (wall clock), with an idle check more often than the interval. */
    private long nextIntervalMs;
    /** When the last report arrived (wall clock). */
    private long lastArrivalMs;
    private final DecodedCache<String, List<CanonicalEvent>> decoded =
            new DecodedCache<>(MAX_DECODED_REPORTS, MergeReportsIntoIndicators::reports);
    /** Each row weighs one: the first {@link #MAX_DECODED_ROWS} rows written are kept. */
    private final DecodedCache<String, DailyIndicators> decodedRows = new DecodedCache<>(MAX_DECODED_ROWS, row -> 1);
    /** The tension index of the days, as each day's record carries it; read from the daily rows' store. */
    private final TensionIndexTracker indexes = new TensionIndexTracker(TensionIndex.withDefaults(), this::storedRows);

    MergeReportsIntoIndicators(CanonicalEventMerger merger, IndicatorSettings settings) {
        this.merger = merger;
        this.settings = settings;
        this.schedule = new MergeSchedule(settings.mergeMaxWait().toMillis(), settings.mergeAllBelow());
    }

    @Override
    public void init(ProcessorContext<String, IndicatorsOutput> context) {
        this.context = context;
        this.pending = context.getStateStore(StoreNames.PENDING_REPORTS);
        this.byDay = context.getStateStore(StoreNames.CANONICAL_BY_DAY);
        this.canonical = context.getStateStore(StoreNames.CANONICAL_EVENTS);
        this.daily = context.getStateStore(StoreNames.DAILY_INDICATORS);
        this.dailyHistory = context.getStateStore(StoreNames.DAILY_INDICATORS_HISTORY);
        this.newestPublication = context.getStateStore(StoreNames.REGION_NEWEST_PUBLICATION);
        forgetDecoded();
        if (settings.batched()) {
            // reports left waiting by an earlier run of the task (committed with their input offsets)
            long startedAt = context.currentSystemTimeMs();
            try (KeyValueIterator<String, ReportChange> all = pending.all()) {
                all.forEachRemaining(entry -> schedule.found(PendingReportKey.matchKeyOf(entry.key), startedAt));
            }
            long intervalMs = settings.mergeInterval().toMillis();
            long idleMs = settings.mergeIdleAfter().toMillis();
            nextIntervalMs = startedAt + intervalMs;
            lastArrivalMs = startedAt;
            if (idleMs <= 0 || idleMs >= intervalMs) {
                context.schedule(settings.mergeInterval(), PunctuationType.WALL_CLOCK_TIME,
                        now -> mergePending(schedule.due(now)));
            } else {
                // checked every idleMs: the interval's merge when it is due, else everything once the input went idle
                context.schedule(settings.mergeIdleAfter(), PunctuationType.WALL_CLOCK_TIME, now -> {
                    if (now >= nextIntervalMs) {
                        nextIntervalMs = now + intervalMs;
                        mergePending(schedule.due(now));
                    } else if (schedule.waitingReports() > 0 && now - lastArrivalMs >= idleMs && schedule.live()) {
                        mergePending(schedule.idle());
                    }
                });
            }
        }
    }

    @Override
    public void process(Record<String, ReportChange> record) {
        // what this record changes, by region|type: a retraction, a report, or a report moved from another type
        List<Map.Entry<String, ReportChange>> changes = new ArrayList<>(1);
        if (record.value() instanceof Retraction retraction) {
            // keyed by the region|type it was filed under, which the extraction wrote on the tombstone
            changes.add(Map.entry(record.key(), retraction));
        } else {
            EventReport report = (EventReport) record.value();
            LocalDate retainedFrom = settings.retainedFrom(Instant.ofEpochMilli(
                    advanceNewestPublication(report.region(), report.publishedAt().toEpochMilli())));
            if (report.occurredOn().isBefore(retainedFrom)) {
                DroppedReports.LATE.increment();
                LOG.warn("Report {} about {} arrived after the merge step let go of {}'s days before {}; not applied",
                        report.eventId(), report.occurredOn(), report.region(), retainedFrom);
                return;
            }
            changes.add(Map.entry(MatchKey.of(report).asString(), report));
        }
        if (!settings.batched()) {
            // stamped with stream time, not the report's publication time: a report published earlier but
            // received later is still a newer version of the canonical event
            long timestamp = Math.max(record.timestamp(), context.currentStreamTimeMs());
            Rows rows = new Rows();
            changes.forEach(change -> merge(change.getKey(), List.of(change.getValue()), timestamp, rows));
            rows.emit(timestamp);
            return;
        }
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElseThrow();
        lastArrivalMs = context.currentSystemTimeMs();
        for (Map.Entry<String, ReportChange> change : changes) {
            pending.put(new PendingReportKey(change.getKey(), offset).encode(), change.getValue());
            schedule.arrived(change.getKey(), lastArrivalMs);
        }
        if (schedule.waitingReports() >= settings.maxPendingReports()) {
            mergePending(schedule.all());
        }
    }

    /** The start of the newest publication day of the region's reports (0 before the first). */
    private long newestPublicationOf(String region) {
        Long newest = newestByRegion.get(region);
        if (newest == null) {
            newest = newestPublication.get(region);
            newest = newest == null ? 0L : newest;
            newestByRegion.put(region, newest);
        }
        return newest;
    }

    /**
     * The region's newest publication day (its start, epoch ms) after a report published at {@code publishedAt}: it
     * never goes back. Kept to the day, which is all the cutoff reads, so the store is written once per region and day
     * instead of once per report.
     */
    private long advanceNewestPublication(String region, long publishedAt) {
        long newest = newestPublicationOf(region);
        long day = Math.floorDiv(publishedAt, MILLIS_PER_DAY) * MILLIS_PER_DAY;
        if (day > newest) {
            newestPublication.put(region, day);
            newestByRegion.put(region, day);
            return day;
        }
        return newest;
    }

    @Override
    public void close() {
        forgetDecoded();
    }

    private void forgetDecoded() {
        decoded.clear();
        decodedRows.clear();
        indexes.forget();
        newestByRegion.clear();
        schedule.clear();
    }

    /**
     * Merges the waiting reports of these regions and types, one clustering per region and type, in arrival order
     * within each.
     */
    private void mergePending(List<String> matchKeys) {
        if (matchKeys.isEmpty()) {
            return;
        }
        Map<String, List<ReportChange>> byMatchKey = new LinkedHashMap<>();
        List<String> merged = new ArrayList<>();
        if (schedule.waitingReports() == 0) {
            // every key is due: one pass over the store
            try (KeyValueIterator<String, ReportChange> all = pending.all()) {
                all.forEachRemaining(entry -> collect(entry.key, entry.value, byMatchKey, merged));
            }
        } else {
            for (String matchKey : new TreeSet<>(matchKeys)) {
                try (KeyValueIterator<String, ReportChange> some = pending.range(PendingReportKey.firstOf(matchKey),
                        PendingReportKey.afterLastOf(matchKey))) {
                    some.forEachRemaining(entry -> collect(entry.key, entry.value, byMatchKey, merged));
                }
            }
        }
        if (merged.isEmpty()) {
            return;
        }
        long timestamp = Math.max(context.currentStreamTimeMs(), 0);
        Rows rows = new Rows();
        byMatchKey.forEach((matchKey, reports) -> merge(matchKey, reports, timestamp, rows));
        rows.emit(timestamp);
        merged.forEach(pending::delete);
    }

    private static void collect(String pendingKey, ReportChange report, Map<String, List<ReportChange>> byMatchKey,
            List<String> merged) {
        merged.add(pendingKey);
        byMatchKey.computeIfAbsent(PendingReportKey.matchKeyOf(pendingKey), k -> new ArrayList<>()).add(report);
    }

    private void merge(String matchKey, List<ReportChange> reports, long timestamp, Rows rows) {
        List<CanonicalEvent> known = load(matchKey);
        MergeResult result = merger.mergeAll(known, reports);
        LocalDate retainedFrom = settings.retainedFrom(Instant.ofEpochMilli(newestPublicationOf(MatchKey.regionOf(matchKey))));
        List<CanonicalEvent> kept = merger.retainMatchable(result.events(), retainedFrom);
        store(matchKey, known, kept);
        if (decoded.contains(matchKey)) {
            remember(matchKey, kept);
        }
        schedule.merged(matchKey, (int) Math.min(Integer.MAX_VALUE, reports(kept)));
        for (String removed : result.removedIds()) {
            ValueAndTimestamp<CanonicalEvent> old = canonical.get(removed);
            canonical.delete(removed);
            if (old != null) {
                rows.subtract(old.value());
            }
            context.forward(new Record<>(removed, IndicatorsOutput.event(null), timestamp));
        }
        for (CanonicalEvent event : result.upserts()) {
            ValueAndTimestamp<CanonicalEvent> old = canonical.get(event.id());
            canonical.put(event.id(), ValueAndTimestamp.make(event, timestamp));
            if (old != null) {
                rows.subtract(old.value());
            }
            rows.add(event);
            context.forward(new Record<>(event.id(), IndicatorsOutput.event(event), timestamp));
        }
    }

    /** The canonical events of a region and type, in the order of their days, then ids. */
    private List<CanonicalEvent> load(String matchKey) {
        List<CanonicalEvent> cached = decoded.get(matchKey);
        if (cached != null) {
            return cached;
        }
        List<CanonicalEvent> events = new ArrayList<>();
        try (KeyValueIterator<String, CanonicalEventList> days = byDay.range(CanonicalDayKey.firstOf(matchKey),
                CanonicalDayKey.afterLastOf(matchKey))) {
            days.forEachRemaining(day -> events.addAll(day.value.events()));
        }
        remember(matchKey, events);
        return events;
    }

    /** Keeps the decoded events of a key if they fit (replacing its earlier copy). */
    private void remember(String matchKey, List<CanonicalEvent> events) {
        decoded.put(matchKey, List.copyOf(events));
    }

    private static long reports(List<CanonicalEvent> events) {
        long count = 0;
        for (CanonicalEvent event : events) {
            count += event.reports().size();
        }
        return count;
    }

    /** The region's rows in the daily store from {@code from} on, up to {@code toExclusive} (null: to the last). */
    private List<DailyIndicators> storedRows(String region, LocalDate from, LocalDate toExclusive) {
        List<DailyIndicators> rows = new ArrayList<>();
        // keys region|yyyy-MM-dd sort by day within the region
        String to = toExclusive == null ? RegionDayKey.afterLastOf(region) : new RegionDayKey(region, toExclusive).encode();
        try (KeyValueIterator<String, ValueAndTimestamp<DailyIndicators>> days =
                daily.range(new RegionDayKey(region, from).encode(), to)) {
            days.forEachRemaining(day -> {
                if (toExclusive == null || !day.key.equals(to)) {
                    rows.add(day.value.value());
                }
            });
        }
        return rows;
    }

    /** Writes the days whose events changed, and deletes the days left without events. */
    private void store(String matchKey, List<CanonicalEvent> before, List<CanonicalEvent> after) {
        Map<LocalDate, List<CanonicalEvent>> old = byDay(before);
        Map<LocalDate, List<CanonicalEvent>> now = byDay(after);
        TreeSet<LocalDate> days = new TreeSet<>(old.keySet());
        days.addAll(now.keySet());
        for (LocalDate day : days) {
            List<CanonicalEvent> events = now.getOrDefault(day, List.of());
            if (events.equals(old.getOrDefault(day, List.of()))) {
                continue;
            }
            String key = new CanonicalDayKey(matchKey, day).encode();
            if (events.isEmpty()) {
                byDay.delete(key);
            } else {
                byDay.put(key, new CanonicalEventList(events));
            }
        }
    }

    private static Map<LocalDate, List<CanonicalEvent>> byDay(List<CanonicalEvent> events) {
        Map<LocalDate, List<CanonicalEvent>> days = new HashMap<>();
        for (CanonicalEvent event : events) {
            days.computeIfAbsent(event.occurredOn(), d -> new ArrayList<>()).add(event);
        }
        return days;
    }

    /** The daily rows one merge changes: read once, moved by each event's difference, written and emitted once. */
    private final class Rows {
        private final Map<String, DailyIndicators> before = new HashMap<>();
        private final Map<String, DailyIndicatorsAggregator.RowChanges> now = new TreeMap<>();

        void add(CanonicalEvent event) {
            row(new RegionDayKey(event.region(), event.occurredOn()).encode()).add(event);
        }

        void subtract(CanonicalEvent event) {
            row(new RegionDayKey(event.region(), event.occurredOn()).encode()).subtract(event);
        }

        private DailyIndicatorsAggregator.RowChanges row(String key) {
            DailyIndicatorsAggregator.RowChanges row = now.get(key);
            if (row == null) {
                DailyIndicators start = decodedRows.get(key);
                if (start == null) {
                    ValueAndTimestamp<DailyIndicators> stored = daily.get(key);
                    start = stored == null ? DailyIndicators.empty() : stored.value();
                }
                before.put(key, start);
                row = new DailyIndicatorsAggregator.RowChanges(start);
                now.put(key, row);
            }
            return row;
        }

        void emit(long timestamp) {
            Map<String, SortedMap<LocalDate, DailyIndicators>> changedByRegion = new TreeMap<>();
            now.forEach((key, changes) -> {
                DailyIndicators row = changes.row();
                decodedRows.put(key, row);
                if (!Objects.equals(row, before.get(key))) {
                    RegionDayKey day = RegionDayKey.parse(key);
                    changedByRegion.computeIfAbsent(day.region(), r -> new TreeMap<>()).put(day.day(), row);
                }
            });
            changedByRegion.forEach((region, rows) -> {
                // before the rows are written: the tracker reads the days it does not keep yet as they were
                TensionIndexTracker.Changes index = indexes.apply(region, rows);
                // every row written before any is forwarded, so that the store keeps up with the tracker even if a
                // downstream step throws
                rows.forEach((day, row) -> {
                    String key = new RegionDayKey(region, day).encode();
                    if (row.hasEvents()) {
                        daily.put(key, ValueAndTimestamp.make(row, timestamp));
                        dailyHistory.put(key, row, timestamp);
                    } else {
                        daily.delete(key);
                        dailyHistory.delete(key, timestamp);
                    }
                });
                rows.forEach((day, row) -> context.forward(new Record<>(new RegionDayKey(region, day).encode(),
                        IndicatorsOutput.row(row, index.ofChangedDays().get(day)), timestamp)));
                // later days whose index these changes moved: the same row, with its index as it now stands
                index.movedDays().forEach((day, tensionIndex) -> {
                    String key = new RegionDayKey(region, day).encode();
                    context.forward(new Record<>(key, IndicatorsOutput.row(currentRow(key), tensionIndex), timestamp));
                });
                indexes.forgetBefore(region, settings.retainedFrom(Instant.ofEpochMilli(newestPublicationOf(region)))
                        .minusDays(TensionIndex.HISTORY_DAYS));
            });
        }

        private DailyIndicators currentRow(String key) {
            DailyIndicators row = decodedRows.get(key);
            if (row == null) {
                ValueAndTimestamp<DailyIndicators> stored = daily.get(key);
                if (stored == null) {
                    throw new IllegalStateException("no row " + key + " in the store, but its index is kept");
                }
                row = stored.value();
            }
            return row;
        }
    }
}

package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.indicators.TensionIndexTracker;

/**
 * The merge's daily indicator rows and their output: {@link StoreNames#DAILY_INDICATORS} and
 * {@link StoreNames#DAILY_INDICATORS_HISTORY} (keyed {@link RegionDayKey}), moved by the difference of each canonical
 * event change as a KTable aggregate with adder and subtractor would, and forwarded with the region's tension index.
 *
 * <p>A changed day also moves the index of the days after it, and each later day with events whose (rounded) index
 * moved is forwarded again, unchanged but for its index ({@link TensionIndexTracker}), so that the latest record of
 * every day carries the index of the rows as they stand, whatever the order and batches of the reports.
 *
 * <p>Up to {@link #MAX_DECODED_ROWS} rows are kept decoded in the heap, and the daily impulses of the tension index
 * of each region's days from {@link TensionIndex#HISTORY_DAYS} before its retention on; both are written through with
 * the store and {@linkplain #clear() cleared} whenever the task is (re)initialized or closed.
 */
final class DailyRowsWriter {

    /** Daily rows kept decoded in the heap, over all regions of the task. */
    static final int MAX_DECODED_ROWS = 20_000;

    private final ProcessorContext<String, IndicatorsOutput> context;
    private final TimestampedKeyValueStore<String, DailyIndicators> daily;
    private final VersionedKeyValueStore<String, DailyIndicators> dailyHistory;
    private final IndicatorSettings settings;
    private final NewestPublications newest;
    /** Each row weighs one: the first {@link #MAX_DECODED_ROWS} rows written are kept. */
    private final DecodedCache<String, DailyIndicators> decodedRows = new DecodedCache<>(MAX_DECODED_ROWS, row -> 1);
    /** The tension index of the days, as each day's record carries it; read from the daily rows' store. */
    private final TensionIndexTracker indexes = new TensionIndexTracker(TensionIndex.withDefaults(), this::storedRows);

    DailyRowsWriter(ProcessorContext<String, IndicatorsOutput> context,
            TimestampedKeyValueStore<String, DailyIndicators> daily,
            VersionedKeyValueStore<String, DailyIndicators> dailyHistory, IndicatorSettings settings,
            NewestPublications newest) {
        this.context = context;
        this.daily = daily;
        this.dailyHistory = dailyHistory;
        this.settings = settings;
        this.newest = newest;
    }

    /** The changes of one merge, to {@link Changes#emit} once it is done. */
    Changes changes() {
        return new Changes();
    }

    /** Forgets the decoded rows and indexes: the store is the truth again. */
    void clear() {
        decodedRows.clear();
        indexes.forget();
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

    /** The daily rows one merge changes: read once, moved by each event's difference, written and emitted once. */
    final class Changes {
        private final Map<String, DailyIndicators> before = new HashMap<>();
        private final Map<String, DailyIndicatorsAggregator.RowChanges> now = new TreeMap<>();

        private Changes() {
        }

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

        /** Writes the changed rows and forwards them, then the later days whose index they moved. */
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
                indexes.forgetBefore(region, settings.retainedFrom(Instant.ofEpochMilli(newest.of(region)))
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

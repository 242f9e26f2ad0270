package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds canonical events to and subtracts them from a region's daily row, as the adder and subtractor of a Kafka
 * Streams KTable aggregate: {@code subtract(add(row, e), e)} equals {@code row}.
 */
public final class DailyIndicatorsAggregator {

    private DailyIndicatorsAggregator() {
    }

    /**
     * The row with the event counted.
     *
     * @throws IllegalArgumentException if the event is of another region or day than the row, or already counted
     */
    public static DailyIndicators add(DailyIndicators row, CanonicalEvent event) {
        if (row.hasEvents()) {
            requireSameDay(row, event);
        }
        int at = Collections.binarySearch(row.eventIds(), event.id());
        if (at >= 0) {
            throw new IllegalArgumentException("event already counted: " + event.id());
        }
        List<String> ids = new ArrayList<>(row.eventIds());
        ids.add(-at - 1, event.id());
        return new DailyIndicators(event.region(), event.occurredOn(),
                row.counts().plus(IndicatorCounts.of(event)), ids);
    }

    /**
     * The row without the event, which must be the value that was added.
     *
     * @throws IllegalArgumentException if the event was never added to the row
     */
    public static DailyIndicators subtract(DailyIndicators row, CanonicalEvent event) {
        int at = Collections.binarySearch(row.eventIds(), event.id());
        if (at < 0) {
            throw new IllegalArgumentException("event was never added: " + event.id());
        }
        requireSameDay(row, event);
        List<String> ids = new ArrayList<>(row.eventIds());
        ids.remove(at);
        IndicatorCounts counts = row.counts().minus(IndicatorCounts.of(event));
        return ids.isEmpty() ? DailyIndicators.empty() : new DailyIndicators(row.region(), row.day(), counts, ids);
    }

    private static void requireSameDay(DailyIndicators row, CanonicalEvent event) {
        if (!row.region().equals(event.region()) || !row.day().equals(event.occurredOn())) {
            throw new IllegalArgumentException("event " + event.id() + " is not of row " + row.region() + " "
                    + row.day());
        }
    }

    /**
     * A row being moved by several events in turn: the same checks, in the same order, and the same final row as a
     * chain of {@link #add} and {@link #subtract}, without copying the row's ids and counts for every event.
     */
    public static final class RowChanges {

        /** The count indicators, in the order of {@link #sums}. */
        private static final List<Indicator> COUNTS = Indicator.counts();

        private String region;
        private LocalDate day;
        private final TreeSet<String> ids;
        private final long[] sums;
        private final TreeMap<String, Long> alertLevelCounts;
        private final TreeMap<String, Long> sourceCounts;

        public RowChanges(DailyIndicators row) {
            this.region = row.region();
            this.day = row.day();
            this.ids = new TreeSet<>(row.eventIds());
            this.sums = sums(row.counts());
            this.alertLevelCounts = new TreeMap<>(row.counts().alertLevelCounts());
            this.sourceCounts = new TreeMap<>(row.counts().sourceCounts());
        }

        /** As {@link DailyIndicatorsAggregator#add}. */
        public void add(CanonicalEvent event) {
            if (!ids.isEmpty()) {
                requireSameDay(event);
            }
            if (!ids.add(event.id())) {
                throw new IllegalArgumentException("event already counted: " + event.id());
            }
            region = event.region();
            day = event.occurredOn();
            move(IndicatorCounts.of(event), 1);
        }

        /** As {@link DailyIndicatorsAggregator#subtract}. */
        public void subtract(CanonicalEvent event) {
            if (!ids.contains(event.id())) {
                throw new IllegalArgumentException("event was never added: " + event.id());
            }
            requireSameDay(event);
            ids.remove(event.id());
            move(IndicatorCounts.of(event), -1);
            if (ids.isEmpty()) {
                region = null;
                day = null;
                java.util.Arrays.fill(sums, 0);
                alertLevelCounts.clear();
                sourceCounts.clear();
            }
        }

        /** The row now. */
        public DailyIndicators row() {
            if (ids.isEmpty()) {
                return DailyIndicators.empty();
            }
            IndicatorCounts counts = IndicatorCounts.of(indicator -> sums[COUNTS.indexOf(indicator)], alertLevelCounts,
                    sourceCounts);
            return new DailyIndicators(region, day, counts, new ArrayList<>(ids));
        }

        private void requireSameDay(CanonicalEvent event) {
            if (!event.region().equals(region) || !event.occurredOn().equals(day)) {
                throw new IllegalArgumentException("event " + event.id() + " is not of row " + region + " " + day);
            }
        }

        private void move(IndicatorCounts delta, int sign) {
            long[] by = sums(delta);
            for (int i = 0; i < sums.length; i++) {
                long result = Math.addExact(sums[i], sign * by[i]);
                if (result < 0) {
                    throw new IllegalArgumentException(COUNTS.get(i).fieldName() + " would go below zero: " + sums[i]
                            + " - " + by[i]);
                }
                sums[i] = result;
            }
            move(alertLevelCounts, delta.alertLevelCounts(), sign, "alertLevelCounts");
            move(sourceCounts, delta.sourceCounts(), sign, "sourceCounts");
        }

        private static void move(Map<String, Long> counts, Map<String, Long> by, int sign, String name) {
            by.forEach((key, value) -> {
                long before = counts.getOrDefault(key, 0L);
                long result = Math.addExact(before, sign * value);
                if (result < 0) {
                    throw new IllegalArgumentException(name + "." + key + " would go below zero: " + before + " - " + value);
                }
                if (result == 0) {
                    counts.remove(key);
                } else {
                    counts.put(key, result);
                }
            });
        }

        private static long[] sums(IndicatorCounts c) {
            long[] sums = new long[COUNTS.size()];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = c.get(COUNTS.get(i));
            }
            return sums;
        }
    }
}

package org.tensionwatch.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
}

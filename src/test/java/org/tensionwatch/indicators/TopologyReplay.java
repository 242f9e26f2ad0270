package org.tensionwatch.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test fixture: plays reports through the merger and the daily aggregate the way the Kafka Streams topology does
 * (a store of events per match key, a table of events by id, a grouped aggregate by region and day).
 */
final class TopologyReplay {

    private final CanonicalEventMerger merger;
    private final Map<String, List<CanonicalEvent>> eventsByMatchKey = new HashMap<>();
    private final Map<String, CanonicalEvent> eventsById = new TreeMap<>();
    private final Map<String, DailyIndicators> rows = new TreeMap<>();

    TopologyReplay(CanonicalEventMerger merger) {
        this.merger = merger;
    }

    void accept(EventReport report) {
        String key = MatchKey.of(report).asString();
        apply(key, merger.merge(eventsByMatchKey.getOrDefault(key, List.of()), report));
    }

    /** Merges reports together, one {@link CanonicalEventMerger#mergeAll} per match key, as the batched topology does. */
    void acceptAll(List<EventReport> reports) {
        Map<String, List<EventReport>> byKey = new java.util.LinkedHashMap<>();
        reports.forEach(r -> byKey.computeIfAbsent(MatchKey.of(r).asString(), k -> new java.util.ArrayList<>()).add(r));
        byKey.forEach((key, batch) -> apply(key, merger.mergeAll(eventsByMatchKey.getOrDefault(key, List.of()), batch)));
    }

    private void apply(String key, MergeResult result) {
        eventsByMatchKey.put(key, result.events());
        for (String id : result.removedIds()) {
            CanonicalEvent old = eventsById.remove(id);
            rows.compute(rowKey(old), (k, row) -> DailyIndicatorsAggregator.subtract(row, old));
        }
        for (CanonicalEvent event : result.upserts()) {
            CanonicalEvent old = eventsById.put(event.id(), event);
            if (old != null) {
                rows.compute(rowKey(old), (k, row) -> DailyIndicatorsAggregator.subtract(row, old));
            }
            rows.compute(rowKey(event), (k, row) ->
                    DailyIndicatorsAggregator.add(row == null ? DailyIndicators.empty() : row, event));
        }
    }

    /** The canonical events, by id. */
    Map<String, CanonicalEvent> events() {
        return Map.copyOf(eventsById);
    }

    /** The daily rows that hold events, by "region|day". */
    Map<String, DailyIndicators> rows() {
        Map<String, DailyIndicators> nonEmpty = new TreeMap<>(rows);
        nonEmpty.values().removeIf(row -> !row.hasEvents());
        return nonEmpty;
    }

    private static String rowKey(CanonicalEvent event) {
        return event.region() + "|" + event.occurredOn();
    }
}

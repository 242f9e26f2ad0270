package org.tensionwatch.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

/** Test fixture: daily rows built the real way, from reports through the merger and the aggregator. */
final class Rows {

    private Rows() {
    }

    /** The row of the canonical events these reports (all of one region and day) make. */
    static DailyIndicators of(EventReport... reports) {
        CanonicalEventMerger merger = CanonicalEventMerger.withDefaults();
        Map<String, List<CanonicalEvent>> byKey = new HashMap<>();
        for (EventReport report : reports) {
            String key = MatchKey.of(report).asString();
            byKey.put(key, merger.merge(byKey.getOrDefault(key, List.of()), report).events());
        }
        DailyIndicators row = DailyIndicators.empty();
        for (List<CanonicalEvent> events : byKey.values()) {
            for (CanonicalEvent event : events) {
                row = DailyIndicatorsAggregator.add(row, event);
            }
        }
        return row;
    }

    /** A day of clashes in XK: {@code injured} injured, one clash, one protest, and a high alert. */
    static DailyIndicators clashDay(String day, long injured) {
        return of(
                Reports.injury(day + "-i").on(day).exactly(injured).build(),
                Reports.of(EventType.CLASH, day + "-c").actor("protesters").on(day).build(),
                Reports.of(EventType.PROTEST, day + "-p").actor("protesters").on(day).build(),
                Reports.of(EventType.MILITARY_ALERT, day + "-m").actor("army").on(day).level(AlertLevel.HIGH).build());
    }
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tensionwatch.domain.AlertLevel;

/**
 * The indicators of one region on one day, built from its canonical events by {@link DailyIndicatorsAggregator}.
 *
 * <p>A row without events is {@link #empty()}: it has no region or day either, so that adding an event to it and
 * subtracting it again gives back exactly the row one started from (the Kafka Streams initializer knows no key).
 *
 * @param eventIds ids of the canonical events counted, sorted; each at most once
 */
public record DailyIndicators(String region, LocalDate day, IndicatorCounts counts, List<String> eventIds) {

    private static final DailyIndicators EMPTY = new DailyIndicators(null, null, IndicatorCounts.ZERO, List.of());

    public DailyIndicators {
        Objects.requireNonNull(counts, "counts == null");
        eventIds = List.copyOf(eventIds);
        if (eventIds.stream().distinct().count() != eventIds.size()) {
            throw new IllegalArgumentException("eventIds holds duplicates");
        }
        if (counts.events() != eventIds.size()) {
            throw new IllegalArgumentException("counts.events != eventIds.size: " + counts.events());
        }
        if (eventIds.isEmpty() != (region == null) || eventIds.isEmpty() != (day == null)) {
            throw new IllegalArgumentException("region and day must be set exactly when there are events");
        }
        if (eventIds.isEmpty() && !counts.equals(IndicatorCounts.ZERO)) {
            throw new IllegalArgumentException("counts without events");
        }
    }

    /** The row before any event: the aggregate's initial value. */
    public static DailyIndicators empty() {
        return EMPTY;
    }

    /** Whether any event is counted. */
    public boolean hasEvents() {
        return !eventIds.isEmpty();
    }

    /** The highest military alert level reported that day, or {@code null}. */
    public AlertLevel highestAlertLevel() {
        return counts.highestAlertLevel();
    }

    /** Distinct sources behind the day's events. */
    public int distinctSources() {
        return counts.distinctSources();
    }
}

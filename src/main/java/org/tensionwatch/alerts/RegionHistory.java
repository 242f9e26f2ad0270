package org.tensionwatch.alerts;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.TensionIndex;

/**
 * A region's canonical events as far back as its alert rules read (window plus baseline), each id at most once, in
 * a fixed order (day, then id) so that the same events always give the same answers. Assembled for an evaluation
 * from the region's {@link RegionDay}s, which are what is stored.
 *
 * <p>The events are held in a list that also indexes them by day, so that the events of a window are found by binary
 * search instead of a pass over the whole history, and that remembers the region's tension index series once
 * computed: a history is immutable, and is evaluated for every rule and often for many days (a new day closed for
 * every region, a late change revisiting past windows).
 */
public record RegionHistory(String region, List<CanonicalEvent> events) {

    private static final Comparator<CanonicalEvent> ORDER =
            Comparator.comparing(CanonicalEvent::occurredOn).thenComparing(CanonicalEvent::id);

    public RegionHistory {
        Objects.requireNonNull(region, "region == null");
        List<CanonicalEvent> sorted = new ArrayList<>(events);
        for (CanonicalEvent e : sorted) {
            if (!region.equals(e.region())) {
                throw new IllegalArgumentException("event " + e.id() + " is not of region " + region);
            }
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("event " + sorted.get(i).id() + " twice");
            }
        }
        events = new DayIndexed(sorted.toArray(CanonicalEvent[]::new));
    }

    /** The history made of these days of the region. */
    public static RegionHistory of(String region, Collection<RegionDay> days) {
        List<CanonicalEvent> events = new ArrayList<>();
        List<List<CanonicalEvent>> byDay = new ArrayList<>(days.size());
        LocalDate previous = null;
        boolean inOrder = true;
        for (RegionDay day : days) {
            if (!region.equals(day.region())) {
                throw new IllegalArgumentException("day " + day.day() + " of " + day.region() + " is not of " + region);
            }
            events.addAll(day.events());
            if (!day.isEmpty()) {
                inOrder &= previous == null || day.day().isAfter(previous);
                previous = day.day();
                byDay.add(day.events());
            }
        }
        RegionHistory history = new RegionHistory(region, events);
        if (inOrder) {
            // the days' own lists, whose identity stays while a day does not change: its row can be remembered
            ((DayIndexed) history.events).days = byDay;
        }
        return history;
    }

    public static RegionHistory empty(String region) {
        return new RegionHistory(region, List.of());
    }

    /** This history with the event added, or replacing the earlier version of the same id. */
    public RegionHistory with(CanonicalEvent event) {
        List<CanonicalEvent> next = new ArrayList<>(without(event.id()).events);
        next.add(event);
        return new RegionHistory(region, next);
    }

    /** This history without the event of that id (the canonical event stopped existing). */
    public RegionHistory without(String id) {
        return new RegionHistory(region, events.stream().filter(e -> !e.id().equals(id)).toList());
    }

    /** This history without events before {@code first}. */
    public RegionHistory retainFrom(LocalDate first) {
        return new RegionHistory(region, events.stream().filter(e -> !e.occurredOn().isBefore(first)).toList());
    }

    /** The events that happened from {@code from} to {@code to}, both included, in the history's order. */
    public List<CanonicalEvent> between(LocalDate from, LocalDate to) {
        DayIndexed all = (DayIndexed) events;
        int start = all.firstOnOrAfter(from);
        int end = all.firstOnOrAfter(to.plusDays(1));
        return start >= end ? List.of() : all.subList(start, end);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * The region's tension index on {@code day} from the events on that day and before (0 when there are none), as
     * {@link TensionIndex#compute} gives it from the daily rows those events make. The series is computed once per
     * history and index: the pressure of a day depends only on the rows up to it, so one pass gives every day.
     */
    double tensionIndexOn(TensionIndex index, LocalDate day) {
        return tensionIndexOn(index, day, null);
    }

    /**
     * As {@link #tensionIndexOn(TensionIndex, LocalDate)}, with the rows of days already seen in {@code rows}, by the
     * identity of the day's list of events (a {@link RegionDay}'s, unchanged as long as the day is): a history made
     * anew for each change then builds only the rows of the days that changed.
     */
    double tensionIndexOn(TensionIndex index, LocalDate day, Map<List<CanonicalEvent>, DailyIndicators> rows) {
        return ((DayIndexed) events).tensionIndexOn(index, region, day, rows);
    }

    /** Events sorted by day, then id: an immutable list that finds a day by binary search and keeps the index series. */
    private static final class DayIndexed extends AbstractList<CanonicalEvent> implements RandomAccess {
        /** Days after the last one asked for that a series is computed for at once, so that closing days reuses it. */
        private static final int SERIES_AHEAD_DAYS = 31;
        private final CanonicalEvent[] events;
        /** The events of each day in order, as the days hold them, when made from days; else {@code null}. */
        private List<List<CanonicalEvent>> days;
        private TensionIndex seriesOf;
        private long seriesFirstDay;
        private double[] series;

        DayIndexed(CanonicalEvent[] events) {
            this.events = events;
        }

        @Override
        public CanonicalEvent get(int i) {
            return events[i];
        }

        @Override
        public int size() {
            return events.length;
        }

        /** The position of the first event on or after the day (the size if none). */
        int firstOnOrAfter(LocalDate day) {
            int low = 0;
            int high = events.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (events[mid].occurredOn().isBefore(day)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        double tensionIndexOn(TensionIndex index, String region, LocalDate day,
                Map<List<CanonicalEvent>, DailyIndicators> rowCache) {
            if (events.length == 0 || day.isBefore(events[0].occurredOn())) {
                return 0;
            }
            long offset = day.toEpochDay() - events[0].occurredOn().toEpochDay();
            if (seriesOf != index || offset >= series.length) {
                LocalDate last = events[events.length - 1].occurredOn();
                LocalDate to = (day.isAfter(last) ? day : last).plusDays(SERIES_AHEAD_DAYS);
                List<DailyIndex> computed = index.compute(region, rows(rowCache), events[0].occurredOn(), to);
                double[] values = new double[computed.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = computed.get(i).index();
                }
                series = values;
                seriesFirstDay = events[0].occurredOn().toEpochDay();
                seriesOf = index;
            }
            return series[(int) (day.toEpochDay() - seriesFirstDay)];
        }

        /** Each day's row, built in place from the day's events in the history's order (or found in the cache). */
        private List<DailyIndicators> rows(Map<List<CanonicalEvent>, DailyIndicators> cache) {
            if (days != null && cache != null) {
                List<DailyIndicators> rows = new ArrayList<>(days.size());
                for (List<CanonicalEvent> dayEvents : days) {
                    rows.add(cache.computeIfAbsent(dayEvents, DayIndexed::row));
                }
                return rows;
            }
            TreeMap<LocalDate, DailyIndicatorsAggregator.RowChanges> building = new TreeMap<>();
            for (CanonicalEvent e : events) {
                building.computeIfAbsent(e.occurredOn(),
                        d -> new DailyIndicatorsAggregator.RowChanges(DailyIndicators.empty())).add(e);
            }
            List<DailyIndicators> rows = new ArrayList<>(building.size());
            building.values().forEach(row -> rows.add(row.row()));
            return rows;
        }

        private static DailyIndicators row(List<CanonicalEvent> dayEvents) {
            DailyIndicatorsAggregator.RowChanges row = new DailyIndicatorsAggregator.RowChanges(DailyIndicators.empty());
            dayEvents.forEach(row::add);
            return row.row();
        }
    }
}

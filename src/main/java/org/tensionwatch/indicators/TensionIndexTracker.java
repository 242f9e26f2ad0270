package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The tension index that each day's record of the indicators topic carries, kept right as rows change. A day's index
 * is {@link TensionIndex#indexOn} over the region's rows of that day and the {@link TensionIndex#HISTORY_DAYS} days
 * before it, {@link TensionIndex#rounded rounded} as the API shows it (so the topic and
 * {@code GET /api/regions/{region}/indicators?from=day&to=day} agree). It moves when the day's row changes, and when a
 * row of one of the days before it does: {@link #apply} answers the index of each changed day and of each later day
 * with events whose index moved, so that the latest record of every day carries the index of the rows as they stand,
 * whatever order and batches the rows changed in.
 *
 * <p>Keeps each region's daily impulses from some day on, read from the rows' store ({@link RowSource}) the first
 * time they are needed and written through on every change, so that a change costs a few hundred arithmetic steps
 * rather than a read of the region's rows. The owner must pass every change of the rows it holds, and
 * {@link #forget()} everything whenever its store may have moved under it (a task restored or rolled back).
 */
public final class TensionIndexTracker {

    /** Reads a region's rows. */
    @FunctionalInterface
    public interface RowSource {
        /**
         * The region's rows with events from {@code from} on, up to {@code toExclusive} ({@code null}: to the last),
         * in any order.
         */
        List<DailyIndicators> rows(String region, LocalDate from, LocalDate toExclusive);
    }

    /**
     * What a change of rows does to the published index.
     *
     * @param ofChangedDays the index of each changed day; {@code null} for a day left without events
     * @param movedDays later days with events, not changed themselves, whose index moved, with their new index
     */
    public record Changes(SortedMap<LocalDate, Double> ofChangedDays, SortedMap<LocalDate, Double> movedDays) {
    }

    /** One region's impulses of every day with events from {@code from} on. */
    private static final class Days {
        private LocalDate from;
        private final NavigableMap<LocalDate, Double> impulses = new TreeMap<>();

        Days(LocalDate from) {
            this.from = from;
        }
    }

    private final TensionIndex index;
    private final RowSource source;
    private final Map<String, Days> regions = new HashMap<>();

    public TensionIndexTracker(TensionIndex index, RowSource source) {
        this.index = Objects.requireNonNull(index, "index == null");
        this.source = Objects.requireNonNull(source, "source == null");
    }

    /**
     * Takes changed rows of one region and answers the index of each, and of each later day whose index they moved.
     *
     * @param changed the region's changed rows by day (each as it is now; a day left without events as
     *     {@link DailyIndicators#empty()}); the source must still hold them as they were before, since the days
     *     before are read from it where not kept yet (write the rows after this call)
     */
    public Changes apply(String region, SortedMap<LocalDate, DailyIndicators> changed) {
        SortedMap<LocalDate, Double> ofChanged = new TreeMap<>();
        SortedMap<LocalDate, Double> moved = new TreeMap<>();
        if (changed.isEmpty()) {
            return new Changes(ofChanged, moved);
        }
        LocalDate first = changed.firstKey();
        LocalDate last = changed.lastKey();
        NavigableMap<LocalDate, Double> impulses = load(region, first.minusDays(TensionIndex.HISTORY_DAYS));

        Map<LocalDate, Double> before = new TreeMap<>();
        for (LocalDate day : impulses.subMap(first, false, last.plusDays(TensionIndex.HISTORY_DAYS), true).keySet()) {
            if (!changed.containsKey(day)) {
                before.put(day, indexOn(day, impulses));
            }
        }
        changed.forEach((day, row) -> {
            if (row.hasEvents()) {
                impulses.put(day, index.impulse(row.counts()));
            } else {
                impulses.remove(day);
            }
        });
        changed.forEach((day, row) -> ofChanged.put(day, row.hasEvents() ? indexOn(day, impulses) : null));
        before.forEach((day, was) -> {
            double is = indexOn(day, impulses);
            if (is != was) {
                moved.put(day, is);
            }
        });
        return new Changes(ofChanged, moved);
    }

    /** The region's published index on {@code day} from the rows as they stand. */
    public double indexOn(String region, LocalDate day) {
        return indexOn(day, load(region, day.minusDays(TensionIndex.HISTORY_DAYS)));
    }

    /**
     * Lets go of the region's days before {@code day} (rows that can no longer change, and whose index is no longer
     * asked for); they are read again should a change need them.
     */
    public void forgetBefore(String region, LocalDate day) {
        Days days = regions.get(region);
        if (days != null && days.from.isBefore(day)) {
            days.impulses.headMap(day).clear();
            days.from = day;
        }
    }

    /** Lets go of everything kept: it is read again from the source as needed. */
    public void forget() {
        regions.clear();
    }

    /** Days kept over all regions (for tests and bounds). */
    public int daysKept() {
        return regions.values().stream().mapToInt(d -> d.impulses.size()).sum();
    }

    private double indexOn(LocalDate day, NavigableMap<LocalDate, Double> impulses) {
        return TensionIndex.rounded(index.indexOn(day, impulses));
    }

    /** The region's impulses, read from the source back to {@code from} at least. */
    private NavigableMap<LocalDate, Double> load(String region, LocalDate from) {
        Days days = regions.get(region);
        if (days == null) {
            days = new Days(from);
            add(days, source.rows(region, from, null));
            regions.put(region, days);
        } else if (from.isBefore(days.from)) {
            add(days, source.rows(region, from, days.from));
            days.from = from;
        }
        return days.impulses;
    }

    private void add(Days days, List<DailyIndicators> rows) {
        for (DailyIndicators row : rows) {
            if (row.hasEvents()) {
                days.impulses.put(row.day(), index.impulse(row.counts()));
            }
        }
    }
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** Sums a region's daily rows into rolling windows ({@code P1D}, {@code P7D}, {@code P30D}) ending on each day. */
public final class RollingWindow {

    private final String region;
    private final TreeMap<LocalDate, IndicatorCounts> byDay = new TreeMap<>();

    private RollingWindow(String region, List<DailyIndicators> rows) {
        this.region = Objects.requireNonNull(region, "region == null");
        for (DailyIndicators row : rows) {
            if (!row.hasEvents()) {
                continue;
            }
            if (!region.equals(row.region())) {
                throw new IllegalArgumentException("row of " + row.region() + " among rows of " + region);
            }
            if (byDay.put(row.day(), row.counts()) != null) {
                throw new IllegalArgumentException("two rows for " + row.day());
            }
        }
    }

    /** A window over these rows of one region, in any order; rows without events are skipped. */
    public static RollingWindow of(String region, List<DailyIndicators> rows) {
        return new RollingWindow(region, rows);
    }

    /** The window of {@code period} ending on {@code end}: that day and the days before it. */
    public WindowIndicators endingOn(LocalDate end, RollingPeriod period) {
        LocalDate start = end.minusDays(period.days() - 1L);
        IndicatorCounts sum = IndicatorCounts.ZERO;
        for (IndicatorCounts counts : byDay.subMap(start, true, end, true).values()) {
            sum = sum.plus(counts);
        }
        return new WindowIndicators(region, period.name(), start, end, sum);
    }

    /** The windows of every period ending on each day from {@code from} to {@code to}, by day then period. */
    public List<WindowIndicators> series(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from: " + to + " < " + from);
        }
        List<WindowIndicators> windows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (RollingPeriod period : RollingPeriod.values()) {
                windows.add(endingOn(day, period));
            }
        }
        return windows;
    }
}

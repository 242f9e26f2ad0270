package org.tensionwatch.service;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensionwatch.views.IndicatorRow;
import org.tensionwatch.views.RegionSummary;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.indicators.RollingWindow;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.indicators.WindowIndicators;

/**
 * Answers indicator queries: the rows and canonical events, wherever they live ({@link QueryRouter}), made into
 * windows and the tension index.
 */
@ApplicationScoped
public class IndicatorQueries {

    /**
     * How many days before a query's first day feed the tension index: its history days, and a week more for the
     * 7-day change of the first day ({@link TensionIndex#SERIES_HISTORY_DAYS}).
     */
    static final int INDEX_HISTORY_DAYS = TensionIndex.SERIES_HISTORY_DAYS;

    @Inject
    QueryRouter router;

    private final TensionIndex tensionIndex = TensionIndex.withDefaults();

    /** Windows of {@code period} ending on each day from {@code from} to {@code to}, with the index of each day. */
    public List<IndicatorRow> series(String region, LocalDate from, LocalDate to, RollingPeriod period) {
        return series(region, from, to, period, null);
    }

    /**
     * The same windows and index computed from the rows as they stood at {@code asOf} (what a dashboard showed
     * then); {@code null} for the rows as they stand now.
     */
    public List<IndicatorRow> series(String region, LocalDate from, LocalDate to, RollingPeriod period, Instant asOf) {
        LocalDate historyStart = from.minusDays(Math.max(INDEX_HISTORY_DAYS, period.days()));
        List<DailyIndicators> rows = asOf == null ? rows(region, historyStart, to) : rowsAsOf(region, historyStart, to, asOf);
        RollingWindow windows = RollingWindow.of(region, rows);
        List<IndicatorRow> result = new ArrayList<>();
        for (DailyIndex day : tensionIndex.compute(region, rows, from, to)) {
            result.add(IndicatorRow.of(windows.endingOn(day.day(), period), day));
        }
        return result;
    }

    /** Every region with events in the 90 days up to {@code day}, by tension index on that day, highest first. */
    public List<RegionSummary> regions(LocalDate day) {
        LocalDate historyStart = day.minusDays(INDEX_HISTORY_DAYS);
        LocalDate listedFrom = day.minusDays(TensionIndex.HISTORY_DAYS);
        Map<String, List<DailyIndicators>> byRegion = new TreeMap<>();
        for (DailyIndicators row : router.rowsOfEveryRegion(historyStart, day)) {
            byRegion.computeIfAbsent(row.region(), r -> new ArrayList<>()).add(row);
        }
        List<RegionSummary> regions = new ArrayList<>();
        byRegion.forEach((region, rows) -> {
            rows.sort(Comparator.comparing(DailyIndicators::day));
            if (rows.get(rows.size() - 1).day().isBefore(listedFrom)) {
                return; // only the week before the 90 days, read for the 7-day change: not a region of these 90 days
            }
            List<DailyIndex> index = tensionIndex.compute(region, rows, day, day);
            DailyIndex today = index.get(index.size() - 1);
            RollingWindow windows = RollingWindow.of(region, rows);
            WindowIndicators week = windows.endingOn(day, RollingPeriod.P7D);
            WindowIndicators month = windows.endingOn(day, RollingPeriod.P30D);
            regions.add(new RegionSummary(region, day, round(today.index()), round(today.change7d()),
                    week.highestAlertLevel() == null ? null : week.highestAlertLevel().jsonName(),
                    month.counts().events(), rows.get(rows.size() - 1).day()));
        });
        regions.sort(Comparator.comparingDouble(RegionSummary::tensionIndex).reversed().thenComparing(RegionSummary::region));
        return regions;
    }

    /** The canonical events of a region that happened from {@code from} to {@code to}, newest first. */
    public List<CanonicalEvent> events(String region, LocalDate from, LocalDate to) {
        List<CanonicalEvent> events = new ArrayList<>(router.events(region, from, to));
        events.sort(Comparator.comparing(CanonicalEvent::occurredOn).reversed().thenComparing(CanonicalEvent::id));
        return events;
    }

    /** The rows of a region, sorted by day; days without events have no row. */
    public List<DailyIndicators> rows(String region, LocalDate from, LocalDate to) {
        List<DailyIndicators> rows = new ArrayList<>(router.rows(region, from, to));
        rows.sort(Comparator.comparing(DailyIndicators::day));
        return rows;
    }

    /** The rows of a region as they stood at {@code asOf}, sorted by day. */
    public List<DailyIndicators> rowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf) {
        List<DailyIndicators> rows = new ArrayList<>(router.rowsAsOf(region, from, to, asOf));
        rows.sort(Comparator.comparing(DailyIndicators::day));
        return rows;
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}

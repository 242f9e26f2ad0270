package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How two versions of one region's daily indicators differ over a period: every day and indicator whose value changed,
 * old to new, and the totals over the period that changed. A day a version has no row for is a quiet day (every count
 * 0, no alert level), as the API shows it.
 */
public final class IndicatorsDiff {

    /** The indicators compared, by name: every {@link Indicator}, in the order of the {@code RegionIndicators} schema. */
    public static final List<String> INDICATORS = Indicator.all().stream().map(Indicator::fieldName).toList();

    private static final String NO_ALERT_LEVEL = "none";

    /** One indicator of one day that differs. */
    public record Change(LocalDate day, String indicator, String before, String after) {
    }

    /** An indicator's total over the period, where it differs. */
    public record TotalChange(String indicator, long before, long after) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<Change> changes;
    private final List<TotalChange> totals;

    private IndicatorsDiff(LocalDate from, LocalDate to, List<Change> changes, List<TotalChange> totals) {
        this.from = from;
        this.to = to;
        this.changes = List.copyOf(changes);
        this.totals = List.copyOf(totals);
    }

    /**
     * Compares two versions of a region's days from {@code from} to {@code to} (inclusive).
     *
     * @param before the old version's rows by day: each indicator's value by name (a number, or for {@code alertLevel}
     *     the level's name or {@code null}); days outside the period are ignored
     * @param after the new version's rows, likewise
     */
    public static IndicatorsDiff compare(LocalDate from, LocalDate to, Map<LocalDate, Map<String, Object>> before,
            Map<LocalDate, Map<String, Object>> after) {
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<Change> changes = new ArrayList<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, Object> old = before.getOrDefault(day, Map.of());
            Map<String, Object> now = after.getOrDefault(day, Map.of());
            checkNames(day, old);
            checkNames(day, now);
            for (String indicator : INDICATORS) {
                String was = shown(indicator, old.get(indicator));
                String is = shown(indicator, now.get(indicator));
                if (!was.equals(is)) {
                    changes.add(new Change(day, indicator, was, is));
                }
                if (Indicator.byFieldName(indicator).isCount()) {
                    long[] sum = sums.computeIfAbsent(indicator, i -> new long[2]);
                    sum[0] += Long.parseLong(was);
                    sum[1] += Long.parseLong(is);
                }
            }
        }
        List<TotalChange> totals = new ArrayList<>();
        sums.forEach((indicator, sum) -> {
            if (sum[0] != sum[1]) {
                totals.add(new TotalChange(indicator, sum[0], sum[1]));
            }
        });
        return new IndicatorsDiff(from, to, changes, totals);
    }

    private static void checkNames(LocalDate day, Map<String, Object> row) {
        for (String name : row.keySet()) {
            if (!INDICATORS.contains(name)) {
                throw new IllegalArgumentException("unknown indicator '" + name + "' on " + day);
            }
        }
    }

    private static String shown(String indicator, Object value) {
        if (Indicator.byFieldName(indicator).measure() == Indicator.Measure.HIGHEST_LEVEL) {
            return value == null ? NO_ALERT_LEVEL : value.toString().toLowerCase(java.util.Locale.ROOT);
        }
        if (value == null) {
            return "0";
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(indicator + " is not a number: " + value);
        }
        return Long.toString(number.longValue());
    }

    /** Every differing day and indicator, by day, then in the order of {@link #INDICATORS}. */
    public List<Change> changes() {
        return changes;
    }

    /** The indicators whose totals over the period differ (counts only: not the alert level or the outlets). */
    public List<TotalChange> totals() {
        return totals;
    }

    /** Days compared: the period's length. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Days with at least one difference. */
    public long daysWithChanges() {
        return changes.stream().map(Change::day).distinct().count();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per difference: {@code 2026-10-14  arrests     0 -> 9}, the columns aligned. */
    public List<String> lines() {
        int nameWidth = changes.stream().mapToInt(c -> c.indicator().length()).max().orElse(0);
        int valueWidth = changes.stream().mapToInt(c -> c.before().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Change c : changes) {
            lines.add(String.format("%s  %-" + nameWidth + "s  %" + valueWidth + "s -> %s", c.day(), c.indicator(),
                    c.before(), c.after()));
        }
        return lines;
    }

    /** The summary: {@code 3 differences on 2 of 4 days; totals: arrests 14 -> 23, events 1 -> 2}. */
    public String summary() {
        if (changes.isEmpty()) {
            return "no differences on " + days() + (days() == 1 ? " day" : " days");
        }
        StringBuilder s = new StringBuilder();
        s.append(changes.size()).append(changes.size() == 1 ? " difference" : " differences")
                .append(" on ").append(daysWithChanges()).append(" of ").append(days()).append(days() == 1 ? " day" : " days");
        if (!totals.isEmpty()) {
            s.append("; totals: ");
            for (int i = 0; i < totals.size(); i++) {
                TotalChange t = totals.get(i);
                s.append(i == 0 ? "" : ", ").append(t.indicator()).append(' ').append(t.before()).append(" -> ").append(t.after());
            }
        }
        return s.toString();
    }
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

/**
 * Computes a region's 0-100 tension index per day from its daily indicator rows: pressure that builds up through an
 * escalation and decays in quiet weeks.
 *
 * <h2>Formula</h2>
 * <pre>
 * impulse(d)  = sum over types t other than MILITARY_ALERT of  w(t) * log2(1 + n(t, d))
 *             + w(MILITARY_ALERT) * rank(highest alert level on d)      rank: none 0, raised 1, high 2, highest 3
 * pressure(d) = max(0, pressure(d - 1) * 2^(-1 / halfLife) + impulse(d))      folded from d - 90 (pressure 0 before)
 * index(d)    = 100 * (1 - e^(-pressure(d) / scale))
 * change7d(d) = index(d) - index(d - 7)
 * </pre>
 * {@code n(t, d)} is the day's total of type {@code t} over canonical events: people for INJURY, FATALITY, ARREST,
 * RESIGNATION and DISMISSAL, events for the others. The logarithm makes the 300th injured count less than the first
 * few; days without a row have impulse 0, so the pressure keeps decaying. Weights and their reasons: see
 * {@link TensionIndexSettings#defaults()} (FATALITY 10, CLASH 5, INJURY 4, DEPLOYMENT 3, MILITARY_ALERT 3 per level,
 * PROTEST 2, ARREST 2, RESIGNATION 2, DISMISSAL 1, CONDEMNATION 0.5, APPEAL 0; half-life 7 days; scale 40).
 *
 * <h2>Worked example (defaults)</h2>
 * Day 1: 30 injured, one clash, one protest, a high military alert:
 * {@code impulse = 4*log2(31) + 5*log2(2) + 2*log2(2) + 3*2 = 19.82 + 5 + 2 + 6 = 32.82};
 * {@code pressure = 32.82}; {@code index = 100 * (1 - e^(-32.82/40)) = 56.0}.
 * Day 2, quiet: {@code pressure = 32.82 * 0.9057 = 29.72}, index 52.4.
 * Day 8, a quiet week on: {@code pressure = 32.82 / 2 = 16.41}, index 33.6, change7d = 33.64 - 55.98 = -22.3.
 * A second day like day 1 on day 2 would instead give pressure 62.5 and index 79.1.
 */
public final class TensionIndex {

    /**
     * How many days before a day feed its index where the history is cut: ten half-lives (at the default seven days)
     * leave less than 0.1% of older pressure. The API's rows and the indicators topic both count this many.
     */
    public static final int HISTORY_DAYS = 90;

    /**
     * How many days before the first day of a series its rows are read: the history of the day a week before it, whose
     * index {@code change7d} subtracts.
     */
    public static final int SERIES_HISTORY_DAYS = HISTORY_DAYS + 7;

    private static final double LN2 = Math.log(2);

    private final TensionIndexSettings settings;
    private final double dailyDecay;

    public TensionIndex(TensionIndexSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.dailyDecay = Math.exp(-LN2 / settings.halfLifeDays());
    }

    /** An index with {@link TensionIndexSettings#defaults()}. */
    public static TensionIndex withDefaults() {
        return new TensionIndex(TensionIndexSettings.defaults());
    }

    /**
     * The index of each day from {@code from} to {@code to}, for the region of the rows.
     *
     * @param rowsSortedByDay one region's daily rows, ascending by day; rows before {@code from} feed the pressure
     * @throws IllegalArgumentException if no row has events (then the region is unknown: use the overload)
     */
    public List<DailyIndex> compute(List<DailyIndicators> rowsSortedByDay, LocalDate from, LocalDate to) {
        String region = rowsSortedByDay.stream().filter(DailyIndicators::hasEvents).map(DailyIndicators::region)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no rows with events: region unknown"));
        return compute(region, rowsSortedByDay, from, to);
    }

    /**
     * The index of each day from {@code from} to {@code to} for {@code region}, whose rows these are. Each day's index
     * is {@link #indexOn} that day: the pressure folded over that day and the {@link #HISTORY_DAYS} days before it, so
     * a day reads the same number to the last bit whichever range it is asked in, on the indicators topic and in the
     * alerts; rows older than that do not count. {@code change7d} needs the index of the week before {@code from}: pass
     * rows from {@link #SERIES_HISTORY_DAYS} days before {@code from}.
     */
    public List<DailyIndex> compute(String region, List<DailyIndicators> rowsSortedByDay, LocalDate from, LocalDate to) {
        Objects.requireNonNull(region, "region == null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from: " + to + " < " + from);
        }
        Map<LocalDate, IndicatorCounts> byDay = byDay(region, rowsSortedByDay);
        // the week before from (for change7d), and the history days before each of those
        LocalDate first = from.minusDays(SERIES_HISTORY_DAYS);
        int days = Math.toIntExact(to.toEpochDay() - first.toEpochDay() + 1);
        double[] impulses = new double[days];
        byDay.forEach((day, counts) -> {
            if (!day.isBefore(first) && !day.isAfter(to)) {
                impulses[(int) (day.toEpochDay() - first.toEpochDay())] = impulse(counts);
            }
        });
        double[] pressures = new double[days];
        double[] indexes = new double[days];
        for (int i = HISTORY_DAYS; i < days; i++) {
            // the same steps, in the same order, as indexOn
            double pressure = 0;
            for (int d = i - HISTORY_DAYS; d <= i; d++) {
                pressure = pressure(pressure, impulses[d]);
            }
            pressures[i] = pressure;
            indexes[i] = index(pressure);
        }
        List<DailyIndex> series = new ArrayList<>();
        for (int i = SERIES_HISTORY_DAYS; i < days; i++) {
            LocalDate day = first.plusDays(i);
            IndicatorCounts counts = byDay.getOrDefault(day, IndicatorCounts.ZERO);
            series.add(new DailyIndex(region, day, impulses[i], pressures[i], indexes[i], indexes[i] - indexes[i - 7],
                    counts.highestAlertLevel()));
        }
        return List.copyOf(series);
    }

    /**
     * The index on {@code day} from the impulses of the region's days from {@code HISTORY_DAYS} days before it to it,
     * as {@code compute(region, rows, day.minusDays(HISTORY_DAYS), day)} gives it for the rows of those days: the same
     * steps, so the same number to the last bit.
     *
     * @param impulseByDay each day's {@link #impulse}; a day without an entry (a day without events) adds nothing
     */
    public double indexOn(LocalDate day, NavigableMap<LocalDate, Double> impulseByDay) {
        double pressure = 0;
        for (LocalDate d = day.minusDays(HISTORY_DAYS); !d.isAfter(day); d = d.plusDays(1)) {
            Double impulse = impulseByDay.get(d);
            pressure = pressure(pressure, impulse == null ? 0.0 : impulse);
        }
        return index(pressure);
    }

    /** An index (or a change of it) as the API and the indicators topic show it: to one decimal. */
    public static double rounded(double index) {
        return Math.round(index * 10.0) / 10.0;
    }

    /** The pressure of a day from the day before's and the day's own impulse. */
    private double pressure(double before, double impulse) {
        return Math.max(0, before * dailyDecay + impulse);
    }

    /** What one day's counts add to the pressure. */
    public double impulse(IndicatorCounts counts) {
        double impulse = 0;
        for (EventType type : EventType.values()) {
            if (type != EventType.MILITARY_ALERT) {
                impulse += settings.weight(type) * log2(1 + counts.amount(type));
            }
        }
        return impulse + settings.weight(EventType.MILITARY_ALERT) * rank(counts.highestAlertLevel());
    }

    /** The index a pressure reads as: 0 at no pressure, approaching 100. */
    public double index(double pressure) {
        return 100 * (1 - Math.exp(-Math.max(0, pressure) / settings.scale()));
    }

    /** The index on {@code day} minus the index {@code days} days before, if the series holds both days. */
    public static OptionalDouble change(List<DailyIndex> series, LocalDate day, int days) {
        Map<LocalDate, Double> byDay = new HashMap<>();
        series.forEach(d -> byDay.put(d.day(), d.index()));
        Double now = byDay.get(day);
        Double before = byDay.get(day.minusDays(days));
        return now == null || before == null ? OptionalDouble.empty() : OptionalDouble.of(now - before);
    }

    private static Map<LocalDate, IndicatorCounts> byDay(String region, List<DailyIndicators> rows) {
        Map<LocalDate, IndicatorCounts> byDay = new HashMap<>();
        LocalDate previous = null;
        for (DailyIndicators row : rows) {
            if (!row.hasEvents()) {
                continue;
            }
            if (!region.equals(row.region())) {
                throw new IllegalArgumentException("row of " + row.region() + " among rows of " + region);
            }
            if (previous != null && !row.day().isAfter(previous)) {
                throw new IllegalArgumentException("rows not sorted by day: " + row.day() + " after " + previous);
            }
            previous = row.day();
            byDay.put(row.day(), row.counts());
        }
        return byDay;
    }

    private static int rank(AlertLevel level) {
        return level == null ? 0 : level.ordinal() + 1;
    }

    private static double log2(long n) {
        return Math.log(n) / LN2;
    }
}

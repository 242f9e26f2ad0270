package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;

class TensionIndexTest {

    private final TensionIndex tension = TensionIndex.withDefaults();

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shouldRiseThroughAnEscalationAndFallBackInQuietWeeks() {
        List<DailyIndicators> rows = List.of(
                Rows.of(Reports.of(EventType.PROTEST, "p").actor("protesters").on("2023-05-26").build()),
                Rows.of(Reports.of(EventType.ARREST, "r").actor("Serbs").on("2023-05-27").exactly(5).build()),
                Rows.clashDay("2023-05-28", 10),
                Rows.clashDay("2023-05-29", 30));

        List<DailyIndex> series = tension.compute(rows, day("2023-05-25"), day("2023-06-30"));

        List<Double> escalation = series.subList(0, 5).stream().map(DailyIndex::index).toList();
        assertThat(escalation).isSortedAccordingTo(Double::compare).first().isEqualTo(0.0);
        List<Double> aftermath = series.subList(4, series.size()).stream().map(DailyIndex::index).toList();
        assertThat(aftermath).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(series.get(series.size() - 1).index()).isLessThan(escalation.get(4) / 4);
        assertThat(series.get(4).change7d()).isEqualTo(series.get(4).index());
        assertThat(series.get(11).change7d()).isNegative();
    }

    @Test
    void shouldStayWithinZeroAndHundred() {
        List<DailyIndicators> rows = new ArrayList<>();
        for (LocalDate d = day("2023-05-01"); d.isBefore(day("2023-06-01")); d = d.plusDays(1)) {
            rows.add(Rows.clashDay(d.toString(), 5000));
        }

        List<DailyIndex> series = tension.compute(rows, day("2023-05-01"), day("2023-07-31"));

        assertThat(series).allSatisfy(d -> assertThat(d.index()).isBetween(0.0, 100.0));
        assertThat(series.get(30).index()).isGreaterThan(99);
    }

    @Test
    void shouldHalveTheDecayedPressureOfOneBigDayAfterOneHalfLife() {
        List<DailyIndicators> rows = List.of(Rows.clashDay("2023-05-29", 30));

        List<DailyIndex> series = tension.compute(rows, day("2023-05-29"), day("2023-06-05"));

        DailyIndex big = series.get(0);
        DailyIndex weekLater = series.get(7);
        assertThat(weekLater.pressure()).isCloseTo(big.pressure() / 2, within(1e-9));
        assertThat(weekLater.impulse()).isZero();
    }

    @Test
    void shouldHalveASmallDaysIndexAfterOneHalfLifeBeforeSaturation() {
        TensionIndex slow = new TensionIndex(new TensionIndexSettings(
                TensionIndexSettings.defaults().weights(), 7, 10_000));
        List<DailyIndicators> rows = List.of(Rows.clashDay("2023-05-29", 30));

        List<DailyIndex> series = slow.compute(rows, day("2023-05-29"), day("2023-06-05"));

        assertThat(series.get(7).index()).isCloseTo(series.get(0).index() / 2, within(0.01));
    }

    @Test
    void shouldMatchTheWorkedExampleOfTheJavadoc() {
        List<DailyIndex> series = tension.compute(
                List.of(Rows.clashDay("2023-05-29", 30)), day("2023-05-29"), day("2023-06-05"));

        assertThat(series.get(0).impulse()).isCloseTo(32.82, within(0.005));
        assertThat(series.get(0).index()).isCloseTo(56.0, within(0.05));
        assertThat(series.get(1).index()).isCloseTo(52.4, within(0.05));
        assertThat(series.get(7).index()).isCloseTo(33.6, within(0.05));
        assertThat(series.get(7).change7d()).isCloseTo(-22.3, within(0.05));
        assertThat(TensionIndex.change(series, day("2023-06-05"), 7)).hasValueCloseTo(-22.3, within(0.05));
    }

    @Test
    void shouldCountPressureFromRowsBeforeTheFirstDayAsked() {
        List<DailyIndicators> rows = List.of(Rows.clashDay("2023-04-01", 30));

        List<DailyIndex> series = tension.compute(rows, day("2023-05-01"), day("2023-05-01"));

        assertThat(series).singleElement().satisfies(d -> {
            assertThat(d.region()).isEqualTo("XK");
            assertThat(d.index()).isPositive();
            assertThat(d.change7d()).isNegative();
        });
    }

    @Test
    void shouldReadZeroForARegionWithoutRows() {
        assertThat(tension.compute("XK", List.of(), day("2023-05-01"), day("2023-05-03")))
                .extracting(DailyIndex::index).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void shouldGiveTheIndexOfOneDayFromItsHistoryDaysExactlyAsTheSeriesOfThoseDaysDoes() {
        java.util.Random random = new java.util.Random(20);
        List<DailyIndicators> rows = new ArrayList<>();
        java.util.TreeMap<LocalDate, Double> impulses = new java.util.TreeMap<>();
        for (LocalDate d = day("2023-01-01"); d.isBefore(day("2023-09-01")); d = d.plusDays(1 + random.nextInt(6))) {
            DailyIndicators row = Rows.clashDay(d.toString(), 1 + random.nextInt(400));
            rows.add(row);
            impulses.put(d, tension.impulse(row.counts()));
        }

        for (LocalDate d = day("2023-01-01"); d.isBefore(day("2023-10-01")); d = d.plusDays(1)) {
            LocalDate from = d.minusDays(TensionIndex.HISTORY_DAYS);
            LocalDate to = d;
            // what GET /api/regions/XK/indicators?from=d&to=d computes: the rows of the 90 days before d and of d
            List<DailyIndicators> window = rows.stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).toList();
            List<DailyIndex> series = tension.compute("XK", window, from, d);

            assertThat(tension.indexOn(d, impulses)).as("%s", d).isEqualTo(series.get(series.size() - 1).index());
        }
        assertThat(TensionIndex.rounded(56.04)).isEqualTo(56.0);
        assertThat(TensionIndex.rounded(56.06)).isEqualTo(56.1);
    }

    @Test
    void shouldGiveADayTheSameIndexWhateverRangeItIsAskedIn() {
        // a year of days with clashes, some with a large negative weight in between (appeals that calm), so that the
        // pressure is clamped at zero on some days: the index of a day is a function of its 90 days of history alone
        TensionIndex calming = new TensionIndex(new TensionIndexSettings(
                java.util.Map.of(EventType.CLASH, 5.0, EventType.APPEAL, -40.0), 7, 40));
        java.util.Random random = new java.util.Random(7);
        List<DailyIndicators> rows = new ArrayList<>();
        for (LocalDate d = day("2023-01-01"); d.isBefore(day("2024-01-01")); d = d.plusDays(1 + random.nextInt(4))) {
            rows.add(random.nextInt(5) == 0
                    ? Rows.of(Reports.of(EventType.APPEAL, "a" + d).actor("the UN").on(d.toString()).build())
                    : Rows.clashDay(d.toString(), 1 + random.nextInt(400)));
        }
        for (TensionIndex index : List.of(tension, calming)) {
            List<DailyIndex> year = index.compute("XK", rows, day("2023-01-01"), day("2023-12-31"));
            for (DailyIndex asked : year) {
                LocalDate d = asked.day();
                // what GET /api/regions/XK/indicators?from=d&to=d reads: the rows from 97 days before d
                List<DailyIndicators> history = rows.stream()
                        .filter(r -> !r.day().isBefore(d.minusDays(TensionIndex.SERIES_HISTORY_DAYS)) && !r.day().isAfter(d)).toList();
                DailyIndex alone = index.compute("XK", history, d, d).get(0);
                assertThat(asked.index()).as("index on %s", d).isEqualTo(alone.index());
                assertThat(asked.change7d()).as("change on %s", d).isEqualTo(alone.change7d());
            }
        }
    }
}

package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The index each day's latest record carries, kept by {@link TensionIndexTracker} through changes in any order and
 * batches, is the index of the rows as they stand: the one {@code GET /api/regions/XK/indicators?from=d&to=d} gives.
 */
class TensionIndexTrackerTest {

    private static final LocalDate START = LocalDate.parse("2023-01-01");
    private final TensionIndex tension = TensionIndex.withDefaults();
    /** The rows' store. */
    private final TreeMap<LocalDate, DailyIndicators> store = new TreeMap<>();
    private final List<String> reads = new ArrayList<>();
    private final TensionIndexTracker tracker = new TensionIndexTracker(tension, (region, from, to) -> {
        reads.add(region + " " + from + ".." + to);
        return List.copyOf((to == null ? store.tailMap(from, true) : store.subMap(from, true, to, false)).values());
    });
    /** The latest index published for each day: what a compacted topic would keep. */
    private final Map<LocalDate, Double> published = new TreeMap<>();

    /** The index of the day as the API computes it, from the stored rows of the 90 days before it and of the day. */
    private double expected(LocalDate day) {
        LocalDate from = day.minusDays(TensionIndex.HISTORY_DAYS);
        List<DailyIndicators> rows = List.copyOf(store.subMap(from, true, day, true).values());
        List<DailyIndex> series = tension.compute("XK", rows, from, day);
        return TensionIndex.rounded(series.get(series.size() - 1).index());
    }

    private void change(SortedMap<LocalDate, DailyIndicators> rows) {
        TensionIndexTracker.Changes changes = tracker.apply("XK", rows);
        rows.forEach((day, row) -> {
            if (row.hasEvents()) {
                store.put(day, row);
            } else {
                store.remove(day);
            }
        });
        assertThat(changes.ofChangedDays()).containsOnlyKeys(rows.keySet());
        changes.ofChangedDays().forEach((day, index) -> {
            assertThat(index == null).as("null exactly for a day left without events").isEqualTo(!rows.get(day).hasEvents());
            published.put(day, index);
        });
        assertThat(changes.movedDays().keySet()).as("moved days are later days with events, not changed ones")
                .allSatisfy(day -> assertThat(store).containsKey(day)).doesNotContainAnyElementsOf(rows.keySet());
        published.putAll(changes.movedDays());
    }

    private void assertEveryDayCarriesTheIndexOfTheRowsAsTheyStand() {
        for (LocalDate day : store.keySet()) {
            assertThat(published.get(day)).as("%s", day).isEqualTo(expected(day));
        }
    }

    @Test
    void shouldKeepTheIndexOfEveryDayRightThroughChangesInAnyOrderAndBatches() {
        Random random = new Random(7);
        for (int step = 0; step < 400; step++) {
            SortedMap<LocalDate, DailyIndicators> batch = new TreeMap<>();
            int size = 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 2);
            for (int i = 0; i < size; i++) {
                LocalDate day = START.plusDays(random.nextInt(240));
                batch.put(day, random.nextInt(6) == 0 ? DailyIndicators.empty()
                        : Rows.clashDay(day.toString(), 1 + random.nextInt(300)));
            }
            change(batch);
            if (step % 97 == 96) {
                tracker.forget();
            } else if (step % 31 == 30) {
                tracker.forgetBefore("XK", START.plusDays(random.nextInt(240)));
            }
            assertEveryDayCarriesTheIndexOfTheRowsAsTheyStand();
        }
        assertThat(published.values()).filteredOn(v -> v != null).anySatisfy(v -> assertThat(v).isGreaterThan(50));
    }

    @Test
    void shouldSendALaterDayAgainWhenAnEarlierDayMovesItsIndexAndNotWhenItCannot() {
        change(new TreeMap<>(Map.of(LocalDate.parse("2023-05-29"), Rows.clashDay("2023-05-29", 30))));
        double alone = published.get(LocalDate.parse("2023-05-29"));

        // a report about the day before, learned later: the 29th now stands on more pressure
        TensionIndexTracker.Changes earlier = tracker.apply("XK",
                new TreeMap<>(Map.of(LocalDate.parse("2023-05-28"), Rows.clashDay("2023-05-28", 10))));
        store.put(LocalDate.parse("2023-05-28"), Rows.clashDay("2023-05-28", 10));
        assertThat(earlier.movedDays()).containsOnlyKeys(LocalDate.parse("2023-05-29"));
        assertThat(earlier.movedDays().get(LocalDate.parse("2023-05-29"))).isGreaterThan(alone)
                .isEqualTo(expected(LocalDate.parse("2023-05-29")));

        // a day more than 90 days before moves nothing
        TensionIndexTracker.Changes longAgo = tracker.apply("XK",
                new TreeMap<>(Map.of(LocalDate.parse("2023-02-01"), Rows.clashDay("2023-02-01", 10))));
        assertThat(longAgo.movedDays()).isEmpty();
        assertThat(reads).as("the region's days read once, then the missing ones only")
                .containsExactly("XK 2023-02-28..null", "XK 2023-02-27..2023-02-28", "XK 2022-11-03..2023-02-27");
    }
}

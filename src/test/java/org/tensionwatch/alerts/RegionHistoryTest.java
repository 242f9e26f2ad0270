package org.tensionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.TensionIndex;

/**
 * The history's day index and its remembered index series give exactly what a pass over every event gives: the events
 * of any window, and the tension index of any day from the rows of the events up to it.
 */
class RegionHistoryTest {

    private static final EventType[] TYPES = EventType.values();

    @Test
    void windowsAndIndexMatchAPassOverEveryEvent() {
        TensionIndex index = TensionIndex.withDefaults();
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                EventType type = TYPES[random.nextInt(TYPES.length)];
                Events e = Events.of("XK", type).on(LocalDate.of(2026, 3, 1).plusDays(random.nextInt(120)).toString())
                        .actor("actor" + i);
                if (type == EventType.MILITARY_ALERT) {
                    e.level(AlertLevel.values()[random.nextInt(AlertLevel.values().length)]);
                } else if (random.nextBoolean()) {
                    e.count(1 + random.nextInt(200));
                }
                events.add(e.build());
            }
            RegionHistory history = new RegionHistory("XK", events);
            LocalDate first = LocalDate.of(2026, 2, 1);
            for (LocalDate day = first; day.isBefore(LocalDate.of(2026, 9, 1)); day = day.plusDays(1)) {
                assertThat(history.tensionIndexOn(index, day)).as("index on %s, seed %d", day, seed)
                        .isEqualTo(naiveIndex(index, history, day));
                for (int window : new int[] {1, 7, 30}) {
                    LocalDate from = day.minusDays(window - 1L);
                    assertThat(history.between(from, day)).isEqualTo(naiveBetween(history, from, day));
                }
            }
        }
    }

    @Test
    void aHistoryMadeOfDaysGivesTheSameIndexWithRowsRememberedAcrossHistories() {
        TensionIndex index = TensionIndex.withDefaults();
        Random random = new Random(7);
        TreeMap<LocalDate, RegionDay> days = new TreeMap<>();
        java.util.Map<List<CanonicalEvent>, DailyIndicators> rows = new java.util.IdentityHashMap<>();
        for (int i = 0; i < 200; i++) {
            LocalDate day = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(60));
            EventType type = TYPES[random.nextInt(TYPES.length)];
            Events e = Events.of("XK", type).on(day.toString()).actor("actor" + i);
            if (type == EventType.MILITARY_ALERT) {
                e.level(AlertLevel.HIGH);
            } else {
                e.count(1 + random.nextInt(50));
            }
            days.put(day, days.getOrDefault(day, RegionDay.empty("XK", day)).with(e.build()));
            if (i % 20 == 19) {
                // a new history per change, as the alerts make one, sharing the unchanged days and the remembered rows
                RegionHistory history = RegionHistory.of("XK", days.values());
                for (LocalDate d = LocalDate.of(2026, 2, 20); d.isBefore(LocalDate.of(2026, 6, 1)); d = d.plusDays(1)) {
                    assertThat(history.tensionIndexOn(index, d, rows)).as("index on %s after %d events", d, i + 1)
                            .isEqualTo(naiveIndex(index, history, d));
                }
            }
        }
    }

    @Test
    void anEmptyHistoryHasNoEventsAndNoIndex() {
        RegionHistory empty = RegionHistory.empty("XK");
        assertThat(empty.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
        assertThat(empty.tensionIndexOn(TensionIndex.withDefaults(), LocalDate.of(2026, 1, 1))).isZero();
    }

    private static List<CanonicalEvent> naiveBetween(RegionHistory h, LocalDate from, LocalDate to) {
        return h.events().stream().filter(e -> !e.occurredOn().isBefore(from) && !e.occurredOn().isAfter(to)).toList();
    }

    /**
     * The index as the indicators topic gives it ({@link TensionIndex#indexOn}, as a one-day query does): the impulses
     * of the day and the 90 days before it, whatever history the alerts keep before those.
     */
    private static double naiveIndex(TensionIndex index, RegionHistory history, LocalDate day) {
        TreeMap<LocalDate, DailyIndicatorsAggregator.RowChanges> building = new TreeMap<>();
        for (CanonicalEvent e : history.events()) {
            if (!e.occurredOn().isAfter(day)) {
                building.computeIfAbsent(e.occurredOn(), d -> new DailyIndicatorsAggregator.RowChanges(DailyIndicators.empty()))
                        .add(e);
            }
        }
        TreeMap<LocalDate, Double> impulses = new TreeMap<>();
        building.forEach((d, row) -> impulses.put(d, index.impulse(row.row().counts())));
        return index.indexOn(day, impulses);
    }
}

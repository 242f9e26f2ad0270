package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

class DailyIndicatorsAggregatorTest {

    private static CanonicalEvent event(EventReport... reports) {
        List<CanonicalEvent> events = List.of();
        for (EventReport report : reports) {
            events = CanonicalEventMerger.withDefaults().merge(events, report).events();
        }
        return events.get(0);
    }

    private final CanonicalEvent injuries = event(
            Reports.injury("a1").source("A").exactly(30).build(),
            Reports.injury("a2").source("B").count(25, Qualifier.ABOUT).build());
    private final CanonicalEvent protest = event(
            Reports.of(EventType.PROTEST, "a1").source("A").actor("protesters").count(500, Qualifier.ABOUT).build());
    private final CanonicalEvent highAlert = event(
            Reports.of(EventType.MILITARY_ALERT, "a3").source("C").actor("army").level(AlertLevel.HIGH).build());
    private final CanonicalEvent highestAlert = event(
            Reports.of(EventType.MILITARY_ALERT, "a4").source("C").actor("police").level(AlertLevel.HIGHEST).build());

    @Test
    void shouldSumPeopleAndCountEvents() {
        DailyIndicators row = addAll(injuries, protest, highAlert);

        assertThat(row.region()).isEqualTo("XK");
        assertThat(row.day()).hasToString("2023-05-29");
        assertThat(row.counts().injuries()).isEqualTo(30);
        assertThat(row.counts().protests()).isEqualTo(1);
        assertThat(row.counts().protestParticipants()).isEqualTo(500);
        assertThat(row.counts().events()).isEqualTo(3);
        assertThat(row.counts().reports()).isEqualTo(4);
        assertThat(row.distinctSources()).isEqualTo(3);
        assertThat(row.counts().sourceCounts()).containsEntry("A", 2L);
    }

    @Test
    void shouldGiveBackTheSameRowWhenAnEventIsAddedAndSubtracted() {
        DailyIndicators row = addAll(injuries, highAlert);

        assertThat(DailyIndicatorsAggregator.subtract(DailyIndicatorsAggregator.add(row, protest), protest))
                .isEqualTo(row);
        assertThat(DailyIndicatorsAggregator.subtract(
                DailyIndicatorsAggregator.add(DailyIndicators.empty(), protest), protest))
                .isEqualTo(DailyIndicators.empty());
    }

    @Test
    void shouldKeepSourcesThatOtherEventsStillCiteWhenOneIsSubtracted() {
        DailyIndicators row = DailyIndicatorsAggregator.subtract(addAll(injuries, protest), protest);

        assertThat(row.counts().sourceCounts()).containsOnlyKeys("A", "B");
        assertThat(row.distinctSources()).isEqualTo(2);
    }

    @Test
    void shouldDeriveTheHighestAlertLevelInForceAfterSubtraction() {
        DailyIndicators both = addAll(highAlert, highestAlert);

        assertThat(both.highestAlertLevel()).isEqualTo(AlertLevel.HIGHEST);
        assertThat(DailyIndicatorsAggregator.subtract(both, highestAlert).highestAlertLevel())
                .isEqualTo(AlertLevel.HIGH);
    }

    @Test
    void shouldRefuseToSubtractAnEventThatWasNeverAdded() {
        DailyIndicators row = addAll(injuries);

        assertThatThrownBy(() -> DailyIndicatorsAggregator.subtract(row, protest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never added");
        assertThatThrownBy(() -> DailyIndicatorsAggregator.subtract(DailyIndicators.empty(), protest))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToCountAnEventTwiceOrOnAnotherDay() {
        DailyIndicators row = addAll(injuries);
        CanonicalEvent nextDay = event(Reports.injury("a9").on("2023-05-30").exactly(1).build());

        assertThatThrownBy(() -> DailyIndicatorsAggregator.add(row, injuries))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already counted");
        assertThatThrownBy(() -> DailyIndicatorsAggregator.add(row, nextDay))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseCountsBelowZero() {
        assertThatThrownBy(() -> IndicatorCounts.ZERO.minus(IndicatorCounts.of(injuries)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below zero");
    }

    private static DailyIndicators addAll(CanonicalEvent... events) {
        DailyIndicators row = DailyIndicators.empty();
        for (CanonicalEvent e : events) {
            row = DailyIndicatorsAggregator.add(row, e);
        }
        return row;
    }

    @Test
    void shouldMoveARowByManyEventsExactlyAsAChainOfAddsAndSubtracts() {
        List<CanonicalEvent> events = List.of(injuries, protest, highAlert, highestAlert);
        java.util.Random random = new java.util.Random(99L);
        for (int round = 0; round < 300; round++) {
            DailyIndicators chained = random.nextBoolean() ? DailyIndicators.empty() : addAll(injuries);
            DailyIndicatorsAggregator.RowChanges changes = new DailyIndicatorsAggregator.RowChanges(chained);
            java.util.Set<CanonicalEvent> counted = new java.util.HashSet<>(
                    chained.hasEvents() ? List.of(injuries) : List.of());
            for (int step = 0; step < 12; step++) {
                CanonicalEvent event = events.get(random.nextInt(events.size()));
                if (counted.remove(event)) {
                    chained = DailyIndicatorsAggregator.subtract(chained, event);
                    changes.subtract(event);
                } else {
                    counted.add(event);
                    chained = DailyIndicatorsAggregator.add(chained, event);
                    changes.add(event);
                }
                assertThat(changes.row()).as("round %d step %d", round, step).isEqualTo(chained);
            }
        }
    }

    @Test
    void shouldRejectInRowChangesWhatAddAndSubtractReject() {
        DailyIndicatorsAggregator.RowChanges changes = new DailyIndicatorsAggregator.RowChanges(addAll(injuries));

        assertThatThrownBy(() -> changes.add(injuries)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already counted");
        assertThatThrownBy(() -> changes.subtract(protest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never added");
    }
}

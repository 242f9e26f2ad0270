package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

/**
 * The one list of indicators and the counts that hold them: every count indicator is a component of
 * {@link IndicatorCounts} and the other way round, each maps to its own component, and one canonical event adds to each
 * what the indicator says it counts. A counter added in one place and not the other fails here.
 */
class IndicatorTest {

    /** Each count indicator with a value of its own: 1, 2, 3, ... in the order of the list. */
    static IndicatorCounts distinctCounts() {
        return IndicatorCounts.of(indicator -> Indicator.counts().indexOf(indicator) + 1L,
                Map.of("high", 2L, "raised", 1L), Map.of("A", 1L, "B", 2L, "C", 1L));
    }

    @Test
    void shouldHaveACountIndicatorForEveryLongOfTheCountsAndNoOther() {
        List<String> longComponents = Arrays.stream(IndicatorCounts.class.getRecordComponents())
                .filter(c -> c.getType() == long.class).map(RecordComponent::getName).toList();

        assertThat(Indicator.counts()).extracting(Indicator::fieldName).containsExactlyInAnyOrderElementsOf(longComponents);
        assertThat(longComponents).hasSize(14);
    }

    @Test
    void shouldMapEachCountIndicatorToItsOwnComponent() throws ReflectiveOperationException {
        IndicatorCounts counts = distinctCounts();

        for (Indicator indicator : Indicator.counts()) {
            long component = (long) IndicatorCounts.class.getMethod(indicator.fieldName()).invoke(counts);
            assertThat(counts.get(indicator)).as(indicator.fieldName()).isEqualTo(component)
                    .isEqualTo(Indicator.counts().indexOf(indicator) + 1L);
            assertThat(indicator.count(counts)).isEqualTo(component);
            assertThat(indicator.value(counts)).isEqualTo(component);
        }
        assertThat(Indicator.ALERT_LEVEL.value(counts)).isEqualTo("high");
        assertThat(Indicator.ALERT_LEVEL.count(counts)).isEqualTo(2);
        assertThat(Indicator.SOURCES.value(counts)).isEqualTo(3L);
        assertThatThrownBy(() -> counts.get(Indicator.SOURCES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameEveryIndicatorOnceInTheOrderOfTheSchema() {
        assertThat(Indicator.all()).extracting(Indicator::fieldName).doesNotHaveDuplicates().containsExactly(
                "injuries", "fatalities", "arrests", "resignations", "dismissals", "protests", "protestParticipants",
                "clashes", "deployments", "deployedPersonnel", "appeals", "condemnations", "alertLevel", "events",
                "reports", "sources");
        for (Indicator indicator : Indicator.all()) {
            assertThat(Indicator.byFieldName(indicator.fieldName())).isSameAs(indicator);
            assertThat(indicator.description()).as(indicator.fieldName()).isNotBlank().endsWith(".").doesNotContain("\n");
            assertThat(indicator.eventTypes()).isNotEmpty();
        }
        assertThat(Indicator.counts()).doesNotContain(Indicator.ALERT_LEVEL, Indicator.SOURCES).hasSize(14);
        assertThatThrownBy(() -> Indicator.byFieldName("tensionIndex")).hasMessageContaining("unknown indicator");
    }

    @Test
    void shouldCountEachEventTypeWhereItsIndicatorsSay() {
        Map<EventType, CanonicalEvent> byType = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            byType.put(type, event(type, 40));
        }

        for (CanonicalEvent event : byType.values()) {
            IndicatorCounts counts = IndicatorCounts.of(event);
            for (Indicator indicator : Indicator.counts()) {
                long expected = !indicator.eventTypes().contains(event.type()) ? 0 : switch (indicator.measure()) {
                    case PEOPLE -> 40;
                    case EVENTS -> 1;
                    case FIGURES -> 40;
                    case REPORTS -> 2;
                    default -> throw new AssertionError(indicator);
                };
                assertThat(counts.get(indicator)).as("%s of a %s", indicator.fieldName(), event.type()).isEqualTo(expected);
            }
        }
        IndicatorCounts deployment = IndicatorCounts.of(byType.get(EventType.DEPLOYMENT));
        assertThat(deployment.deployments()).isEqualTo(1);
        assertThat(deployment.deployedPersonnel()).isEqualTo(40);
        assertThat(Indicator.EVENTS.eventTypes()).containsExactlyInAnyOrder(EventType.values());
        assertThat(Indicator.ALERT_LEVEL.eventTypes()).containsExactly(EventType.MILITARY_ALERT);
    }

    @Test
    void shouldCountPeopleAsOneWhereNoFigureIsGivenButAddNoFigure() {
        IndicatorCounts injury = IndicatorCounts.of(event(EventType.INJURY, null));
        IndicatorCounts deployment = IndicatorCounts.of(event(EventType.DEPLOYMENT, null));

        assertThat(injury.injuries()).isEqualTo(1);
        assertThat(deployment.deployments()).isEqualTo(1);
        assertThat(deployment.deployedPersonnel()).isZero();
    }

    @Test
    void shouldAddAndSubtractEveryCount() {
        IndicatorCounts counts = distinctCounts();
        IndicatorCounts twice = counts.plus(counts);

        for (Indicator indicator : Indicator.counts()) {
            assertThat(twice.get(indicator)).as(indicator.fieldName()).isEqualTo(2 * counts.get(indicator));
        }
        assertThat(twice.minus(counts)).isEqualTo(counts);
        assertThatThrownBy(() -> counts.minus(twice)).hasMessageContaining("would go below zero");
    }

    @Test
    void shouldMoveEveryCountInARowLikeTheAggregator() {
        CanonicalEvent deployment = event(EventType.DEPLOYMENT, 300);
        CanonicalEvent protest = event(EventType.PROTEST, 500);
        DailyIndicators chained = DailyIndicatorsAggregator.add(DailyIndicatorsAggregator.add(DailyIndicators.empty(),
                deployment), protest);
        DailyIndicatorsAggregator.RowChanges changes = new DailyIndicatorsAggregator.RowChanges(DailyIndicators.empty());
        changes.add(deployment);
        changes.add(protest);

        assertThat(changes.row()).isEqualTo(chained);
        assertThat(chained.counts().deployedPersonnel()).isEqualTo(300);
        assertThat(chained.counts().protestParticipants()).isEqualTo(500);
    }

    @Test
    void shouldWatchWhatTheAlertLevelMeasures() {
        assertThat(Indicator.ALERT_LEVEL.value(IndicatorCounts.ZERO)).isNull();
        assertThat(Indicator.ALERT_LEVEL.count(IndicatorCounts.ZERO)).isZero();
        assertThat(Indicator.ALERT_LEVEL.count(IndicatorCounts.of(i -> 0, Map.of(AlertLevel.HIGHEST.jsonName(), 1L),
                Map.of()))).isEqualTo(3);
    }

    /** One canonical event of the type in XK, of two reports from two outlets, with that figure (or none). */
    private static CanonicalEvent event(EventType type, Integer figure) {
        List<CanonicalEvent> events = List.of();
        for (String article : List.of("a1", "a2")) {
            Reports.Builder report = Reports.of(type, type.name().toLowerCase() + "-" + article).source(article)
                    .actor(type == EventType.MILITARY_ALERT ? "army" : "protesters");
            if (figure != null) {
                report = report.count(figure, Qualifier.EXACT);
            }
            if (type == EventType.MILITARY_ALERT) {
                report = report.level(AlertLevel.HIGH);
            }
            events = CanonicalEventMerger.withDefaults().merge(events, report.build()).events();
        }
        assertThat(events).as("%s reports merged", type).hasSize(1);
        return events.get(0);
    }
}

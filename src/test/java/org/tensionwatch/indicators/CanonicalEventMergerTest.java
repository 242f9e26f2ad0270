package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

class CanonicalEventMergerTest {

    private final CanonicalEventMerger merger = CanonicalEventMerger.withDefaults();

    private List<CanonicalEvent> mergeAll(EventReport... reports) {
        List<CanonicalEvent> events = List.of();
        for (EventReport report : reports) {
            events = merger.merge(events, report).events();
        }
        return events;
    }

    @Test
    void shouldCountFiveReportsOfOneInjuryIncidentOnceWithTheHighestExactFigure() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").source("Agency A").actor("KFOR soldiers").exactly(30).build(),
                Reports.injury("a2").source("Agency B").actor("peacekeepers").count(25, Qualifier.ABOUT).build(),
                Reports.injury("a3").source("Paper C").actor("NATO troops").count(12, Qualifier.VAGUE).build(),
                Reports.injury("a4").source("Agency B").actor("Nato-led peacekeeping force")
                        .count(20, Qualifier.AT_LEAST).build(),
                Reports.injury("a5").source("Radio D").actor("KFOR peacekeepers").exactly(30).build());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.best()).isEqualTo(30);
            assertThat(e.bestQualifier()).isEqualTo(Qualifier.EXACT);
            assertThat(e.low()).isEqualTo(20);
            assertThat(e.high()).isEqualTo(30);
            assertThat(e.magnitude()).isEqualTo(30);
            assertThat(e.articleCount()).isEqualTo(5);
            assertThat(e.sourceCount()).isEqualTo(4);
            assertThat(e.actorKey()).isEqualTo("peacekeepers");
            assertThat(e.id()).isEqualTo("XK|INJURY|peacekeepers|2023-05-29");
        });
    }

    @Test
    void shouldMoveIndicatorByTheDifferenceWhenAFigureIsRevised() {
        EventReport first = Reports.injury("a1").exactly(30).build();
        EventReport revision = Reports.injury("a2").exactly(35).published("2023-05-31T08:00:00Z").build();
        MergeResult before = merger.merge(List.of(), first);
        MergeResult after = merger.merge(before.events(), revision);

        DailyIndicators row = DailyIndicatorsAggregator.add(DailyIndicators.empty(), before.event().orElseThrow());
        DailyIndicators revised = DailyIndicatorsAggregator.add(
                DailyIndicatorsAggregator.subtract(row, before.event().orElseThrow()), after.event().orElseThrow());

        assertThat(after.created()).isFalse();
        assertThat(after.upserts()).singleElement().extracting(CanonicalEvent::best).isEqualTo(35L);
        assertThat(revised.counts().injuries() - row.counts().injuries()).isEqualTo(5);
    }

    @Test
    void shouldKeepTwoVictimGroupsOfOneClashApart() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").actor("soldiers").exactly(30).build(),
                Reports.injury("a1").eventId("a1#2").actor("protesters").count(50, Qualifier.AT_LEAST).build(),
                Reports.injury("a2").actor("demonstrators").count(52, Qualifier.EXACT).build());

        assertThat(events).extracting(CanonicalEvent::actorKey, CanonicalEvent::best)
                .containsExactlyInAnyOrder(
                        tuple("protesters", 52L),
                        tuple("soldiers", 30L));
    }

    @Test
    void shouldReplaceNotAddAReportResentByTheSameArticle() {
        EventReport original = Reports.injury("a1").exactly(30).build();
        EventReport resent = Reports.injury("a1").exactly(28).build();

        MergeResult result = merger.merge(mergeAll(original), resent);

        assertThat(result.created()).isFalse();
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.articleCount()).isEqualTo(1);
            assertThat(e.reports()).hasSize(1);
            assertThat(e.best()).isEqualTo(28);
        });
    }

    @Test
    void shouldReplaceAllReportsOfAnOlderVersionOfTheArticle() {
        EventReport original = Reports.injury("a1").eventId("a1#1").exactly(30).build();
        EventReport updated = Reports.injury("a1").eventId("a1#3").exactly(35)
                .published("2023-05-30T18:00:00Z").build();

        List<CanonicalEvent> events = mergeAll(original, updated);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.reports()).extracting(ReportRef::eventId).containsExactly("a1#3");
            assertThat(e.best()).isEqualTo(35);
        });
    }

    @Test
    void shouldIgnoreAReportOfAnArticleVersionOlderThanTheOneKnown() {
        EventReport updated = Reports.injury("a1").exactly(35).published("2023-05-30T18:00:00Z").build();
        EventReport original = Reports.injury("a1").exactly(30).build();

        MergeResult result = merger.merge(mergeAll(updated), original);

        assertThat(result.event()).isEmpty();
        assertThat(result.upserts()).isEmpty();
        assertThat(result.events()).singleElement().extracting(CanonicalEvent::best).isEqualTo(35L);
    }

    @Test
    void shouldKeepIncidentsFurtherApartThanTheToleranceApart() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").on("2023-05-26").exactly(3).build(),
                Reports.injury("a2").on("2023-05-29").exactly(30).build(),
                Reports.injury("a3").on("2023-05-30").exactly(30).build());

        assertThat(events).extracting(CanonicalEvent::occurredOn).extracting(Object::toString)
                .containsExactly("2023-05-26", "2023-05-29");
    }

    @Test
    void shouldAnchorAChainOfReportsADayApartAtItsEarliestDays() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a4").on("2023-05-31").exactly(4).build(),
                Reports.injury("a2").on("2023-05-29").exactly(2).build(),
                Reports.injury("a3").on("2023-05-30").exactly(3).build(),
                Reports.injury("a1").on("2023-05-28").exactly(1).build());

        assertThat(events).extracting(e -> e.occurredOn() + " best " + e.best())
                .containsExactly("2023-05-28 best 2", "2023-05-30 best 4");
    }

    @Test
    void shouldLetStatedDaysOutvoteThePublicationDayOfUndatedReports() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").undatedPublishedOn("2023-05-31").exactly(30).build(),
                Reports.injury("a2").undatedPublishedOn("2023-05-31").exactly(30).build(),
                Reports.injury("a3").on("2023-05-29").exactly(30).build());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.occurredOn()).hasToString("2023-05-29");
            assertThat(e.articleCount()).isEqualTo(3);
        });
    }

    @Test
    void shouldReportTheOldIdAsRemovedWhenAnEventMovesToAnotherDay() {
        List<CanonicalEvent> known = mergeAll(Reports.injury("a1").undatedPublishedOn("2023-05-30").exactly(30).build());

        MergeResult result = merger.merge(known, Reports.injury("a2").on("2023-05-29").exactly(30).build());

        assertThat(result.created()).isTrue();
        assertThat(result.removedIds()).containsExactly("XK|INJURY|peacekeepers|2023-05-30");
        assertThat(result.event().orElseThrow().id()).isEqualTo("XK|INJURY|peacekeepers|2023-05-29");
    }

    @Test
    void shouldLetAnActorlessReportJoinTheOnlyCandidateGroup() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").actor(null).exactly(30).build(),
                Reports.injury("a2").actor("KFOR soldiers").exactly(30).build());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.actorKey()).isEqualTo("peacekeepers");
            assertThat(e.articleCount()).isEqualTo(2);
        });
    }

    @Test
    void shouldLetAnActorlessReportJoinTheLargestOfSeveralCandidateGroups() {
        // an unnamed group may be any group of the occurrence: "50 people" covers the 40 protesters, not a third group
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").actor("police officers").exactly(10).build(),
                Reports.injury("a2").actor("protesters").exactly(40).build(),
                Reports.injury("a3").actor("people").exactly(50).build());

        assertThat(events).extracting(CanonicalEvent::actorKey, CanonicalEvent::best)
                .containsExactlyInAnyOrder(tuple("police", 10L), tuple("protesters", 50L));
    }

    @Test
    void shouldMatchPeacekeepersAndSoldiersAndANationalityAloneAsOneOccurrence() {
        List<CanonicalEvent> events = mergeAll(
                Reports.injury("a1").actor("KFOR peacekeepers").exactly(30).build(),
                Reports.injury("a2").actor("soldiers").count(25, Qualifier.ABOUT).build(),
                Reports.injury("a3").actor("Serbs").exactly(12).build());

        assertThat(events).singleElement().satisfies(e -> assertThat(e.best()).isEqualTo(30L));
    }

    @Test
    void shouldCountAnEventWithoutAFigureAsOne() {
        List<CanonicalEvent> events = mergeAll(Reports.of(EventType.RESIGNATION, "a1").actor("Serb mayors").build());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.best()).isNull();
            assertThat(e.magnitude()).isEqualTo(1);
        });
    }

    @Test
    void shouldKeepUrlAndEvidenceOfTheFirstReportsOnlyButCountAll() {
        CanonicalEventMerger small = new CanonicalEventMerger(new MergeSettings(1, 2, 2), ActorGroups.defaults());
        List<CanonicalEvent> events = List.of();
        List<EventReport> reports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reports.add(Reports.injury("a" + i).published("2023-05-30T1" + i + ":00:00Z").exactly(30).build());
        }
        for (EventReport report : reports) {
            events = small.merge(events, report).events();
        }

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.articleCount()).isEqualTo(4);
            assertThat(e.reports()).extracting(ReportRef::articleId).containsExactly("a0", "a1", "a2", "a3");
            assertThat(e.reports().subList(0, 2)).allSatisfy(r -> assertThat(r.evidence()).isNotNull());
            assertThat(e.reports().subList(2, 4)).allSatisfy(r -> {
                assertThat(r.url()).isNull();
                assertThat(r.evidence()).isNull();
            });
        });
    }

    @Test
    void shouldRejectKnownEventsOfAnotherMatchKey() {
        List<CanonicalEvent> injuries = mergeAll(Reports.injury("a1").exactly(30).build());

        assertThatThrownBy(() -> merger.merge(injuries, Reports.of(EventType.ARREST, "a2").exactly(3).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

class MergeOrderIndependenceTest {

    /** A week of made-up coverage of one escalation: many outlets, overlapping reports, revisions and re-sends. */
    static List<EventReport> coverage() {
        return List.of(
                Reports.of(EventType.PROTEST, "p1").actor("Serb protesters").on("2023-05-26")
                        .count(1000, Qualifier.VAGUE).build(),
                Reports.of(EventType.PROTEST, "p2").actor("demonstrators").on("2023-05-26")
                        .count(1500, Qualifier.ABOUT).build(),
                Reports.of(EventType.PROTEST, "p3").actor("protesters").on("2023-05-29").build(),
                Reports.of(EventType.PROTEST, "p4").actor("crowd").undatedPublishedOn("2023-05-30").build(),
                Reports.of(EventType.CLASH, "c1").actor("protesters").on("2023-05-29").build(),
                Reports.of(EventType.CLASH, "c2").actor(null).undatedPublishedOn("2023-05-30").build(),
                Reports.injury("i1").source("Agency A").actor("KFOR soldiers").exactly(30).build(),
                Reports.injury("i2").source("Agency B").actor("peacekeepers").count(25, Qualifier.ABOUT).build(),
                Reports.injury("i3").source("Paper C").actor("NATO troops").count(12, Qualifier.VAGUE).build(),
                Reports.injury("i4").source("Agency B").actor("peacekeeping force")
                        .count(20, Qualifier.AT_LEAST).build(),
                Reports.injury("i5").source("Radio D").actor("KFOR peacekeepers")
                        .undatedPublishedOn("2023-05-30").exactly(30).build(),
                Reports.injury("i6").source("Radio D").actor("peacekeepers").exactly(35)
                        .published("2023-06-01T09:00:00Z").build(),
                Reports.injury("i7").actor("protesters").count(50, Qualifier.AT_LEAST).build(),
                Reports.injury("i7").eventId("i7#soldiers").actor("soldiers").exactly(3).build(),
                Reports.injury("i8").actor("Serb demonstrators").exactly(52).build(),
                Reports.injury("i8").actor("Serb demonstrators").exactly(53).published("2023-05-30T20:00:00Z").build(),
                Reports.injury("i9").actor(null).on("2023-05-26").exactly(2).build(),
                Reports.of(EventType.ARREST, "r1").actor("Serbs").on("2023-05-28").exactly(5).build(),
                Reports.of(EventType.ARREST, "r2").actor("ethnic Serbs").on("2023-05-28").exactly(6).build(),
                Reports.of(EventType.MILITARY_ALERT, "m1").region("RS").actor("Serbian army").on("2023-05-26")
                        .level(AlertLevel.HIGH).build(),
                Reports.of(EventType.MILITARY_ALERT, "m2").region("RS").actor("army").on("2023-05-26")
                        .level(AlertLevel.HIGHEST).build(),
                Reports.of(EventType.MILITARY_ALERT, "m3").region("RS").actor("troops")
                        .undatedPublishedOn("2023-05-27").build(),
                Reports.of(EventType.RESIGNATION, "s1").actor("Serb mayors").on("2023-05-20").build(),
                Reports.of(EventType.APPEAL, "a1").actor("EU").on("2023-05-30").build(),
                Reports.of(EventType.CONDEMNATION, "n1").actor("NATO").on("2023-05-30").build());
    }

    @Test
    void shouldGiveTheSameEventsAndIndicatorsWhateverOrderTheReportsArriveIn() {
        TopologyReplay reference = replay(coverage());
        Random random = new Random(20230529L);

        for (int round = 0; round < 300; round++) {
            List<EventReport> shuffled = new ArrayList<>(coverage());
            Collections.shuffle(shuffled, random);
            TopologyReplay replay = replay(shuffled);

            assertThat(replay.events()).as("events, round %d", round).isEqualTo(reference.events());
            assertThat(replay.rows()).as("indicators, round %d", round).isEqualTo(reference.rows());
        }
    }

    @Test
    void shouldCountTheEscalationAsTheReportsDescribeIt() {
        Map<String, DailyIndicators> rows = replay(coverage()).rows();

        IndicatorCounts may29 = rows.get("XK|2023-05-29").counts();
        // the 3 soldiers are among the 35 peacekeepers (peacekeepers are soldiers): counted once
        assertThat(may29.injuries()).isEqualTo(35 + 53);
        assertThat(may29.protests()).isEqualTo(1);
        assertThat(may29.clashes()).isEqualTo(1);
        assertThat(rows.get("XK|2023-05-26").counts().protestParticipants()).isEqualTo(1500);
        assertThat(rows.get("XK|2023-05-28").counts().arrests()).isEqualTo(6);
        assertThat(rows.get("RS|2023-05-26").highestAlertLevel()).isEqualTo(AlertLevel.HIGHEST);
    }

    private static TopologyReplay replay(List<EventReport> reports) {
        TopologyReplay replay = new TopologyReplay(CanonicalEventMerger.withDefaults());
        reports.forEach(replay::accept);
        return replay;
    }
}

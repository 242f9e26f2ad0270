package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergeScheduleTest {

    private static final long MAX_WAIT = 10_000;

    @Test
    void shouldMergeEverythingWhileFewReportsWait() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 1_000);
        schedule.arrived("XK|CLASH", 0);
        schedule.merged("XK|CLASH", 50_000);
        schedule.arrived("XK|CLASH", 10);
        schedule.arrived("GE|PROTEST", 20);

        assertThat(schedule.due(1_000)).containsExactly("XK|CLASH", "GE|PROTEST");
        assertThat(schedule.waitingReports()).isZero();
    }

    @Test
    void shouldMergeDuringABacklogOnlyTheKeysWhoseWaitingReportsAreWorthAClustering() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 0);
        schedule.merged("XK|CLASH", 1_000);
        schedule.merged("GE|PROTEST", 1_000);
        int worthIt = 1_000 / MergeSchedule.RETAINED_PER_WAITING;
        for (int i = 0; i < worthIt - 1; i++) {
            schedule.arrived("XK|CLASH", 0);
        }
        for (int i = 0; i < worthIt; i++) {
            schedule.arrived("GE|PROTEST", 0);
        }
        schedule.arrived("RS|DEPLOYMENT", 0);

        // a key never merged retains nothing here yet: any waiting report is worth it
        assertThat(schedule.due(1_000)).containsExactly("GE|PROTEST", "RS|DEPLOYMENT");
        assertThat(schedule.waitingReports()).isEqualTo(worthIt - 1);
    }

    @Test
    void shouldMergeAKeyThatWaitedTheMaximumEvenDuringABacklog() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 0);
        schedule.merged("XK|CLASH", 1_000_000);
        schedule.arrived("XK|CLASH", 0);
        schedule.arrived("XK|CLASH", 5_000);
        assertThat(schedule.due(MAX_WAIT - 1)).isEmpty();

        schedule.arrived("XK|CLASH", MAX_WAIT - 1);
        assertThat(schedule.due(MAX_WAIT)).containsExactly("XK|CLASH");
    }

    @Test
    void shouldMergeEverythingOnceNoReportArrivedSinceTheLastPunctuation() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 0);
        schedule.merged("XK|CLASH", 1_000_000);
        schedule.arrived("XK|CLASH", 0);
        assertThat(schedule.due(1_000)).isEmpty();

        assertThat(schedule.due(2_000)).as("the backlog is read").containsExactly("XK|CLASH");
    }

    @Test
    void shouldCountReportsFoundAfterARestartAsWaitingWithoutCallingThemNewInput() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 0);
        schedule.found("XK|CLASH", 0);
        schedule.found("XK|CLASH", 0);
        assertThat(schedule.waitingReports()).isEqualTo(2);

        assertThat(schedule.due(1_000)).containsExactly("XK|CLASH");
    }

    @Test
    void shouldGiveEveryKeyWhenTheStoreIsFullAndForgetAllOnClear() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 0);
        schedule.merged("XK|CLASH", 1_000_000);
        schedule.arrived("XK|CLASH", 0);
        schedule.arrived("GE|PROTEST", 0);
        assertThat(schedule.all()).containsExactly("XK|CLASH", "GE|PROTEST");
        assertThat(schedule.waitingReports()).isZero();

        schedule.arrived("XK|CLASH", 0);
        schedule.clear();
        assertThat(schedule.waitingReports()).isZero();
        assertThat(schedule.due(1_000)).isEmpty();
    }

    @Test
    void shouldMergeAtOnceWhenIdleOnlyWhileTheInputIsLiveNews() {
        MergeSchedule schedule = new MergeSchedule(MAX_WAIT, 1_000);
        schedule.arrived("XK|CLASH", 0);
        assertThat(schedule.live()).isTrue();
        assertThat(schedule.idle()).containsExactly("XK|CLASH");
        assertThat(schedule.waitingReports()).isZero();

        // a backlog the task keeps up with: bursts of hundreds of reports an interval
        for (int i = 0; i <= MergeSchedule.LIVE_REPORTS_PER_INTERVAL; i++) {
            schedule.arrived("GE|PROTEST", 100);
        }
        assertThat(schedule.live()).isFalse();
        assertThat(schedule.due(1_000)).containsExactly("GE|PROTEST");
        // the next interval starts quiet, but the last one was a backlog: still merged by the interval
        schedule.arrived("GE|PROTEST", 1_100);
        assertThat(schedule.live()).isFalse();
        schedule.due(2_000);
        schedule.arrived("GE|PROTEST", 2_100);
        assertThat(schedule.live()).isTrue();
    }
}

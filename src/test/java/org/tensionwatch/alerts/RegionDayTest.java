package org.tensionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;
import org.tensionwatch.indicators.RollingPeriod;

class RegionDayTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-01");

    /** An event of {@code articles} reports from {@code sources} outlets in turn, the first {@code detailed} with url and evidence. */
    static CanonicalEvent reported(EventType type, String actor, LocalDate day, Long count, int articles, int sources, int detailed) {
        List<ReportRef> refs = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String source = "Outlet " + (char) ('A' + i % sources);
            String article = "article-" + type + "-" + actor + "-" + day + "-" + i;
            // the first report has no evidence sentence, so the alert's sentence comes from a later one
            refs.add(new ReportRef(article + "#0", article, source, "https://news.example.org/" + article,
                    count == null ? null : count + i % 3, count == null ? null : Qualifier.EXACT,
                    type == EventType.MILITARY_ALERT ? AlertLevel.values()[i % AlertLevel.values().length] : null,
                    actor, "Town", day, true, day.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC).plusSeconds(60L * i),
                    i == 0 ? null : "Report " + i + " of " + actor + " on " + day + ": " + "details ".repeat(20)));
        }
        return CanonicalEvent.from("XK", type, actor, refs, detailed);
    }

    private static List<String> urls(CanonicalEvent e) {
        return e.reports().stream().map(ReportRef::url).filter(Objects::nonNull).distinct().toList();
    }

    private static String evidence(CanonicalEvent e) {
        return e.reports().stream().map(ReportRef::evidence).filter(Objects::nonNull).findFirst().orElse(null);
    }

    @Test
    void shouldKeepOneReportPerSourceTheEvidenceSentenceAndTheFirstUrlsOfAManyTimesReportedEvent() {
        CanonicalEvent full = reported(EventType.INJURY, "protesters", DAY, 40L, 300, 25, 50);

        CanonicalEvent condensed = RegionDay.condense(full);

        assertThat(condensed.reports().size()).isLessThanOrEqualTo(25 + RegionDay.MAX_URLS + 1);
        assertThat(condensed.sources()).isEqualTo(full.sources()).hasSize(25);
        assertThat(condensed.sourceCount()).isEqualTo(25);
        assertThat(urls(condensed)).isEqualTo(urls(full).subList(0, RegionDay.MAX_URLS));
        assertThat(evidence(condensed)).isEqualTo(evidence(full)).startsWith("Report 1 ");
        assertThat(Arrays.asList(condensed.id(), condensed.type(), condensed.occurredOn(), condensed.location(), condensed.level()))
                .isEqualTo(Arrays.asList(full.id(), full.type(), full.occurredOn(), full.location(), full.level()));
        assertThat(Arrays.asList(condensed.low(), condensed.best(), condensed.high(), condensed.bestQualifier()))
                .isEqualTo(Arrays.asList(full.low(), full.best(), full.high(), full.bestQualifier()));
        assertThat(List.of(condensed.firstSeen(), condensed.lastSeen())).isEqualTo(List.of(full.firstSeen(), full.lastSeen()));
    }

    @Test
    void shouldKeepEveryReportAndUrlOfAnEventWithOneReportPerOutletButOnlyTheFirstEvidenceSentence() {
        CanonicalEvent few = reported(EventType.CLASH, "police", DAY, null, 3, 3, 50);

        CanonicalEvent condensed = RegionDay.condense(few);

        assertThat(condensed.reports()).extracting(ReportRef::articleId).isEqualTo(few.reports().stream().map(ReportRef::articleId).toList());
        assertThat(condensed.articleCount()).isEqualTo(3);
        assertThat(urls(condensed)).isEqualTo(urls(few)).hasSize(3);
        assertThat(condensed.reports()).extracting(ReportRef::evidence).filteredOn(Objects::nonNull).hasSize(1);
        assertThat(evidence(condensed)).isEqualTo(evidence(few));
    }

    @Test
    void shouldMeasureEveryRuleKindTheSameOnCondensedEventsAsOnFullOnes() {
        List<CanonicalEvent> full = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            LocalDate day = DAY.plusDays(d);
            full.add(reported(EventType.INJURY, "protesters", day, 5L + d % 4, 20 + d, 3 + d % 7, 50));
            full.add(reported(EventType.CLASH, "police", day, null, 15, 12, 50));
            if (d % 5 == 0) {
                full.add(reported(EventType.MILITARY_ALERT, "army", day, null, 40, 9, 50));
                full.add(reported(EventType.PROTEST, "students", day, 300L, 70, 20, 50));
            }
        }
        RegionHistory original = new RegionHistory("XK", full);
        RegionHistory condensed = new RegionHistory("XK", full.stream().map(RegionDay::condense).toList());
        List<AlertRule> rules = List.of(
                AlertRule.threshold("injuries", AlertIndicator.INJURIES, RollingPeriod.P7D, 20, Severity.MEDIUM).withMinSources(2),
                AlertRule.change("clash-surge", AlertIndicator.CLASHES, RollingPeriod.P7D, 0.25, 28, 1, Severity.MEDIUM),
                AlertRule.threshold("alert", AlertIndicator.ALERT_LEVEL, RollingPeriod.P7D, 2, Severity.HIGH),
                AlertRule.threshold("events", AlertIndicator.EVENTS, RollingPeriod.P30D, 10, Severity.LOW),
                AlertRule.threshold("index", AlertIndicator.TENSION_INDEX, RollingPeriod.P1D, 30, Severity.HIGH));
        AlertEvaluator evaluator = AlertEvaluator.withDefaults();

        for (AlertRule rule : rules) {
            for (int d = 0; d < 70; d += 3) {
                LocalDate day = DAY.plusDays(d);
                Measurement a = evaluator.measure(rule, original, day);
                Measurement b = evaluator.measure(rule, condensed, day);
                assertThat(List.of(b.value(), Objects.toString(b.baseline()), b.raiseAt(), b.sources()))
                        .as("%s on %s", rule.id(), day)
                        .isEqualTo(List.of(a.value(), Objects.toString(a.baseline()), a.raiseAt(), a.sources()));
                assertThat(b.evidence()).extracting(CanonicalEvent::id).isEqualTo(a.evidence().stream().map(CanonicalEvent::id).toList());
                assertThat(b.evidence()).extracting(CanonicalEvent::sources).isEqualTo(a.evidence().stream().map(CanonicalEvent::sources).toList());
                assertThat(b.evidence()).extracting(RegionDayTest::evidence).isEqualTo(a.evidence().stream().map(RegionDayTest::evidence).toList());
            }
        }
        assertThat(evaluator.measure(rules.get(4), original, DAY.plusDays(30)).value()).isPositive();
    }

    @Test
    void shouldHoldEachEventOnceAndOnlyEventsOfItsRegionAndDay() {
        CanonicalEvent first = reported(EventType.INJURY, "protesters", DAY, 4L, 2, 2, 50);
        CanonicalEvent revised = reported(EventType.INJURY, "protesters", DAY, 9L, 5, 3, 50);

        RegionDay day = RegionDay.empty("XK", DAY).with(first).with(revised);

        assertThat(day.events()).extracting(CanonicalEvent::best).containsExactly(revised.best());
        assertThat(day.without(first.id()).isEmpty()).isTrue();
        assertThatThrownBy(() -> RegionDay.empty("XK", DAY.plusDays(1)).with(first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not of XK 2026-10-02");
    }

    @Test
    void shouldCondenseACondensedEventToItself() {
        CanonicalEvent full = reported(EventType.INJURY, "protesters", DAY, 40L, 100, 10, 50);
        assertThat(RegionDay.condense(RegionDay.condense(full))).isEqualTo(RegionDay.condense(full));
    }

    /** The alerts topology condenses an event before its repartition and the evaluation again: the second changes nothing. */
    @Test
    void condensingTwiceGivesTheSameEvent() {
        for (int[] shape : new int[][] {{300, 25, 50}, {12, 3, 12}, {1, 1, 1}, {40, 40, 0}, {15, 2, 3}}) {
            CanonicalEvent once = RegionDay.condense(reported(EventType.INJURY, "protesters", DAY, 40L, shape[0], shape[1], shape[2]));
            assertThat(RegionDay.condense(once)).isSameAs(once);
            assertThat(RegionDay.empty("XK", DAY).with(once).events()).containsExactly(once);
        }
    }
}

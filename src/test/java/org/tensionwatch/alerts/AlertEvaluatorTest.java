package org.tensionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tensionwatch.alerts.Transition.Step.CLEARED;
import static org.tensionwatch.alerts.Transition.Step.ESCALATED;
import static org.tensionwatch.alerts.Transition.Step.NONE;
import static org.tensionwatch.alerts.Transition.Step.RAISED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.RollingPeriod;

class AlertEvaluatorTest {

    private static final AlertEvaluator EVALUATOR = AlertEvaluator.withDefaults();
    private static final Instant AT = Instant.parse("2026-10-01T12:00:00Z");
    private static final AlertRule INJURIES = AlertRule.threshold("injuries", AlertIndicator.INJURIES, RollingPeriod.P7D, 20, Severity.MEDIUM)
            .withClearLevel(10).withCooldownDays(7);

    private static RegionHistory history(CanonicalEvent... events) {
        return new RegionHistory("XK", List.of(events));
    }

    private static Transition evaluate(AlertRule rule, RegionHistory history, AlertState state, String day) {
        return EVALUATOR.evaluate(rule, history, state, LocalDate.parse(day), AT);
    }

    @Test
    void shouldRaiseOnceTheWindowReachesTheThresholdWithIdRuleRegionDay() {
        RegionHistory below = history(Events.injured("XK", "2026-09-28", 8).build(), Events.injured("XK", "2026-10-01", 11).actor("police").build());
        assertThat(evaluate(INJURIES, below, AlertState.NONE, "2026-10-01").step()).isEqualTo(NONE);

        RegionHistory at = below.with(Events.injured("XK", "2026-10-01", 1).actor("soldiers").build());
        Transition raised = evaluate(INJURIES, at, AlertState.NONE, "2026-10-01");
        assertThat(raised.step()).isEqualTo(RAISED);
        assertThat(raised.alertId()).isEqualTo("injuries|XK|2026-10-01");
        assertThat(raised.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(raised.measurement().value()).isEqualTo(20);
        assertThat(raised.measurement().windowStart()).isEqualTo(LocalDate.parse("2026-09-25"));
        assertThat(raised.measurement().evidence()).extracting(CanonicalEvent::magnitude).containsExactly(11L, 8L, 1L);
        assertThat(raised.message()).isEqualTo("XK injuries over 7 days: 20, threshold 20 (medium)");
        assertThat(raised.next().open()).isTrue();
    }

    @Test
    void shouldRaiseOnTheDeployedPersonnelGivenWithEventsWithoutAFigureCountingNothing() {
        AlertRule troops = AlertRule.threshold("troops", AlertIndicator.DEPLOYED_PERSONNEL, RollingPeriod.P7D, 1000, Severity.HIGH);
        RegionHistory h = history(Events.of("XK", EventType.DEPLOYMENT).on("2026-09-29").actor("army").count(600).build(),
                Events.of("XK", EventType.DEPLOYMENT).on("2026-09-30").actor("gendarmerie").build());
        assertThat(evaluate(troops, h, AlertState.NONE, "2026-09-30").step()).isEqualTo(NONE);

        Transition raised = evaluate(troops, h.with(Events.of("XK", EventType.DEPLOYMENT).on("2026-10-01").actor("special units")
                .count(400).build()), AlertState.NONE, "2026-10-01");
        assertThat(raised.step()).isEqualTo(RAISED);
        assertThat(raised.measurement().value()).isEqualTo(1000);
        assertThat(raised.alertId()).isEqualTo("troops|XK|2026-10-01");
    }

    @Test
    void shouldSayNothingMoreWhileTheValueStaysUp() {
        RegionHistory h = history(Events.injured("XK", "2026-10-01", 25).build());
        Transition raised = evaluate(INJURIES, h, AlertState.NONE, "2026-10-01");
        Transition later = evaluate(INJURIES, h.with(Events.injured("XK", "2026-10-02", 5).actor("police").build()), raised.next(), "2026-10-02");
        assertThat(later.step()).isEqualTo(NONE);
        assertThat(later.next().alertId()).isEqualTo("injuries|XK|2026-10-01");
        assertThat(later.next().open()).isTrue();
    }

    @Test
    void shouldHoldBetweenClearingLevelAndThresholdAndClearBelowIt() {
        RegionHistory h = history(Events.injured("XK", "2026-10-01", 25).build(), Events.injured("XK", "2026-10-05", 12).actor("police").build());
        AlertState open = evaluate(INJURIES, h, AlertState.NONE, "2026-10-05").next();
        // 8 October: the 25 of 1 October has left the window, 12 remain: above the clearing level 10
        Transition dip = evaluate(INJURIES, h, open, "2026-10-08");
        assertThat(dip.measurement().value()).isEqualTo(12);
        assertThat(dip.step()).isEqualTo(NONE);
        // 12 October: nothing left
        Transition clear = evaluate(INJURIES, h, dip.next(), "2026-10-12");
        assertThat(clear.step()).isEqualTo(CLEARED);
        assertThat(clear.alertId()).isEqualTo("injuries|XK|2026-10-05");
        assertThat(clear.next().open()).isFalse();
        assertThat(clear.next().clearedOn()).isEqualTo(LocalDate.parse("2026-10-12"));
    }

    @Test
    void shouldRaiseNothingForACrossingWithinTheCooldownNorWhenTheCooldownEndsButAgainForANewCrossingAfterIt() {
        AlertState cleared = new AlertState("injuries|XK|2026-10-01", false, Severity.MEDIUM, LocalDate.parse("2026-10-01"), AT,
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"), false);
        RegionHistory h = history(Events.injured("XK", "2026-10-14", 30).build());
        Transition within = evaluate(INJURIES, h, cleared, "2026-10-14");
        assertThat(within.step()).isEqualTo(NONE);
        assertThat(within.next().heldBack()).isTrue();
        // the cooldown is over on the 17th, but this is still the crossing of the 14th
        Transition stillUp = evaluate(INJURIES, h, within.next(), "2026-10-17");
        assertThat(stillUp.step()).isEqualTo(NONE);
        // the 30 leave the window on the 21st; a new crossing on the 25th raises a new alert
        Transition down = evaluate(INJURIES, h, stillUp.next(), "2026-10-21");
        assertThat(down.next().heldBack()).isFalse();
        Transition again = evaluate(INJURIES, h.with(Events.injured("XK", "2026-10-25", 22).actor("police").build()), down.next(), "2026-10-25");
        assertThat(again.step()).isEqualTo(RAISED);
        assertThat(again.alertId()).isEqualTo("injuries|XK|2026-10-25");
    }

    @Test
    void shouldRaiseAfterTheCooldownWhenTheFirstCrossingComesAfterIt() {
        AlertState cleared = new AlertState("injuries|XK|2026-10-01", false, Severity.MEDIUM, LocalDate.parse("2026-10-01"), AT,
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"), false);
        RegionHistory h = history(Events.injured("XK", "2026-10-17", 30).build());
        assertThat(evaluate(INJURIES, h, cleared, "2026-10-16").step()).isEqualTo(NONE);
        assertThat(evaluate(INJURIES, h, cleared, "2026-10-17").step()).isEqualTo(RAISED);
    }

    @Test
    void shouldNotRaiseAChangeAlertForARegionWithoutHistory() {
        AlertRule surge = AlertRule.change("clash-surge", AlertIndicator.CLASHES, RollingPeriod.P7D, 0.25, 28, 1, Severity.MEDIUM);
        RegionHistory spike = history(
                Events.of("XK", EventType.CLASH).on("2026-10-01").actor("a").build(),
                Events.of("XK", EventType.CLASH).on("2026-10-02").actor("b").build(),
                Events.of("XK", EventType.CLASH).on("2026-10-03").actor("c").build());
        Transition t = evaluate(surge, spike, AlertState.NONE, "2026-10-03");
        assertThat(t.measurement().baseline()).isZero();
        assertThat(t.measurement().value()).isEqualTo(3);
        assertThat(t.step()).isEqualTo(NONE);
    }

    @Test
    void shouldRaiseAChangeAlertAboveABaselineThatPassesTheGuard() {
        AlertRule surge = AlertRule.change("clash-surge", AlertIndicator.CLASHES, RollingPeriod.P7D, 0.25, 28, 1, Severity.MEDIUM);
        RegionHistory h = history();
        // one clash a week over the four weeks before the window: baseline 1 per 7 days
        for (String day : List.of("2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23")) {
            h = h.with(Events.of("XK", EventType.CLASH).on(day).build());
        }
        RegionHistory withOne = h.with(Events.of("XK", EventType.CLASH).on("2026-10-01").actor("a").build());
        Transition one = evaluate(surge, withOne, AlertState.NONE, "2026-10-02");
        assertThat(one.measurement().baseline()).isEqualTo(1.0);
        assertThat(one.measurement().raiseAt()).isEqualTo(1.25);
        assertThat(one.step()).isEqualTo(NONE);

        RegionHistory withTwo = withOne.with(Events.of("XK", EventType.CLASH).on("2026-10-02").actor("b").build());
        Transition two = evaluate(surge, withTwo, AlertState.NONE, "2026-10-02");
        assertThat(two.step()).isEqualTo(RAISED);
        assertThat(two.message()).isEqualTo("XK clashes over 7 days: 2, baseline 1 per 7 days over the 28 days before, threshold 1.3 (medium)");
    }

    @Test
    void shouldWaitForTheMinimumNumberOfSources() {
        AlertRule rule = INJURIES.withMinSources(2);
        RegionHistory one = history(Events.injured("XK", "2026-10-01", 30).sources("Adriatic Wire").build());
        assertThat(evaluate(rule, one, AlertState.NONE, "2026-10-01").step()).isEqualTo(NONE);
        RegionHistory two = history(Events.injured("XK", "2026-10-01", 30).sources("Adriatic Wire", "Balkan Ledger").build());
        Transition t = evaluate(rule, two, AlertState.NONE, "2026-10-01");
        assertThat(t.step()).isEqualTo(RAISED);
        assertThat(t.measurement().sources()).isEqualTo(2);
    }

    @Test
    void shouldEscalateOnceToEachHigherSeverityAndRaiseStraightAtTheLevelReached() {
        AlertRule rule = INJURIES.withEscalations(List.of(new Escalation(50, Severity.HIGH), new Escalation(150, Severity.CRITICAL)));
        RegionHistory h = history(Events.injured("XK", "2026-10-01", 30).build());
        AlertState open = evaluate(rule, h, AlertState.NONE, "2026-10-01").next();
        h = h.with(Events.injured("XK", "2026-10-02", 40).actor("police").build());
        Transition escalated = evaluate(rule, h, open, "2026-10-02");
        assertThat(escalated.step()).isEqualTo(ESCALATED);
        assertThat(escalated.severity()).isEqualTo(Severity.HIGH);
        assertThat(escalated.alertId()).isEqualTo("injuries|XK|2026-10-01");
        assertThat(evaluate(rule, h, escalated.next(), "2026-10-02").step()).isEqualTo(NONE);

        Transition straight = evaluate(rule, history(Events.injured("XK", "2026-10-01", 200).build()), AlertState.NONE, "2026-10-01");
        assertThat(straight.step()).isEqualTo(RAISED);
        assertThat(straight.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldReadTheHighestMilitaryAlertLevelAndTheTensionIndex() {
        AlertRule military = AlertRule.threshold("military-alert", AlertIndicator.ALERT_LEVEL, RollingPeriod.P7D, 3, Severity.CRITICAL);
        RegionHistory h = new RegionHistory("RS", List.of(
                Events.of("RS", EventType.MILITARY_ALERT).actor("army").on("2026-10-02").level(AlertLevel.HIGH).build()));
        assertThat(EVALUATOR.measure(military, h, LocalDate.parse("2026-10-02")).value()).isEqualTo(2);
        h = h.with(Events.of("RS", EventType.MILITARY_ALERT).actor("army").on("2026-10-04").level(AlertLevel.HIGHEST).build());
        assertThat(EVALUATOR.evaluate(military, h, AlertState.NONE, LocalDate.parse("2026-10-04"), AT).step()).isEqualTo(RAISED);

        AlertRule index = AlertRule.threshold("tension-index", AlertIndicator.TENSION_INDEX, RollingPeriod.P1D, 50, Severity.HIGH);
        // the README's worked example: 30 injured, a clash, a protest, a high alert: 56.0
        RegionHistory day1 = history(Events.injured("XK", "2026-10-01", 30).build(),
                Events.of("XK", EventType.CLASH).on("2026-10-01").build(),
                Events.of("XK", EventType.PROTEST).on("2026-10-01").build(),
                Events.of("XK", EventType.MILITARY_ALERT).on("2026-10-01").level(AlertLevel.HIGH).build());
        assertThat(EVALUATOR.measure(index, day1, LocalDate.parse("2026-10-01")).value()).isCloseTo(56.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(EVALUATOR.measure(index, day1, LocalDate.parse("2026-10-08")).value()).isCloseTo(33.6, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void shouldNotGoBackInTime() {
        RegionHistory h = history(Events.injured("XK", "2026-10-01", 30).build());
        AlertState state = AlertState.NONE.evaluated(LocalDate.parse("2026-10-05"));
        assertThat(evaluate(INJURIES, h, state, "2026-10-01").step()).isEqualTo(NONE);
    }

    @Test
    void shouldBuildRulesFromSettingsAndRejectOnesThatMakeNoSense() {
        List<AlertRule> rules = AlertRuleSpec.fromProperties(Map.of(
                "r.injuries.indicator", "injuries", "r.injuries.threshold", "20", "r.injuries.clear-below", "10",
                "r.injuries.escalate", "150:critical, 50:high",
                "r.surge.indicator", "clashes", "r.surge.rise", "0.25",
                "r.off.indicator", "arrests", "r.off.threshold", "5", "r.off.enabled", "false"), "r");
        assertThat(rules).extracting(AlertRule::id).containsExactly("injuries", "surge");
        AlertRule injuries = rules.get(0);
        assertThat(injuries.kind()).isEqualTo(RuleKind.THRESHOLD);
        assertThat(injuries.window()).isEqualTo(RollingPeriod.P7D);
        assertThat(injuries.escalations()).extracting(Escalation::severity).containsExactly(Severity.HIGH, Severity.CRITICAL);
        assertThat(injuries.cooldownDays()).isEqualTo(7);
        AlertRule surge = rules.get(1);
        assertThat(surge.kind()).isEqualTo(RuleKind.CHANGE);
        assertThat(surge.baselineDays()).isEqualTo(30);
        assertThat(surge.minBaseline()).isEqualTo(1);

        assertThatThrownBy(() -> spec("alertLevel", Optional.empty(), Optional.of(0.5)).toRule())
                .hasMessageContaining("no baseline");
        assertThatThrownBy(() -> spec("injuries", Optional.of(1.0), Optional.of(0.5)).toRule())
                .hasMessageContaining("exactly one of threshold");
        assertThatThrownBy(() -> spec("casualties", Optional.of(1.0), Optional.empty()).toRule())
                .hasMessageContaining("unknown indicator 'casualties'");
        assertThatThrownBy(() -> INJURIES.withClearLevel(30)).hasMessageContaining("at most the raising level");
    }

    private static AlertRuleSpec spec(String indicator, Optional<Double> threshold, Optional<Double> rise) {
        return new AlertRuleSpec("x", true, indicator, "P7D", threshold, rise, 30, 1, 1, "medium", List.of(),
                Optional.empty(), Optional.empty(), 7);
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.alerts.AlertIndicator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.Escalation;
import org.tensionwatch.alerts.Events;
import org.tensionwatch.alerts.Severity;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.kafka.Topics;

class AlertsTopologyTest {

    private static final Topics TOPICS = Topics.defaults();
    /** 20 injured in 7 days, clear below 10, 50 is high, from 2 outlets, 7 days' cooldown. */
    static final AlertRule INJURIES = AlertRule.threshold("injuries", AlertIndicator.INJURIES, RollingPeriod.P7D, 20, Severity.MEDIUM)
            .withClearLevel(10).withCooldownDays(7).withMinSources(2)
            .withEscalations(List.of(new Escalation(50, Severity.HIGH)));
    /** Clashes 25% above the 28 days before, with at least one a week before. */
    static final AlertRule CLASH_SURGE = AlertRule.change("clash-surge", AlertIndicator.CLASHES, RollingPeriod.P7D, 0.25, 28, 1, Severity.MEDIUM);

    private TopologyTestDriver driver;
    private TestInputTopic<String, org.tensionwatch.avro.CanonicalEvent> input;
    private TestOutputTopic<String, EscalationAlert> output;

    private void start(List<AlertRule> rules) {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(AlertsTopology.build(TOPICS, rules, new AlertSteps(), props), props);
        input = driver.createInputTopic(TOPICS.canonicalEvents().name(), TOPICS.canonicalEvents().keySerde().serializer(),
                TOPICS.canonicalEvents().valueSerde().serializer());
        output = driver.createOutputTopic(TOPICS.alerts().name(), TOPICS.alerts().keySerde().deserializer(),
                TOPICS.alerts().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(CanonicalEvent event, String publishedAt) {
        input.pipeInput(event.id(), CanonicalEventMapping.toAvro(event), Instant.parse(publishedAt));
    }

    private void retract(CanonicalEvent event, String at) {
        input.pipeInput(event.id(), null, Instant.parse(at));
    }

    /** Moves stream time on with an event of another region that no rule cares about. */
    private void tick(String day) {
        send(Events.of("GE", EventType.APPEAL).actor("ombudsman-" + day).on(day).build(), day + "T06:00:00Z");
    }

    private static CanonicalEvent injured(String day, long count, String actor) {
        return Events.injured("XK", day, count).actor(actor).sources("Adriatic Wire", "Balkan Ledger").build();
    }

    private List<EscalationAlert> steps() {
        return output.readValuesToList();
    }

    private Map<String, EscalationAlert> latestStore() {
        KeyValueStore<String, EscalationAlert> store = driver.getKeyValueStore(AlertStoreNames.LATEST_ALERTS);
        Map<String, EscalationAlert> all = new TreeMap<>();
        try (KeyValueIterator<String, EscalationAlert> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value));
        }
        return all;
    }

    @Test
    void shouldRaiseExactlyOneAlertForACrossingWhileFurtherRecordsKeepItAbove() {
        start(List.of(INJURIES));
        send(injured("2026-10-01", 12, "police"), "2026-10-01T10:00:00Z");
        assertThat(steps()).isEmpty();
        send(injured("2026-10-01", 14, "protesters"), "2026-10-01T11:00:00Z");
        send(injured("2026-10-01", 15, "protesters"), "2026-10-01T12:00:00Z");
        send(injured("2026-10-02", 3, "soldiers"), "2026-10-02T09:00:00Z");
        send(injured("2026-10-02", 4, "soldiers"), "2026-10-02T10:00:00Z");

        List<EscalationAlert> steps = steps();
        assertThat(steps).hasSize(1);
        EscalationAlert raised = steps.get(0);
        assertThat(raised.getId()).isEqualTo("injuries|XK|2026-10-01");
        assertThat(raised.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(raised.getSeverity()).isEqualTo(AlertSeverity.MEDIUM);
        assertThat(raised.getValue()).isEqualTo(26);
        assertThat(raised.getThreshold()).isEqualTo(20);
        assertThat(raised.getWindow()).isEqualTo("P7D");
        assertThat(raised.getWindowStart()).isEqualTo(LocalDate.parse("2026-09-25"));
        assertThat(raised.getWindowEnd()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(raised.getRaisedAt()).isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));
        assertThat(raised.getSources()).isEqualTo(2);
        assertThat(raised.getEvents()).extracting(AlertEvidence::getEventId)
                .containsExactly("XK|INJURY|protesters|2026-10-01", "XK|INJURY|police|2026-10-01");
        assertThat(raised.getEvents().get(0).getUrls()).hasSize(2).allMatch(url -> url.startsWith("https://news.example.org/"));
        assertThat(raised.getEvents().get(0).getEvidence()).contains("14 protesters");
        assertThat(latestStore()).containsOnlyKeys("injuries|XK|2026-10-01");
    }

    @Test
    void shouldHoldThroughADipAboveTheClearingLevelAndClearBelowItWhenTheDaysGoQuiet() {
        start(List.of(INJURIES));
        send(injured("2026-10-01", 25, "protesters"), "2026-10-01T12:00:00Z");
        send(injured("2026-10-05", 12, "police"), "2026-10-05T12:00:00Z");
        assertThat(steps()).extracting(EscalationAlert::getStatus).containsExactly(AlertStatus.RAISED);

        tick("2026-10-09");      // closes 5..8 October: on the 8th the 25 have left, 12 remain (between 10 and 20)
        assertThat(steps()).isEmpty();
        tick("2026-10-13");      // closes 9..12 October: on the 12th the 12 have left too
        List<EscalationAlert> steps = steps();
        assertThat(steps).hasSize(1);
        EscalationAlert cleared = steps.get(0);
        assertThat(cleared.getStatus()).isEqualTo(AlertStatus.CLEARED);
        assertThat(cleared.getId()).isEqualTo("injuries|XK|2026-10-01");
        assertThat(cleared.getWindowEnd()).isEqualTo(LocalDate.parse("2026-10-12"));
        assertThat(cleared.getValue()).isZero();
        assertThat(cleared.getUpdatedAt()).isEqualTo(Instant.parse("2026-10-12T23:59:59.999Z"));
        assertThat(cleared.getRaisedAt()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
        assertThat(latestStore().get("injuries|XK|2026-10-01").getStatus()).isEqualTo(AlertStatus.CLEARED);
    }

    @Test
    void shouldRaiseNothingForACrossingWithinTheCooldownAndANewAlertForOneAfterIt() {
        start(List.of(INJURIES));
        send(injured("2026-10-01", 25, "protesters"), "2026-10-01T12:00:00Z");
        tick("2026-10-09");                                            // cleared on 8 October
        assertThat(steps()).extracting(EscalationAlert::getStatus).containsExactly(AlertStatus.RAISED, AlertStatus.CLEARED);

        send(injured("2026-10-12", 30, "police"), "2026-10-12T12:00:00Z");   // within 7 days of the 8th
        tick("2026-10-20");                                            // the 30 leave the window on the 19th
        assertThat(steps()).isEmpty();

        send(injured("2026-10-22", 21, "soldiers"), "2026-10-22T12:00:00Z"); // a new crossing after the cooldown
        List<EscalationAlert> steps = steps();
        assertThat(steps).extracting(EscalationAlert::getId).containsExactly("injuries|XK|2026-10-22");
        assertThat(steps).extracting(EscalationAlert::getStatus).containsExactly(AlertStatus.RAISED);
    }

    @Test
    void shouldNotRaiseAChangeAlertForARegionWithNoHistoryButForOneAboveItsOwnBaseline() {
        start(List.of(CLASH_SURGE));
        // Kosovo: no clashes on record, then three in three days
        for (String day : List.of("2026-10-01", "2026-10-02", "2026-10-03")) {
            send(Events.of("XK", EventType.CLASH).actor("group-" + day).on(day).build(), day + "T12:00:00Z");
        }
        // Serbia: one clash a week for four weeks, then two in a week
        for (String day : List.of("2026-09-03", "2026-09-10", "2026-09-17", "2026-09-24", "2026-10-02", "2026-10-03")) {
            send(Events.of("RS", EventType.CLASH).actor("group-" + day).on(day).build(), day + "T13:00:00Z");
        }
        List<EscalationAlert> steps = steps();
        assertThat(steps).extracting(EscalationAlert::getId).containsExactly("clash-surge|RS|2026-10-03");
        EscalationAlert raised = steps.get(0);
        assertThat(raised.getBaseline()).isEqualTo(1.0);
        assertThat(raised.getBaselineDays()).isEqualTo(28);
        assertThat(raised.getThreshold()).isEqualTo(1.25);
        assertThat(raised.getValue()).isEqualTo(2);
        assertThat(raised.getKind()).isEqualTo(org.tensionwatch.avro.AlertRuleKind.CHANGE);
    }

    @Test
    void shouldWaitForTheSecondSourceAndEscalateOnce() {
        start(List.of(INJURIES));
        send(Events.injured("XK", "2026-10-01", 30).actor("protesters").sources("Adriatic Wire").build(), "2026-10-01T10:00:00Z");
        assertThat(steps()).isEmpty();
        send(Events.injured("XK", "2026-10-01", 30).actor("protesters").sources("Adriatic Wire", "Balkan Ledger").build(), "2026-10-01T11:00:00Z");
        send(injured("2026-10-01", 25, "police"), "2026-10-01T12:00:00Z");
        send(injured("2026-10-02", 5, "soldiers"), "2026-10-02T12:00:00Z");
        List<EscalationAlert> steps = steps();
        assertThat(steps).extracting(EscalationAlert::getStatus).containsExactly(AlertStatus.RAISED, AlertStatus.ESCALATED);
        assertThat(steps).extracting(EscalationAlert::getSeverity).containsExactly(AlertSeverity.MEDIUM, AlertSeverity.HIGH);
        assertThat(steps).extracting(EscalationAlert::getId).containsOnly("injuries|XK|2026-10-01");
        assertThat(steps.get(1).getRaisedAt()).isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));
        assertThat(steps.get(1).getUpdatedAt()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
    }

    @Test
    void shouldClearWhenTheEventsBehindAnAlertAreRetracted() {
        start(List.of(INJURIES));
        CanonicalEvent event = injured("2026-10-01", 25, "protesters");
        send(event, "2026-10-01T12:00:00Z");
        retract(event, "2026-10-01T15:00:00Z");
        assertThat(steps()).extracting(EscalationAlert::getStatus).containsExactly(AlertStatus.RAISED, AlertStatus.CLEARED);
    }

    @Test
    void shouldRaiseTheSameAlertsWithTheSameIdsAndTimesWhenTheSameHistoryIsReplayed() {
        List<TestRecord<String, org.tensionwatch.avro.CanonicalEvent>> history = new ArrayList<>();
        String[][] days = {{"2026-09-03", "1"}, {"2026-09-12", "3"}, {"2026-09-29", "14"}, {"2026-10-01", "34"}, {"2026-10-01", "52"},
            {"2026-10-02", "41"}, {"2026-10-20", "2"}, {"2026-11-02", "22"}, {"2026-11-03", "60"}};
        int n = 0;
        for (String[] d : days) {
            CanonicalEvent e = injured(d[0], Long.parseLong(d[1]), "group" + n++);
            history.add(new TestRecord<>(e.id(), CanonicalEventMapping.toAvro(e), LocalDate.parse(d[0]).atTime(18, 0).toInstant(ZoneOffset.UTC)));
            CanonicalEvent clash = Events.of("XK", EventType.CLASH).actor("c" + n).on(d[0]).sources("Adriatic Wire", "Balkan Ledger").build();
            history.add(new TestRecord<>(clash.id(), CanonicalEventMapping.toAvro(clash), LocalDate.parse(d[0]).atTime(19, 0).toInstant(ZoneOffset.UTC)));
        }
        List<AlertRule> rules = List.of(INJURIES, CLASH_SURGE);
        List<TestRecord<String, EscalationAlert>> first = replay(rules, history);
        List<TestRecord<String, EscalationAlert>> second = replay(rules, history);
        assertThat(first).extracting(r -> r.value().getStatus() + " " + r.key())
                .containsExactly("RAISED injuries|XK|2026-10-01", "ESCALATED injuries|XK|2026-10-01",
                        "CLEARED injuries|XK|2026-10-01", "RAISED injuries|XK|2026-11-02",
                        "ESCALATED injuries|XK|2026-11-02", "RAISED clash-surge|XK|2026-11-03");
        assertThat(second).isEqualTo(first);
    }

    private List<TestRecord<String, EscalationAlert>> replay(List<AlertRule> rules,
            List<TestRecord<String, org.tensionwatch.avro.CanonicalEvent>> history) {
        start(rules);
        history.forEach(input::pipeInput);
        List<TestRecord<String, EscalationAlert>> out = output.readRecordsToList();
        driver.close();
        driver = null;
        return out;
    }

    @Test
    void shouldSettleADayOnTheReportsThatCameLateWhereTheProvisionalStepCouldNotSeeThem() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(AlertsTopology.build(TOPICS, List.of(INJURIES), 62, new AlertSteps(), props), props);
        input = driver.createInputTopic(TOPICS.canonicalEvents().name(), TOPICS.canonicalEvents().keySerde().serializer(),
                TOPICS.canonicalEvents().valueSerde().serializer());
        output = driver.createOutputTopic(TOPICS.alerts().name(), TOPICS.alerts().keySerde().deserializer(),
                TOPICS.alerts().valueSerde().deserializer());
        TestOutputTopic<String, EscalationAlert> settled = driver.createOutputTopic(TOPICS.settledAlerts().name(),
                TOPICS.settledAlerts().keySerde().deserializer(), TOPICS.settledAlerts().valueSerde().deserializer());

        send(injured("2026-10-01", 12, "police"), "2026-10-01T10:00:00Z");
        tick("2026-10-20");
        // published on 1 October, read three weeks later: by then the 1st is long closed
        send(injured("2026-10-01", 14, "protesters"), "2026-10-01T18:00:00Z");
        // the provisional steps evaluate the past windows the report touched: the same alert, learned late
        assertThat(steps()).extracting(a -> a.getId() + " " + a.getStatus() + " " + a.getValue() + " " + a.getLate())
                .containsExactly("injuries|XK|2026-10-01 RAISED 26.0 true", "injuries|XK|2026-10-01 CLEARED 0.0 true");
        assertThat(settled.readValuesToList()).as("nothing is settled yet").isEmpty();

        tick("2026-12-10");      // days up to 62 days before, 9 October, settle
        List<EscalationAlert> settledSteps = settled.readValuesToList();
        assertThat(settledSteps).extracting(a -> a.getId() + " " + a.getStatus() + " " + a.getValue() + " " + a.getUpdatedAt())
                .containsExactly("injuries|XK|2026-10-01 RAISED 26.0 2026-10-01T23:59:59.999Z",
                        "injuries|XK|2026-10-01 CLEARED 0.0 2026-10-08T23:59:59.999Z");
        assertThat(latestStore()).as("settled steps are not in the store of provisional alerts")
                .containsOnlyKeys("injuries|XK|2026-10-01");
        assertThat(latestStore().get("injuries|XK|2026-10-01").getLate()).isTrue();
    }

    /** Each alert as its steps add up: the day raised, the highest severity, the last day it cleared. */
    static List<String> outcome(List<EscalationAlert> steps) {
        Map<String, String> raised = new TreeMap<>();
        Map<String, AlertSeverity> peak = new TreeMap<>();
        Map<String, LocalDate> cleared = new TreeMap<>();
        for (EscalationAlert a : steps) {
            if (a.getStatus() == AlertStatus.RAISED) {
                raised.putIfAbsent(a.getId(), a.getWindowEnd().toString());
            }
            peak.merge(a.getId(), a.getSeverity(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (a.getStatus() == AlertStatus.CLEARED) {
                cleared.merge(a.getId(), a.getWindowEnd(), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        return raised.keySet().stream().map(id -> id + " raised " + raised.get(id) + ", " + peak.get(id) + ", "
                + (cleared.containsKey(id) ? "cleared " + cleared.get(id) : "open")).toList();
    }

    /** Zvecan, 29-31 May 2023, reported after a Peru report of 12 June had moved the task's day on. */
    private void zvecanAfterPeru() {
        tick("2023-06-12");
        send(injured("2023-05-29", 30, "soldiers"), "2023-05-29T20:00:00Z");
        send(injured("2023-05-30", 25, "protesters"), "2023-05-30T20:00:00Z");
        send(injured("2023-05-31", 3, "police"), "2023-05-31T20:00:00Z");
    }

    @Test
    void shouldRaiseALateAlertForACrossingOfAPastWindowLearnedAfterItsDays() {
        start(List.of(INJURIES));
        zvecanAfterPeru();
        List<EscalationAlert> steps = steps();
        assertThat(steps).extracting(a -> a.getStatus() + " " + a.getSeverity() + " " + a.getWindowEnd() + " " + a.getValue())
                .containsExactly(
                        "RAISED MEDIUM 2023-05-29 30.0",
                        // told on the first report alone; the second one keeps the value up a day longer
                        "CLEARED MEDIUM 2023-06-05 0.0",
                        "ESCALATED HIGH 2023-05-30 55.0",
                        "CLEARED HIGH 2023-06-06 0.0");
        assertThat(steps).extracting(EscalationAlert::getId).containsOnly("injuries|XK|2023-05-29");
        assertThat(steps).allSatisfy(a -> assertThat(a.getLate()).isTrue());
        EscalationAlert raised = steps.get(0);
        assertThat(raised.getWindowStart()).isEqualTo(LocalDate.parse("2023-05-23"));
        assertThat(raised.getRaisedAt()).isEqualTo(Instant.parse("2023-05-29T23:59:59.999Z"));
        assertThat(raised.getUpdatedAt()).isEqualTo(Instant.parse("2023-05-29T23:59:59.999Z"));
        assertThat(raised.getLearnedAt()).as("learned when the report came, in stream time: the Peru report's")
                .isEqualTo(Instant.parse("2023-06-12T06:00:00Z"));
        assertThat(raised.getMessage()).contains("learned late on 2023-06-12");
        assertThat(raised.getEvents()).extracting(AlertEvidence::getEventId).containsExactly("XK|INJURY|soldiers|2023-05-29");
        assertThat(latestStore().get("injuries|XK|2023-05-29").getStatus()).isEqualTo(AlertStatus.CLEARED);
    }

    @Test
    void shouldRaiseTheSameAlertsWhetherTheEvidenceCameInTimeOrAfterAnotherRegionsNews() {
        start(List.of(INJURIES));
        send(injured("2023-05-29", 30, "soldiers"), "2023-05-29T20:00:00Z");
        send(injured("2023-05-30", 25, "protesters"), "2023-05-30T20:00:00Z");
        send(injured("2023-05-31", 3, "police"), "2023-05-31T20:00:00Z");
        tick("2023-06-12");
        List<EscalationAlert> inTime = steps();
        driver.close();
        start(List.of(INJURIES));
        zvecanAfterPeru();
        List<EscalationAlert> late = steps();
        assertThat(outcome(inTime)).containsExactly("injuries|XK|2023-05-29 raised 2023-05-29, HIGH, cleared 2023-06-06");
        assertThat(outcome(late)).isEqualTo(outcome(inTime));
        assertThat(inTime).noneMatch(EscalationAlert::getLate);
        assertThat(inTime).allSatisfy(a -> assertThat(a.getLearnedAt()).isEqualTo(a.getUpdatedAt()));
    }

    @Test
    void shouldRaiseNothingForALateCrossingInsideAnAlertAlreadyToldOrItsCooldown() {
        start(List.of(INJURIES));
        send(injured("2026-10-10", 25, "protesters"), "2026-10-10T12:00:00Z");
        tick("2026-10-25");                                            // cleared on 17 October
        assertThat(steps()).extracting(a -> a.getStatus() + " " + a.getWindowEnd())
                .containsExactly("RAISED 2026-10-10", "CLEARED 2026-10-17");
        // a crossing on the 20th, within the 7 days' cooldown of the 17th, told on the 25th: silent, as a prompt one
        send(injured("2026-10-20", 22, "police"), "2026-10-20T12:00:00Z");
        // the same crossing as the alert of the 10th, its first days learned late: no second alert
        send(injured("2026-10-08", 21, "soldiers"), "2026-10-08T12:00:00Z");
        assertThat(steps()).isEmpty();
    }

    @Test
    void shouldKeepEveryStepOfAnAlertWithItsValueAndEvidenceAndItsPeakOnceCleared() {
        start(List.of(INJURIES));
        send(injured("2026-10-01", 25, "protesters"), "2026-10-01T12:00:00Z");
        send(injured("2026-10-02", 30, "soldiers"), "2026-10-02T12:00:00Z");
        tick("2026-10-12");
        KeyValueStore<String, AlertHistory> store = driver.getKeyValueStore(AlertStoreNames.ALERT_HISTORY);
        AlertHistory history = store.get("injuries|XK|2026-10-01");
        assertThat(history.steps()).extracting(s -> s.status() + " " + s.severity() + " " + s.value())
                .containsExactly("raised medium 25.0", "escalated high 55.0", "cleared high 0.0");
        assertThat(history.steps().get(1).events()).extracting(AlertHistoryStep.Evidence::eventId)
                .containsExactly("XK|INJURY|soldiers|2026-10-02", "XK|INJURY|protesters|2026-10-01");
        assertThat(history.steps().get(2).events()).isEmpty();
        assertThat(history.peak()).isEqualTo(history.steps().get(1));
    }

    @Test
    void shouldEscalateAnOpenAlertOnAPastWindowThatALateReportRaises() {
        start(List.of(INJURIES));
        send(injured("2026-10-01", 25, "protesters"), "2026-10-01T12:00:00Z");
        tick("2026-10-04");
        send(injured("2026-10-02", 30, "soldiers"), "2026-10-02T12:00:00Z");
        assertThat(steps()).extracting(a -> a.getStatus() + " " + a.getSeverity() + " " + a.getWindowEnd() + " " + a.getLate())
                .containsExactly("RAISED MEDIUM 2026-10-01 false", "ESCALATED HIGH 2026-10-02 true");
    }

    @Test
    void shouldRaiseALateAlertWhenAnEarlierClearedOneLeavesRoomAfterItsCooldown() {
        start(List.of(INJURIES.withCooldownDays(2)));
        send(injured("2026-10-01", 25, "protesters"), "2026-10-01T12:00:00Z");
        tick("2026-10-30");                                            // cleared on 8 October
        send(injured("2026-10-20", 21, "police"), "2026-10-20T12:00:00Z");
        assertThat(steps()).extracting(a -> a.getId() + " " + a.getStatus() + " " + a.getLate())
                .containsExactly("injuries|XK|2026-10-01 RAISED false", "injuries|XK|2026-10-01 CLEARED false",
                        "injuries|XK|2026-10-20 RAISED true", "injuries|XK|2026-10-20 CLEARED true");
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.alerts.AlertIndicator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.RegionDay;
import org.tensionwatch.alerts.RegionHistory;
import org.tensionwatch.alerts.Severity;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.Topics;

/**
 * A region with a long, dense history: every value the alerts store for it stays far below the 1 MB record limit of
 * the changelog, although the whole history (as one value per region used to hold it) is several times that, and the
 * alerts are still raised and cleared as the rule says.
 */
class AlertsStateBoundTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final LocalDate START = LocalDate.parse("2026-06-01");
    private static final int ACTIVE_DAYS = 40;
    private static final int QUIET_DAYS = 20;
    private static final int EVENTS_PER_DAY = 5;
    private static final int REPORTS_PER_EVENT = 40;
    private static final int SOURCES_PER_EVENT = 12;
    /** Far below the 1 MB request limit: a day of this region stores under 64 KiB. */
    private static final int BOUND_BYTES = 64 * 1024;
    /** 10 injured in 7 days, clear below 5, from 2 outlets, 7 days' cooldown. */
    private static final AlertRule INJURIES = AlertRule.threshold("injuries", AlertIndicator.INJURIES, RollingPeriod.P7D, 10, Severity.MEDIUM)
            .withClearLevel(5).withCooldownDays(7).withMinSources(2);
    /** Reads the longest baseline allowed, so the region's whole retained history is read on every change. */
    private static final AlertRule LONG_BASELINE = AlertRule.change("clash-surge", AlertIndicator.CLASHES, RollingPeriod.P7D, 0.5,
            AlertRule.MAX_BASELINE_DAYS, 1, Severity.MEDIUM);

    private TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** One event of many articles from several outlets, every report with url and evidence sentence. */
    private static CanonicalEvent reported(EventType type, String actor, LocalDate day, long count) {
        List<ReportRef> refs = new ArrayList<>();
        for (int i = 0; i < REPORTS_PER_EVENT; i++) {
            String source = "Outlet " + (char) ('A' + i % SOURCES_PER_EVENT);
            String article = "article-" + type + "-" + actor + "-" + day + "-" + i;
            refs.add(new ReportRef(article + "#0", article, source, "https://news.example.org/" + article, count,
                    Qualifier.EXACT, null, actor, "Town", day, true, day.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(i),
                    "Report " + i + ": " + count + " " + actor + " " + type.name().toLowerCase() + " " + "in detail ".repeat(25)));
        }
        return CanonicalEvent.from("XK", type, actor, refs, REPORTS_PER_EVENT);
    }

    @Test
    void shouldKeepEveryStoredValueOfADenseRegionSmallAndStillRaiseAndClearItsAlerts() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(AlertsTopology.build(TOPICS, List.of(INJURIES, LONG_BASELINE), new AlertSteps(), props), props);
        TestInputTopic<String, org.tensionwatch.avro.CanonicalEvent> input = driver.createInputTopic(
                TOPICS.canonicalEvents().name(), TOPICS.canonicalEvents().keySerde().serializer(),
                TOPICS.canonicalEvents().valueSerde().serializer());
        TestOutputTopic<String, EscalationAlert> output = driver.createOutputTopic(TOPICS.alerts().name(),
                TOPICS.alerts().keySerde().deserializer(), TOPICS.alerts().valueSerde().deserializer());
        KeyValueStore<String, RegionDay> store = driver.getKeyValueStore(AlertStoreNames.REGION_DAYS);
        Serde<RegionDay> serde = JsonSerde.of(RegionDay.class);

        List<CanonicalEvent> sent = new ArrayList<>();
        int largest = 0;
        int totalDays = 2 * ACTIVE_DAYS + QUIET_DAYS;
        for (int d = 0; d < totalDays; d++) {
            LocalDate day = START.plusDays(d);
            boolean quiet = d >= ACTIVE_DAYS && d < ACTIVE_DAYS + QUIET_DAYS;
            List<CanonicalEvent> today = new ArrayList<>();
            if (quiet) {
                today.add(reported(EventType.APPEAL, "ombudsman", day, 1));
            } else {
                today.add(reported(EventType.INJURY, "protesters", day, 3));
                for (int e = 1; e < EVENTS_PER_DAY; e++) {
                    today.add(reported(EventType.CLASH, "group-" + e, day, 1));
                }
            }
            for (CanonicalEvent event : today) {
                input.pipeInput(event.id(), CanonicalEventMapping.toAvro(event), day.atTime(12, 0).toInstant(ZoneOffset.UTC));
            }
            sent.addAll(today);
            try (KeyValueIterator<String, RegionDay> all = store.all()) {
                while (all.hasNext()) {
                    largest = Math.max(largest, serde.serializer().serialize("", all.next().value).length);
                }
            }
        }

        int wholeHistory = JsonSerde.of(RegionHistory.class).serializer().serialize("", new RegionHistory("XK", sent)).length;
        assertThat(sent).hasSize(2 * ACTIVE_DAYS * EVENTS_PER_DAY + QUIET_DAYS);
        assertThat(wholeHistory).as("the history as one value").isGreaterThan(4 * 1024 * 1024);
        assertThat(largest).as("the largest value stored").isPositive().isLessThan(BOUND_BYTES);

        // 3 injured a day: the 7 days' sum reaches 10 on the 4th day (12); it falls below 5 on the 7th day after the
        // last active one (3, evaluated at noon, when that day's appeal arrives); the cooldown is long over by the
        // next active days, which raise again on their 4th day
        List<EscalationAlert> steps = output.readValuesToList().stream().filter(a -> a.getRuleId().equals("injuries")).toList();
        assertThat(steps).extracting(EscalationAlert::getStatus)
                .containsExactly(AlertStatus.RAISED, AlertStatus.CLEARED, AlertStatus.RAISED);
        assertThat(steps).extracting(EscalationAlert::getId).containsExactly(
                "injuries|XK|" + START.plusDays(3), "injuries|XK|" + START.plusDays(3),
                "injuries|XK|" + START.plusDays(ACTIVE_DAYS + QUIET_DAYS + 3));
        assertThat(steps.get(1).getUpdatedAt()).isEqualTo(START.plusDays(ACTIVE_DAYS - 1 + 6).atTime(12, 0).toInstant(ZoneOffset.UTC));
        EscalationAlert raised = steps.get(0);
        assertThat(raised.getSources()).isEqualTo(SOURCES_PER_EVENT);
        assertThat(raised.getEvents()).hasSize(4).allSatisfy(e -> {
            assertThat(e.getSources()).hasSize(SOURCES_PER_EVENT);
            assertThat(e.getUrls()).hasSize(RegionDay.MAX_URLS);
            assertThat(e.getEvidence()).startsWith("Report 0: 3 protesters injury");
        });
        assertThat(raised.getEvents()).extracting(AlertEvidence::getEventId).first().isEqualTo("XK|INJURY|protesters|" + START.plusDays(3));
    }
}

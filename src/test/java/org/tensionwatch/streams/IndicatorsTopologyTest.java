package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tensionwatch.avro.CountQualifier.ABOUT;
import static org.tensionwatch.avro.CountQualifier.AT_LEAST;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.CountQualifier.VAGUE;
import static org.tensionwatch.avro.EventType.CLASH;
import static org.tensionwatch.avro.EventType.DEPLOYMENT;
import static org.tensionwatch.avro.EventType.INJURY;
import static org.tensionwatch.avro.EventType.MILITARY_ALERT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.kafka.Topics;

class IndicatorsTopologyTest {

    private static final Topics TOPICS = Topics.defaults();
    private TopologyTestDriver driver;
    /** What this test's topology could not apply: its own, so a test reads exactly what it caused. */
    private DroppedReports dropped;
    private TestInputTopic<String, ConflictEvent> events;
    private TestOutputTopic<String, RegionIndicators> indicators;

    static Properties streamsConfig() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "indicators-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        // no record cache: every update reaches the output, so tests see each step
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return props;
    }

    @BeforeEach
    void startDriver() {
        Properties props = streamsConfig();
        dropped = new DroppedReports();
        driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, IndicatorSettings.defaults(), dropped, props), props);
        events = driver.createInputTopic(TOPICS.events().name(), TOPICS.events().keySerde().serializer(),
                TOPICS.events().valueSerde().serializer());
        indicators = driver.createOutputTopic(TOPICS.indicators().name(), TOPICS.indicators().keySerde().deserializer(),
                TOPICS.indicators().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(ConflictEvent event) {
        events.pipeInput(event.getId(), event, event.getPublishedAt());
    }

    private static ConflictEvents injuredPeacekeepers(String article, String source, String published) {
        return ConflictEvents.of(INJURY).article(article, 0).source(source).actor("KFOR peacekeepers")
                .on("2026-10-12").published(published);
    }

    private Map<String, DailyIndicators> dailyStore() {
        KeyValueStore<String, ValueAndTimestamp<DailyIndicators>> store =
                driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS);
        Map<String, DailyIndicators> rows = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<DailyIndicators>> all = store.all()) {
            all.forEachRemaining(kv -> rows.put(kv.key, kv.value.value()));
        }
        return rows;
    }

    private long injuriesOn(String region, String day) {
        DailyIndicators row = dailyStore().get(RegionDay.key(region, LocalDate.parse(day)));
        return row == null ? 0 : row.counts().injuries();
    }

    @Test
    void shouldCountFiveReportsOfOneInjuryIncidentOnceWithTheHighestExactFigure() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());
        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-10-12T19:00:00Z").count(25, ABOUT).build());
        send(injuredPeacekeepers("a3", "Danube Daily", "2026-10-12T20:00:00Z").count(12, VAGUE).build());
        send(injuredPeacekeepers("a4", "Morava Post", "2026-10-13T06:00:00Z").count(20, AT_LEAST).build());
        send(injuredPeacekeepers("a5", "Ibar News", "2026-10-13T07:00:00Z").count(30, EXACT).build());

        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(30);
        DailyIndicators row = dailyStore().get("XK|2026-10-12");
        assertThat(row.counts().events()).isEqualTo(1);
        assertThat(row.counts().reports()).isEqualTo(5);
        assertThat(row.distinctSources()).isEqualTo(5);
    }

    @Test
    void shouldPublishTheMergedCanonicalEventWithEverySourceAndMoveItWhenItsDayChanges() {
        TestOutputTopic<String, org.tensionwatch.avro.CanonicalEvent> canonical = driver.createOutputTopic(
                TOPICS.canonicalEvents().name(), TOPICS.canonicalEvents().keySerde().deserializer(),
                TOPICS.canonicalEvents().valueSerde().deserializer());
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());
        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-10-12T19:00:00Z").count(25, ABOUT).build());

        Map<String, org.tensionwatch.avro.CanonicalEvent> latest = new TreeMap<>();
        canonical.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        assertThat(latest).containsOnlyKeys("XK|INJURY|peacekeepers|2026-10-12");
        org.tensionwatch.avro.CanonicalEvent event = latest.get("XK|INJURY|peacekeepers|2026-10-12");
        assertThat(event.getBest()).isEqualTo(30L);
        assertThat(event.getSources()).containsExactly("Adriatic Wire", "Balkan Courier");
        assertThat(event.getReports()).hasSize(2);

        // two later reports that put the incident on the 11th outvote the first day: the old id is tombstoned
        send(injuredPeacekeepers("a3", "Danube Daily", "2026-10-13T06:00:00Z").on("2026-10-11").count(30, EXACT).build());
        send(injuredPeacekeepers("a4", "Morava Post", "2026-10-13T07:00:00Z").on("2026-10-11").count(30, EXACT).build());
        send(injuredPeacekeepers("a5", "Ibar News", "2026-10-13T08:00:00Z").on("2026-10-11").count(30, EXACT).build());
        canonical.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        assertThat(latest.get("XK|INJURY|peacekeepers|2026-10-12")).isNull();
        assertThat(latest.get("XK|INJURY|peacekeepers|2026-10-11").getArticleCount()).isEqualTo(5);
    }

    @Test
    void shouldMoveTheIndicatorByTheDifferenceWhenALaterReportRevisesTheFigure() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());
        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(30);

        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-10-13T09:00:00Z").count(35, EXACT).build());

        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(35);
        List<RegionIndicators> updates = indicators.readValuesToList();
        assertThat(updates).extracting(RegionIndicators::getInjuries).endsWith(35L);
        assertThat(updates).extracting(RegionIndicators::getInjuries).doesNotContain(65L);
    }

    @Test
    void shouldKeepTwoVictimGroupsOfOneClashAsTwoEvents() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());
        send(ConflictEvents.of(INJURY).article("a1", 1).source("Adriatic Wire").actor("protesters")
                .on("2026-10-12").published("2026-10-12T18:00:00Z").count(50, AT_LEAST).build());

        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(80);
        assertThat(dailyStore().get("XK|2026-10-12").counts().events()).isEqualTo(2);
    }

    @Test
    void shouldPutALateArticleOnTheDayTheEventHappened() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-20T18:00:00Z").count(7, EXACT).on("2026-10-12").build());

        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(7);
        assertThat(injuriesOn("XK", "2026-10-20")).isZero();
    }

    @Test
    void shouldCountButNotApplyAReportOlderThanTheGracePeriod() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-12-20T18:00:00Z").count(3, EXACT).on("2026-12-20").build());
        assertThat(dropped.late()).isZero();

        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-12-21T09:00:00Z").count(9, EXACT).on("2026-10-01").build());

        assertThat(dropped.late()).isEqualTo(1);
        assertThat(injuriesOn("XK", "2026-10-01")).isZero();
    }

    @Test
    void shouldApplyAnOnTimeReportThatArrivesAfterNewerOnesFromAnotherPartition() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-11-20T18:00:00Z").count(3, EXACT).on("2026-11-20").build());

        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-09-21T09:00:00Z").count(9, EXACT).on("2026-09-20").build());

        assertThat(injuriesOn("XK", "2026-09-20")).isEqualTo(9);
    }

    @Test
    void shouldNotChangeAnythingWhenTheSameReportArrivesTwice() {
        ConflictEvent report = injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build();
        send(report);
        Map<String, DailyIndicators> once = dailyStore();

        send(report);

        assertThat(dailyStore()).isEqualTo(once);
    }

    @Test
    void shouldReportTheHighestAlertLevelInForce() {
        send(ConflictEvents.of(MILITARY_ALERT).article("b1", 0).source("Belgrade Bulletin").actor("Serbian army")
                .region("RS").on("2026-10-12").published("2026-10-12T10:00:00Z").level(MilitaryAlertLevel.HIGH).build());
        send(ConflictEvents.of(MILITARY_ALERT).article("b2", 0).source("Sava Times").actor("Serbian army")
                .region("RS").on("2026-10-12").published("2026-10-12T12:00:00Z").level(MilitaryAlertLevel.HIGHEST).build());

        assertThat(dailyStore().get("RS|2026-10-12").highestAlertLevel().jsonName()).isEqualTo("highest");
    }

    @Test
    void shouldGiveTheSameIndicatorsWhateverOrderTheReportsArriveIn() {
        List<ConflictEvent> reports = new ArrayList<>(List.of(
                injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build(),
                injuredPeacekeepers("a2", "Balkan Courier", "2026-10-12T19:00:00Z").count(25, ABOUT).build(),
                injuredPeacekeepers("a3", "Danube Daily", "2026-10-13T20:00:00Z").count(34, EXACT).on("2026-10-13").build(),
                ConflictEvents.of(INJURY).article("a3", 1).source("Danube Daily").actor("protesters")
                        .on("2026-10-12").published("2026-10-13T20:00:00Z").count(50, AT_LEAST).build(),
                ConflictEvents.of(INJURY).article("a4", 0).source("Morava Post").actor("police officers")
                        .on("2026-10-15").published("2026-10-15T08:00:00Z").count(4, EXACT).build(),
                injuredPeacekeepers("a5", "Ibar News", "2026-10-16T07:00:00Z").count(2, EXACT).on("2026-10-16").build()));
        Map<String, DailyIndicators> inOrder = replay(reports);

        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(reports, random);
            assertThat(replay(reports)).as("shuffle %d: %s", i, reports.stream().map(ConflictEvent::getId).toList())
                    .isEqualTo(inOrder);
        }
    }

    private Map<String, DailyIndicators> replay(List<ConflictEvent> reports) {
        closeDriver();
        startDriver();
        reports.forEach(this::send);
        Map<String, DailyIndicators> rows = new TreeMap<>();
        dailyStore().forEach((k, v) -> {
            if (v.hasEvents()) {
                rows.put(k, v);
            }
        });
        return rows;
    }

    @Test
    void shouldWriteEveryChangeOfADayToTheIndicatorsTopicKeyedByRegionAndDay() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());

        List<KeyValue<String, RegionIndicators>> out = indicators.readKeyValuesToList();
        assertThat(out).last().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("XK|2026-10-12");
            assertThat(kv.value.getRegion()).isEqualTo("XK");
            assertThat(kv.value.getWindowStart()).isEqualTo(LocalDate.parse("2026-10-12"));
            assertThat(kv.value.getInjuries()).isEqualTo(30);
            assertThat(kv.value.getSources()).isEqualTo(1);
        });
    }

    /** The index of the day as GET /api/regions/{region}/indicators?from=day&to=day gives it, from the store's rows. */
    private double indexAsTheApiGivesIt(String region, String isoDay) {
        LocalDate day = LocalDate.parse(isoDay);
        LocalDate from = day.minusDays(TensionIndex.HISTORY_DAYS);
        List<DailyIndicators> rows = dailyStore().values().stream()
                .filter(r -> r.hasEvents() && r.region().equals(region) && !r.day().isBefore(from) && !r.day().isAfter(day))
                .sorted(java.util.Comparator.comparing(DailyIndicators::day)).toList();
        List<DailyIndex> series = TensionIndex.withDefaults().compute(region, rows, from, day);
        return TensionIndex.rounded(series.get(series.size() - 1).index());
    }

    private Map<String, RegionIndicators> latestRecords() {
        Map<String, RegionIndicators> latest = new TreeMap<>();
        indicators.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    @Test
    void shouldPublishDeployedPersonnelAndTheTensionIndexOfTheDay() {
        send(ConflictEvents.of(DEPLOYMENT).article("d1", 0).source("Adriatic Wire").actor("police")
                .on("2026-10-12").published("2026-10-12T18:00:00Z").count(300, EXACT).build());
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T19:00:00Z").count(30, EXACT).build());

        RegionIndicators record = latestRecords().get("XK|2026-10-12");

        assertThat(record.getDeployments()).isEqualTo(1);
        assertThat(record.getDeployedPersonnel()).isEqualTo(300);
        assertThat(record.getInjuries()).isEqualTo(30);
        assertThat(record.getTensionIndex()).isNotNull().isPositive()
                .isEqualTo(indexAsTheApiGivesIt("XK", "2026-10-12"));
    }

    @Test
    void shouldPublishALaterDayAgainWithItsNewIndexWhenAnEarlierDayChanges() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z").count(30, EXACT).build());
        double before = latestRecords().get("XK|2026-10-12").getTensionIndex();

        // learned a day later: clashes on the 11th, which leave pressure on the 12th
        send(ConflictEvents.of(CLASH).article("c1", 0).source("Balkan Courier").actor("protesters")
                .on("2026-10-11").published("2026-10-13T08:00:00Z").build());

        Map<String, RegionIndicators> latest = latestRecords();
        assertThat(latest).containsOnlyKeys("XK|2026-10-11", "XK|2026-10-12");
        assertThat(latest.get("XK|2026-10-12").getInjuries()).as("the row itself unchanged").isEqualTo(30);
        assertThat(latest.get("XK|2026-10-12").getTensionIndex()).isGreaterThan(before)
                .isEqualTo(indexAsTheApiGivesIt("XK", "2026-10-12"));
        assertThat(latest.get("XK|2026-10-11").getTensionIndex()).isEqualTo(indexAsTheApiGivesIt("XK", "2026-10-11"));
    }

    @Test
    void shouldParkEventsNoExtractionWritesInTheDeadLetterTopicOnceAndCountTheNextOne() {
        TestOutputTopic<String, ConflictEvent> deadLetters = driver.createOutputTopic(TOPICS.deadLetter(),
                TOPICS.events().keySerde().deserializer(),
                TOPICS.events().valueSerde().deserializer());
        ConflictEvent negative = injuredPeacekeepers("bad-1", "Wire 1", "2026-10-12T18:00:00Z").count(30, EXACT).build();
        negative.setCount(-5L);
        ConflictEvent huge = injuredPeacekeepers("bad-2", "Wire 2", "2026-10-12T18:10:00Z").count(30, EXACT).build();
        huge.setCount(Long.MAX_VALUE);
        ConflictEvent hugeAgain = injuredPeacekeepers("bad-3", "Wire 3", "2026-10-12T18:20:00Z").count(30, EXACT).build();
        hugeAgain.setCount(Long.MAX_VALUE);
        ConflictEvent farDay = injuredPeacekeepers("bad-4", "Wire 4", "2026-10-12T18:30:00Z").count(30, EXACT).build();
        farDay.setOccurredOn(LocalDate.ofEpochDay(Integer.MAX_VALUE));
        ConflictEvent notARegion = injuredPeacekeepers("bad-5", "Wire 5", "2026-10-12T18:40:00Z").count(30, EXACT)
                .region("kosovo").build();
        for (ConflictEvent bad : List.of(negative, huge, hugeAgain, farDay, notARegion)) {
            send(bad);
        }
        send(injuredPeacekeepers("good", "Adriatic Wire", "2026-10-12T19:00:00Z").count(12, EXACT).build());
        driver.advanceWallClockTime(Duration.ofSeconds(30));

        // without the check, the two counts of Long.MAX_VALUE overflowed the merge (ArithmeticException) and stopped it
        List<TestRecord<String, ConflictEvent>> parked = deadLetters.readRecordsToList();
        assertThat(parked).extracting(TestRecord::key).containsExactly(negative.getId(), huge.getId(), hugeAgain.getId(),
                farDay.getId(), notARegion.getId());
        assertThat(new String(parked.get(0).headers().lastHeader("dlq.error").value(), StandardCharsets.UTF_8))
                .contains("count < 0: -5");
        assertThat(new String(parked.get(1).headers().lastHeader("dlq.error").value(), StandardCharsets.UTF_8))
                .contains("more than 1000000000");
        assertThat(new String(parked.get(3).headers().lastHeader("dlq.error").value(), StandardCharsets.UTF_8))
                .contains("outside years 1 to 9999");
        assertThat(parked.get(1).value()).as("the event as it came").isEqualTo(huge);
        assertThat(injuriesOn("XK", "2026-10-12")).isEqualTo(12);
        assertThat(dailyStore().get("XK|2026-10-12").counts().reports()).isEqualTo(1);
    }
}

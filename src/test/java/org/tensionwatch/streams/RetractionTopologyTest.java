package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.EventType.ARREST;
import static org.tensionwatch.avro.EventType.INJURY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.kafka.Topics;

/**
 * A tombstone on the events topic (a corrected article no longer yields that event) retracts its report: the canonical
 * event is reconciled from the reports left, or removed, and the indicators, their history and the canonical-events
 * topic move by the difference. Each test runs merging one by one (as topology tests do) and in batches (as the
 * service does, {@link IndicatorSettings#mergeInterval()} 1 s).
 */
class RetractionTopologyTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final String DAY = "2026-10-12";
    private static final String EVENT_ID = "XK|INJURY|peacekeepers|" + DAY;
    private TopologyTestDriver driver;
    private TestInputTopic<String, ConflictEvent> events;
    private TestOutputTopic<String, CanonicalEvent> canonical;
    private TestOutputTopic<String, RegionIndicators> indicators;
    private boolean batched;

    private void start(boolean batched) {
        this.batched = batched;
        Properties props = IndicatorsTopologyTest.streamsConfig();
        IndicatorSettings settings = batched
                ? IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1))
                : IndicatorSettings.defaults();
        driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, settings, new DroppedReports(), props), props);
        events = driver.createInputTopic(TOPICS.events().name(), TOPICS.events().keySerde().serializer(),
                TOPICS.events().valueSerde().serializer());
        canonical = driver.createOutputTopic(TOPICS.canonicalEvents().name(),
                TOPICS.canonicalEvents().keySerde().deserializer(), TOPICS.canonicalEvents().valueSerde().deserializer());
        indicators = driver.createOutputTopic(TOPICS.indicators().name(), TOPICS.indicators().keySerde().deserializer(),
                TOPICS.indicators().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private static ConflictEvents injuredPeacekeepers(String article, String published, long count) {
        return ConflictEvents.of(INJURY).article(article, 0).source("outlet " + article).actor("KFOR peacekeepers")
                .on(DAY).published(published).count(count, EXACT);
    }

    private void send(ConflictEvent event) {
        events.pipeInput(event.getId(), event, event.getPublishedAt());
    }

    /**
     * The tombstone the extraction writes when the corrected article no longer yields the event, with the region|type
     * its report was filed under (XK injuries, as every report here but where a test says otherwise).
     */
    private void retract(String eventId, String at) {
        retract(eventId, "XK|INJURY", at);
    }

    private void retract(String eventId, String filed, String at) {
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        if (filed != null) {
            headers.add(ExtractionTopology.FILED_HEADER, filed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        events.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(eventId, null, headers, Instant.parse(at)));
    }

    /** Lets the waiting reports be merged, when batched. */
    private void settle() {
        if (batched) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    private DailyIndicators row(String region, String day) {
        ValueAndTimestamp<DailyIndicators> row = driver.<String, DailyIndicators>getTimestampedKeyValueStore(
                StoreNames.DAILY_INDICATORS).get(RegionDay.key(region, LocalDate.parse(day)));
        return row == null ? DailyIndicators.empty() : row.value();
    }

    private Long injuriesAsOf(String instant) {
        VersionedKeyValueStore<String, DailyIndicators> history =
                driver.getVersionedKeyValueStore(StoreNames.DAILY_INDICATORS_HISTORY);
        VersionedRecord<DailyIndicators> row = history.get(RegionDay.key("XK", LocalDate.parse(DAY)),
                Instant.parse(instant).toEpochMilli());
        return row == null ? null : row.value().counts().injuries();
    }

    private Map<String, CanonicalEvent> latestCanonical(List<KeyValue<String, CanonicalEvent>> records) {
        Map<String, CanonicalEvent> latest = new TreeMap<>();
        records.forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldBringTheIndicatorsBackToZeroWhenTheOnlyReportIsRetracted(boolean batched) {
        start(batched);
        send(injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build());
        settle();
        assertThat(row("XK", DAY).counts().injuries()).isEqualTo(30);

        retract("a1#0", "2026-10-13T09:00:00Z");
        settle();

        assertThat(row("XK", DAY).hasEvents()).isFalse();
        assertThat(row("XK", DAY).counts().injuries()).isZero();
        assertThat(indicators.readValuesToList()).last()
                .satisfies(day -> assertThat(day.getInjuries()).isZero())
                .satisfies(day -> assertThat(day.getEvents()).isZero());
        // what the alerts application reads: the canonical event is gone
        List<KeyValue<String, CanonicalEvent>> changes = canonical.readKeyValuesToList();
        assertThat(changes).last().isEqualTo(KeyValue.pair(EVENT_ID, null));
        assertThat(driver.getTimestampedKeyValueStore(StoreNames.CANONICAL_EVENTS).get(EVENT_ID)).isNull();
        // as known at: the 30 stays in the past, learned at the report's time; gone from the tombstone's time on
        assertThat(injuriesAsOf("2026-10-13T08:59:59Z")).isEqualTo(30L);
        assertThat(injuriesAsOf("2026-10-13T09:00:00Z")).isNull();
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReconcileTheIncidentFromTheOtherReportWhenOneOfTwoIsRetracted(boolean batched) {
        start(batched);
        send(injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build());
        send(injuredPeacekeepers("a2", "2026-10-12T19:00:00Z", 12).build());
        settle();
        assertThat(row("XK", DAY).counts().injuries()).isEqualTo(30);
        assertThat(row("XK", DAY).counts().events()).isEqualTo(1);

        retract("a1#0", "2026-10-13T09:00:00Z");
        settle();

        assertThat(row("XK", DAY).counts().injuries()).isEqualTo(12);
        assertThat(row("XK", DAY).counts().events()).isEqualTo(1);
        assertThat(row("XK", DAY).counts().reports()).isEqualTo(1);
        CanonicalEvent event = latestCanonical(canonical.readKeyValuesToList()).get(EVENT_ID);
        assertThat(event.getBest()).isEqualTo(12L);
        assertThat(event.getSources()).containsExactly("outlet a2");
        assertThat(injuriesAsOf("2026-10-13T08:59:59Z")).isEqualTo(30L);
        assertThat(injuriesAsOf("2026-10-13T09:00:00Z")).isEqualTo(12L);
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldChangeNothingForATombstoneOfAnUnknownEventOrARepeatedOne(boolean batched) {
        start(batched);
        send(injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build());
        send(injuredPeacekeepers("a2", "2026-10-12T19:00:00Z", 12).build());
        retract("a1#0", "2026-10-13T09:00:00Z");
        settle();
        DailyIndicators before = row("XK", DAY);
        canonical.readKeyValuesToList();
        indicators.readKeyValuesToList();

        // an event this region and type does not hold, the same tombstone again, one filed under another type, and
        // one without the header (written before the extraction wrote it): none of them can change these figures
        retract("elsewhere#0", "2026-10-13T10:00:00Z");
        retract("a1#0", "2026-10-13T10:00:00Z");
        retract("a2#0", "XK|ARREST", "2026-10-13T10:00:00Z");
        retract("a2#0", null, "2026-10-13T10:00:00Z");
        settle();

        assertThat(row("XK", DAY)).isEqualTo(before);
        assertThat(before.counts().injuries()).isEqualTo(12);
        assertThat(canonical.isEmpty()).isTrue();
        assertThat(indicators.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldCountAReportThatComesBackAfterItsRetraction(boolean batched) {
        start(batched);
        ConflictEvent report = injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build();
        send(report);
        retract("a1#0", "2026-10-13T09:00:00Z");
        settle();
        assertThat(row("XK", DAY).counts().injuries()).isZero();

        send(injuredPeacekeepers("a1", "2026-10-13T10:00:00Z", 25).build());
        settle();

        assertThat(row("XK", DAY).counts().injuries()).isEqualTo(25);
        assertThat(row("XK", DAY).counts().events()).isEqualTo(1);
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldTakeAReportOutOfItsOldTypeWhenTheCorrectedArticleYieldsAnotherTypeUnderItsId(boolean batched) {
        start(batched);
        // the article's first event was an injury; the correction drops it, so its first event is now the arrests:
        // the extraction retracts the id under its old type first, then sends the new report
        send(injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build());
        settle();
        retract("a1#0", "XK|INJURY", "2026-10-12T18:00:00Z");
        send(ConflictEvents.of(ARREST).article("a1", 0).source("outlet a1").actor("protesters").on(DAY)
                .published("2026-10-12T18:00:00Z").count(4, EXACT).build());
        settle();

        assertThat(row("XK", DAY).counts().injuries()).isZero();
        assertThat(row("XK", DAY).counts().arrests()).isEqualTo(4);
        assertThat(row("XK", DAY).counts().events()).isEqualTo(1);
        assertThat(latestCanonical(canonical.readKeyValuesToList())).containsEntry(EVENT_ID, null);
    }

    @ParameterizedTest(name = "batched: {0}")
    @ValueSource(booleans = {false, true})
    void shouldChangeNothingForARetractionAboutADayLetGo(boolean batched) {
        start(batched);
        send(ConflictEvents.of(INJURY).article("old", 0).source("outlet old").actor("KFOR peacekeepers")
                .on("2025-01-10").published("2025-01-10T12:00:00Z").count(7, EXACT).build());
        settle();
        // 21 months later the region and type is merged again: January 2025 is beyond what the merge step keeps
        send(injuredPeacekeepers("a1", "2026-10-12T18:00:00Z", 30).build());
        settle();

        // like a late report, a retraction about a day let go of changes nothing: that day's figures are final
        retract("old#0", "2026-10-13T09:00:00Z");
        settle();
        assertThat(row("XK", "2025-01-10").counts().injuries()).isEqualTo(7);
        assertThat(row("XK", DAY).counts().injuries()).isEqualTo(30);
    }
}

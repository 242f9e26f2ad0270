package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tensionwatch.avro.CountQualifier.ABOUT;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.EventType.INJURY;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;

/**
 * The lower bounds the indicators benchmark measures beside the service's topology do what their names say: a figure
 * for a topology that did less (or more) than it claims would mislead.
 */
class BenchmarkTopologiesTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final ConflictEvent FIRST = ConflictEvents.of(INJURY).article("a1", 0).source("Adriatic Wire")
            .region("XK").on("2026-10-12").published("2026-10-12T18:00:00Z").count(30, EXACT).build();
    /** The same article re-sent with a revised figure: the same event id. */
    private static final ConflictEvent REVISED = ConflictEvents.of(INJURY).article("a1", 0).source("Adriatic Wire")
            .region("XK").on("2026-10-12").published("2026-10-12T20:00:00Z").count(35, ABOUT).build();
    private static final ConflictEvent OTHER = ConflictEvents.of(INJURY).article("b7", 0).source("Danube Post")
            .region("XK").on("2026-10-12").published("2026-10-12T19:00:00Z").count(28, EXACT).build();

    @Test
    void shouldReadEveryEventAndNeitherKeepNorEmitAnything() {
        // the test driver reads everything from partition 0: with 3 partitions configured, an event of a region that
        // belongs elsewhere shows that events are read and routed as in the service's topology
        Properties props = IndicatorsTopologyTest.streamsConfig();
        props.put(EventPartitioning.PARTITIONS_CONFIG, 3);
        List<String> regions = List.of("RS", "UA", "SY", "SD", "ML", "MM", "ET", "AF", "HT", "NG");
        String home = regions.stream().filter(r -> EventPartitioning.partitionOf(r, 3) == 0).findFirst().orElseThrow();
        String elsewhere = regions.stream().filter(r -> EventPartitioning.partitionOf(r, 3) != 0).findFirst().orElseThrow();
        ConflictEvent inPlace = ConflictEvents.of(INJURY).article("d1", 0).source("Adriatic Wire").region(home)
                .on("2026-10-12").published("2026-10-12T20:00:00Z").count(4, EXACT).build();
        ConflictEvent misrouted = ConflictEvents.of(INJURY).article("d2", 0).source("Adriatic Wire").region(elsewhere)
                .on("2026-10-12").published("2026-10-12T21:00:00Z").count(4, EXACT).build();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                ReadOnlyTopology.build(TOPICS, IndicatorSettings.defaults(), props), props)) {
            pipe(driver, inPlace, misrouted);

            assertThat(driver.getAllStateStores()).isEmpty();
            TestOutputTopic<String, ConflictEvent> deadLetters = driver.createOutputTopic(TOPICS.deadLetter(),
                    TOPICS.events().keySerde().deserializer(), TOPICS.events().valueSerde().deserializer());
            // the report read in place is dropped; only the misrouted event leaves, for the dead-letter topic
            assertThat(driver.producedTopicNames()).containsExactly(TOPICS.deadLetter());
            assertThat(deadLetters.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(misrouted.getId());
        }
    }

    @Test
    void shouldKeepTheLatestVersionOfEachReportOnceAndEmitNothing() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        Topology topology = PersistOnceTopology.build(TOPICS, IndicatorSettings.defaults(), props);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            pipe(driver, FIRST, OTHER, REVISED);

            KeyValueStore<String, EventReport> reports = driver.getKeyValueStore(PersistOnceTopology.REPORTS);
            assertThat(reports.approximateNumEntries()).isEqualTo(2);
            assertThat(reports.get(FIRST.getId()).count()).isEqualTo(35L);
            assertThat(reports.get(OTHER.getId()).count()).isEqualTo(28L);
            // only the store's changelog is written
            assertThat(driver.producedTopicNames()).containsExactly(
                    props.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + PersistOnceTopology.REPORTS + "-changelog");
        }
        assertThat(topology.describe().toString()).contains(PersistOnceTopology.REPORTS);
    }

    @Test
    void shouldMakeEachReportAnEventOfItsOwnAndItsDayWithoutMerging() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                MergeFloorTopology.build(TOPICS, IndicatorSettings.defaults(), props), props)) {
            pipe(driver, FIRST, OTHER);

            TestOutputTopic<String, CanonicalEvent> events = driver.createOutputTopic(TOPICS.canonicalEvents().name(),
                    TOPICS.canonicalEvents().keySerde().deserializer(),
                    TOPICS.canonicalEvents().valueSerde().deserializer());
            TestOutputTopic<String, RegionIndicators> rows = driver.createOutputTopic(TOPICS.indicators().name(),
                    TOPICS.indicators().keySerde().deserializer(), TOPICS.indicators().valueSerde().deserializer());
            // two reports of one occurrence stay two events, each alone in its own row: nothing is merged
            assertThat(events.readValuesToList()).hasSize(2);
            assertThat(rows.readValuesToList()).hasSize(2);
            assertThat(driver.getAllStateStores()).isEmpty();
        }
    }

    private static void pipe(TopologyTestDriver driver, ConflictEvent... sent) {
        TestInputTopic<String, ConflictEvent> events = driver.createInputTopic(TOPICS.events().name(),
                TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
        for (ConflictEvent event : List.of(sent)) {
            events.pipeInput(event.getId(), event, event.getPublishedAt());
        }
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.EventType.INJURY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;

/**
 * The events and canonical-events topics are partitioned by region (the extraction writes the first so, the indicators
 * the second), the interactive queries find a region's owner by the same function, and the indicators refuse to count
 * an event found in another region's partition.
 */
class EventPartitioningTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final List<String> REGIONS = List.of("XK", "RS", "UA", "RU", "SY", "SD", "CD", "ML", "MM", "ET",
            "IL", "PS", "LB", "YE", "AF", "HT", "NG", "SO", "AM", "AZ");

    @Test
    void shouldPutARegionWhereKafkasDefaultPartitionerPutsItsCodeSoQueryMetadataFindsTheOwner() {
        StringSerializer keys = new StringSerializer();
        for (int partitions = 1; partitions <= 12; partitions++) {
            for (String region : REGIONS) {
                assertThat(EventPartitioning.partitionOf(region, partitions)).as("%s of %d", region, partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(keys.serialize("t", region), partitions));
            }
        }
        assertThat(REGIONS.stream().map(r -> EventPartitioning.partitionOf(r, 3)).distinct()).as("spread").hasSize(3);
    }

    @Test
    void shouldSendAnEventToItsRegionsPartitionARetractionToEveryPartitionAndAnEventWithoutCountryByItsKey() {
        ConflictEvent event = ConflictEvents.of(INJURY).article("a1", 0).source("Adriatic Wire").region("UA")
                .on("2026-10-12").published("2026-10-12T18:00:00Z").count(3, EXACT).build();
        ConflictEvent placeless = ConflictEvent.newBuilder(event).setCountryCode(null).build();
        var partitioner = EventPartitioning.streamPartitioner();

        assertThat(partitioner.partitions("events", event.getId(), event, 6))
                .contains(Set.of(EventPartitioning.partitionOf("UA", 6)));
        assertThat(partitioner.partitions("events", event.getId(), null, 6)).contains(Set.of(0, 1, 2, 3, 4, 5));
        assertThat(partitioner.partitions("events", event.getId(), placeless, 6)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldPutACanonicalEventAndItsTombstoneInTheirRegionsPartition() {
        var partitioner = EventPartitioning.<org.tensionwatch.avro.CanonicalEvent>canonicalEventPartitioner();
        for (String region : REGIONS) {
            String id = region + "|INJURY|peacekeepers|2026-10-01";
            assertThat(partitioner.partitions("canonical", id, null, 6)).as(id)
                    .contains(Set.of(EventPartitioning.partitionOf(region, 6)));
        }
        assertThat(partitioner.partitions("canonical", "no-region", null, 6)).isEqualTo(Optional.empty());
        assertThat(partitioner.partitions("canonical", "|INJURY|x", null, 6)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRejectAPartitionCountBelowOne() {
        assertThatThrownBy(() -> EventPartitioning.partitionOf("XK", 0)).hasMessageContaining("partitions < 1");
        assertThatThrownBy(() -> EventPartitioning.configuredPartitions(Map.of(EventPartitioning.PARTITIONS_CONFIG, "0")))
                .hasMessageContaining(EventPartitioning.PARTITIONS_CONFIG);
    }

    @Test
    void shouldSendAnEventInAnotherRegionsPartitionToTheDeadLetterTopicWithTheReasonInsteadOfCountingIt() {
        // the test driver reads every record from partition 0; with 3 partitions configured, regions of partition 0
        // belong there and the others do not
        String home = REGIONS.stream().filter(r -> EventPartitioning.partitionOf(r, 3) == 0).findFirst().orElseThrow();
        String elsewhere = REGIONS.stream().filter(r -> EventPartitioning.partitionOf(r, 3) != 0).findFirst().orElseThrow();
        Properties props = IndicatorsTopologyTest.streamsConfig();
        props.put(EventPartitioning.PARTITIONS_CONFIG, 3);
        DroppedReports dropped = new DroppedReports();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                IndicatorsTopology.build(TOPICS, IndicatorSettings.defaults(), dropped, props), props)) {
            TestInputTopic<String, ConflictEvent> events = driver.createInputTopic(TOPICS.events().name(),
                    TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
            TestOutputTopic<String, ConflictEvent> deadLetters = driver.createOutputTopic(TOPICS.deadLetter(),
                    TOPICS.events().keySerde().deserializer(), TOPICS.events().valueSerde().deserializer());
            List<ConflictEvent> sent = new ArrayList<>();
            for (String region : List.of(home, elsewhere)) {
                ConflictEvent event = ConflictEvents.of(INJURY).article("a-" + region, 0).source("Adriatic Wire")
                        .region(region).on("2026-10-12").published("2026-10-12T18:00:00Z").count(7, EXACT).build();
                events.pipeInput(event.getId(), event, event.getPublishedAt());
                sent.add(event);
            }

            KeyValueStore<String, ValueAndTimestamp<DailyIndicators>> rows =
                    driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS);
            assertThat(rows.get(home + "|2026-10-12").value().counts().injuries()).isEqualTo(7L);
            assertThat(rows.get(elsewhere + "|2026-10-12")).isNull();
            TestRecord<String, ConflictEvent> dead = deadLetters.readRecord();
            assertThat(dead.key()).isEqualTo(sent.get(1).getId());
            assertThat(dead.value()).isEqualTo(sent.get(1));
            assertThat(header(dead, "dlq.source.topic")).isEqualTo(TOPICS.events().name());
            assertThat(header(dead, "dlq.source.partition")).isEqualTo("0");
            assertThat(header(dead, "dlq.error")).contains("region " + elsewhere)
                    .contains("belong in partition " + EventPartitioning.partitionOf(elsewhere, 3) + " of 3");
            assertThat(deadLetters.isEmpty()).isTrue();
            assertThat(dropped.misrouted()).isEqualTo(1);
        }
    }

    private static String header(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

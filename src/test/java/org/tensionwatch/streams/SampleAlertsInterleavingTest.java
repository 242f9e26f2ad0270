package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;

/**
 * The samples' canonical events reach the alerts application as the service delivers them: on three partitions, each
 * read in runs of records, the partitions interleaving at random. The canonical-events topic puts a region's events in
 * its region's partition, so one region's changes keep the order the merge made them in, and whatever the
 * interleaving each rule and region raises one alert, as the README lists. (With the topic partitioned by event id, an
 * event removed under its old id and written under its new one could arrive in either order: a quarter of these
 * interleavings then raised a second alert for Serbia's military alert or Kenya's fatalities.)
 */
class SampleAlertsInterleavingTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final int PARTITIONS = 3;
    static List<TestRecord<String, CanonicalEvent>> canonical;

    @BeforeAll
    static void mergeSamples() throws IOException {
        canonical = SampleAlertsTest.canonicalEvents(SampleAlertsTest.extractSamples());
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldRaiseOneAlertPerRuleAndRegionWhateverTheInterleavingOfPartitions(long seed) throws IOException {
        List<String> raised = raised(interleaved(new Random(seed)));
        Map<String, List<String>> byRuleAndRegion = raised.stream()
                .collect(Collectors.groupingBy(id -> id.substring(0, id.lastIndexOf('|')), TreeMap::new, Collectors.toList()));
        assertThat(byRuleAndRegion.keySet()).as("seed %d: %s", seed, raised).containsExactly(
                "activity-surge|XK", "fatalities|KE", "fatalities|PE", "injuries|PE", "injuries|XK", "mass-arrests|KE",
                "military-alert|RS", "tension-index|KE", "tension-index|PE", "tension-index|XK");
        assertThat(byRuleAndRegion.values()).as("seed %d: %s", seed, raised).allMatch(ids -> ids.size() == 1);
    }

    /** The records split by partition as the indicators application writes them, then read in a random interleaving. */
    static List<TestRecord<String, CanonicalEvent>> interleaved(Random random) {
        List<List<TestRecord<String, CanonicalEvent>>> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new ArrayList<>());
        }
        for (TestRecord<String, CanonicalEvent> r : canonical) {
            int partition = EventPartitioning.<CanonicalEvent>canonicalEventPartitioner()
                    .partitions(TOPICS.canonicalEvents().name(), r.key(), r.value(), PARTITIONS).orElseThrow().iterator().next();
            partitions.get(partition).add(r);
        }
        List<TestRecord<String, CanonicalEvent>> out = new ArrayList<>();
        int[] next = new int[PARTITIONS];
        while (out.size() < canonical.size()) {
            int p = random.nextInt(PARTITIONS);
            // a poll reads a run of records of one partition
            int run = 1 + random.nextInt(8);
            for (int i = 0; i < run && next[p] < partitions.get(p).size(); i++) {
                out.add(partitions.get(p).get(next[p]++));
            }
        }
        return out;
    }

    static List<String> raised(List<TestRecord<String, CanonicalEvent>> records) throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AlertsTopology.build(TOPICS, SampleAlertsTest.defaultRules(), new AlertSteps(), props), props)) {
            TestInputTopic<String, CanonicalEvent> input = driver.createInputTopic(TOPICS.canonicalEvents().name(),
                    TOPICS.canonicalEvents().keySerde().serializer(), TOPICS.canonicalEvents().valueSerde().serializer());
            records.forEach(input::pipeInput);
            return driver.createOutputTopic(TOPICS.alerts().name(), TOPICS.alerts().keySerde().deserializer(),
                    TOPICS.alerts().valueSerde().deserializer()).readValuesToList().stream()
                    .filter(a -> a.getStatus() == AlertStatus.RAISED).map(EscalationAlert::getId).toList();
        }
    }
}

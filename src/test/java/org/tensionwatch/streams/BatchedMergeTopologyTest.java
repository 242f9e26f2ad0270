package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.tools.bench.SyntheticEvents;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.kafka.Topics;

/**
 * The service merges reports in batches (a positive {@link IndicatorSettings#mergeInterval()}); topology tests merge
 * them one by one. Both must end with the same canonical events, daily indicators and latest output records.
 */
class BatchedMergeTopologyTest {

    private static final Topics TOPICS = Topics.defaults();

    /** @param mergesThatLeftReportsWaiting punctuations after which some reports still waited */
    record Outcome(Map<String, CanonicalEvent> events, Map<String, DailyIndicators> rows,
            Map<String, org.tensionwatch.avro.CanonicalEvent> latestEvents, Map<String, RegionIndicators> latestRows,
            int mergesThatLeftReportsWaiting, long reportsLeftWaiting) {
    }

    @Test
    void shouldEndWithTheSameEventsIndicatorsAndLatestOutputsAsMergingOneByOne() {
        List<ConflictEvent> input = new ArrayList<>();
        SyntheticEvents.of(7, 4000, 12).forEach(input::add);

        Outcome oneByOne = run(IndicatorSettings.defaults(), input, new Random(1), 0);
        Outcome batched = run(IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1)), input, new Random(1), 300);

        assertThat(oneByOne.events()).hasSizeGreaterThan(500);
        assertThat(batched.events()).isEqualTo(oneByOne.events());
        assertThat(batched.rows()).isEqualTo(oneByOne.rows());
        assertThat(batched.latestEvents()).isEqualTo(oneByOne.latestEvents());
        assertThat(batched.latestRows()).isEqualTo(oneByOne.latestRows());
    }

    @Test
    void shouldEndWithTheSameResultWhenABacklogIsMergedOnlyWhereWorthIt() {
        List<ConflictEvent> input = new ArrayList<>();
        SyntheticEvents.of(11, 4000, 12).forEach(input::add);
        Outcome oneByOne = run(IndicatorSettings.defaults(), input, new Random(2), 0);
        // every punctuation after new reports counts as a backlog: keys wait until worth a merge or 3 s old
        IndicatorSettings selective = IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1))
                .withMergeSchedule(Duration.ofSeconds(3), 0);

        Outcome batched = run(selective, input, new Random(2), 300);

        assertThat(batched.mergesThatLeftReportsWaiting()).as("the selective path was taken").isGreaterThan(5);
        assertThat(batched.reportsLeftWaiting()).as("once the input stops, everything is merged").isZero();
        assertThat(batched.events()).isEqualTo(oneByOne.events());
        assertThat(batched.rows()).isEqualTo(oneByOne.rows());
        assertThat(batched.latestEvents()).isEqualTo(oneByOne.latestEvents());
        assertThat(batched.latestRows()).isEqualTo(oneByOne.latestRows());
    }

    private static Outcome run(IndicatorSettings settings, List<ConflictEvent> input, Random random, int maxBatch) {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, settings, new DroppedReports(), props), props)) {
            TestInputTopic<String, ConflictEvent> events = driver.createInputTopic(TOPICS.events().name(),
                    TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
            TestOutputTopic<String, org.tensionwatch.avro.CanonicalEvent> canonical = driver.createOutputTopic(
                    TOPICS.canonicalEvents().name(), TOPICS.canonicalEvents().keySerde().deserializer(),
                    TOPICS.canonicalEvents().valueSerde().deserializer());
            TestOutputTopic<String, RegionIndicators> indicators = driver.createOutputTopic(TOPICS.indicators().name(),
                    TOPICS.indicators().keySerde().deserializer(), TOPICS.indicators().valueSerde().deserializer());
            KeyValueStore<String, ?> pending = driver.getKeyValueStore(StoreNames.PENDING_REPORTS);
            int leftWaiting = 0;
            int untilMerge = maxBatch == 0 ? 0 : 1 + random.nextInt(maxBatch);
            for (ConflictEvent event : input) {
                events.pipeInput(event.getId(), event, event.getPublishedAt());
                if (maxBatch > 0 && --untilMerge == 0) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                    untilMerge = 1 + random.nextInt(maxBatch);
                    leftWaiting += count(pending) > 0 ? 1 : 0;
                }
            }
            // the first punctuation after the last report may still see a backlog; the next one finds no new input
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            Map<String, org.tensionwatch.avro.CanonicalEvent> latestEvents = new TreeMap<>();
            canonical.readKeyValuesToList().forEach(kv -> latestEvents.put(kv.key, kv.value));
            latestEvents.values().removeIf(v -> v == null);
            Map<String, RegionIndicators> latestRows = new TreeMap<>();
            indicators.readKeyValuesToList().forEach(kv -> latestRows.put(kv.key, kv.value));
            latestRows.values().removeIf(v -> v.getEvents() == 0);
            return new Outcome(contents(driver.getTimestampedKeyValueStore(StoreNames.CANONICAL_EVENTS)),
                    contents(driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS)), latestEvents, latestRows,
                    leftWaiting, count(pending));
        }
    }

    private static long count(KeyValueStore<String, ?> store) {
        long count = 0;
        try (KeyValueIterator<String, ?> it = store.all()) {
            for (; it.hasNext(); it.next()) {
                count++;
            }
        }
        return count;
    }

    private static <V> Map<String, V> contents(KeyValueStore<String, ValueAndTimestamp<V>> store) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value.value()));
        }
        return all;
    }
}

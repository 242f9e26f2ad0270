package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.tools.bench.SyntheticEvents;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.LateEventPolicy;
import org.tensionwatch.kafka.Topics;

/**
 * Issue #16: canonical events and indicators must not depend on the order records arrive in within the grace period.
 * Dev-set-like clusters (the sample articles as extracted, and synthetic coverage: many outlets per occurrence with
 * differing figures, actor wordings and days, undated reports, revisions) plus corrections (tombstones of some events,
 * as a corrected article makes the extraction write) are fed in publication order, then in shuffled orders, one by one
 * and in batches of random size: every order gives the same canonical events and daily indicators.
 *
 * <p>A shuffle keeps the records of one event id in their order, as Kafka does (one key, one partition: a tombstone
 * never overtakes the event it retracts); records of different ids arrive up to the grace period after publication.
 *
 * <p>Known and left: which reports of an event beyond {@code MergeSettings.maxDetailedReports} (50) keep url and
 * evidence does depend on the order, since a reference stripped while an intermediate cluster held more than that
 * cannot get them back (with a limit of 2 these data show it; figures, counts and indicators stay equal).
 */
class OrderIndependenceTopologyTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final Duration GRACE = LateEventPolicy.defaults().grace();

    /**
     * One record of the events topic: a tombstone where {@code event} is null, with the region|type its report was
     * filed under as the extraction writes it.
     */
    record Input(String key, ConflictEvent event, Instant timestamp, String filed) {

        Input(String key, ConflictEvent event, Instant timestamp) {
            this(key, event, timestamp, null);
        }
    }

    record Outcome(Map<String, DailyIndicators> rows, Map<String, CanonicalEvent> events) {
    }

    @Test
    void shouldGiveTheSameEventsAndIndicatorsForTheSamplesAndTheirCorrectionsInAnyOrder() throws IOException {
        List<Input> samples = new ArrayList<>();
        SampleAlertsTest.extractSamples().stream()
                .sorted(Comparator.comparing(kv -> kv.value.getPublishedAt()))
                .forEach(kv -> samples.add(new Input(kv.key, kv.value, kv.value.getPublishedAt())));
        assertOrderIndependent(withCorrections(samples, 0.2, new Random(3)), 8);
    }

    @Test
    void shouldGiveTheSameEventsAndIndicatorsForSyntheticCoverageAndItsCorrectionsInAnyOrder() {
        List<Input> synthetic = new ArrayList<>();
        SyntheticEvents.of(16, 3000, 10).forEach(e -> synthetic.add(new Input(e.getId(), e, e.getPublishedAt())));
        assertOrderIndependent(withCorrections(synthetic, 0.03, new Random(4)), 4);
    }

    @Test
    void shouldCountARegionsReportsWhateverTheNewerNewsOfAnotherRegionInItsPartition() {
        // France in 2023, Thailand in 2025: what the merge keeps of France must not depend on Thailand's news having
        // come first (a backfill in another order, or two articles' events crossing between tasks)
        List<Input> france = new ArrayList<>();
        for (int outlet = 0; outlet < 3; outlet++) {
            ConflictEvent arrests = ConflictEvents.of(org.tensionwatch.avro.EventType.ARREST).article("fr" + outlet, 0)
                    .source("outlet " + outlet).region("FR").actor("rioters").on("2023-06-30")
                    .published("2023-07-0" + (outlet + 1) + "T12:00:00Z")
                    .count(900 + 100L * outlet, org.tensionwatch.avro.CountQualifier.EXACT).build();
            france.add(new Input(arrests.getId(), arrests, arrests.getPublishedAt()));
        }
        ConflictEvent thailand = ConflictEvents.of(org.tensionwatch.avro.EventType.FATALITY).article("th", 0)
                .source("outlet th").region("TH").actor("soldiers").on("2025-07-24").published("2025-07-25T12:00:00Z")
                .count(12, org.tensionwatch.avro.CountQualifier.EXACT).build();
        Input newer = new Input(thailand.getId(), thailand, thailand.getPublishedAt());
        List<Input> inPublicationOrder = new ArrayList<>(france);
        inPublicationOrder.add(newer);
        List<Input> newerFirst = new ArrayList<>();
        newerFirst.add(newer);
        newerFirst.addAll(france);

        Outcome expected = replay(inPublicationOrder, IndicatorSettings.defaults(), null);
        assertThat(expected.rows().get(RegionDay.key("FR", java.time.LocalDate.parse("2023-06-30"))).counts().arrests())
                .as("the three reports are one incident, its best figure").isEqualTo(1100);
        assertThat(replay(newerFirst, IndicatorSettings.defaults(), null)).isEqualTo(expected);
        assertThat(replay(newerFirst, IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1)), null))
                .isEqualTo(expected);
    }

    private static void assertOrderIndependent(List<Input> input, int orders) {
        Outcome inOrder = replay(input, IndicatorSettings.defaults(), null);
        assertThat(inOrder.rows()).isNotEmpty();
        List<Input> reportsOnly = input.stream().filter(record -> record.event() != null).toList();
        assertThat(replay(reportsOnly, IndicatorSettings.defaults(), null).events())
                .as("the corrections retract something").isNotEqualTo(inOrder.events());
        for (int seed = 1; seed <= orders; seed++) {
            List<Input> shuffled = shuffledWithinGrace(input, seed);
            assertThat(shuffled).as("seed %d reorders the input", seed).isNotEqualTo(input);
            boolean batched = seed % 2 == 0;
            Outcome outcome = batched
                    ? replay(shuffled, IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1)), new Random(seed))
                    : replay(shuffled, IndicatorSettings.defaults(), null);

            assertThat(outcome.rows()).as("daily rows, seed %d, batched %s", seed, batched).isEqualTo(inOrder.rows());
            assertThat(outcome.events()).as("canonical events, seed %d, batched %s", seed, batched)
                    .isEqualTo(inOrder.events());
        }
    }

    /** The input with a tombstone, an hour after it, for about {@code share} of its events (their last version). */
    private static List<Input> withCorrections(List<Input> input, double share, Random random) {
        Map<String, Input> last = new HashMap<>();
        input.forEach(record -> last.put(record.key(), record));
        List<Input> corrected = new ArrayList<>(input);
        last.values().stream().sorted(Comparator.comparing(Input::key)).forEach(record -> {
            if (random.nextDouble() < share) {
                corrected.add(new Input(record.key(), null, record.timestamp().plusSeconds(3600),
                        record.event().getCountryCode() + "|" + record.event().getType()));
            }
        });
        assertThat(corrected.size()).as("some events are retracted").isGreaterThan(input.size());
        corrected.sort(Comparator.comparing(Input::timestamp));
        return corrected;
    }

    /**
     * Each record arrives up to the grace period after its timestamp, at a random time; the records of one event id
     * take their key's arrival times in their own order.
     */
    private static List<Input> shuffledWithinGrace(List<Input> input, long seed) {
        Random random = new Random(seed);
        Map<String, List<Instant>> arrivalsByKey = new HashMap<>();
        for (Input record : input) {
            arrivalsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(record.timestamp().plusMillis((long) (random.nextDouble() * (GRACE.toMillis() - 1))));
        }
        arrivalsByKey.values().forEach(arrivals -> arrivals.sort(Comparator.naturalOrder()));
        Map<Input, Instant> arrival = new IdentityHashMap<>();
        Map<String, Integer> next = new HashMap<>();
        for (Input record : input) {
            int i = next.merge(record.key(), 1, Integer::sum) - 1;
            arrival.put(record, arrivalsByKey.get(record.key()).get(i));
        }
        List<Input> shuffled = new ArrayList<>(input);
        shuffled.sort(Comparator.comparing(arrival::get));
        return shuffled;
    }

    /** Feeds the records; with {@code batches}, merges after a random number of them (1 to 300), as the service would. */
    private static Outcome replay(List<Input> records, IndicatorSettings settings, Random batches) {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, settings, new DroppedReports(), props), props)) {
            TestInputTopic<String, ConflictEvent> events = driver.createInputTopic(TOPICS.events().name(),
                    TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
            int untilMerge = batches == null ? 0 : 1 + batches.nextInt(300);
            for (Input record : records) {
                org.apache.kafka.common.header.internals.RecordHeaders headers =
                        new org.apache.kafka.common.header.internals.RecordHeaders();
                if (record.filed() != null) {
                    headers.add(ExtractionTopology.FILED_HEADER,
                            record.filed().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                events.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(record.key(), record.event(), headers,
                        record.timestamp()));
                if (batches != null && --untilMerge == 0) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                    untilMerge = 1 + batches.nextInt(300);
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            Map<String, DailyIndicators> rows = contents(driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS));
            rows.values().removeIf(row -> !row.hasEvents());
            return new Outcome(rows, contents(driver.getTimestampedKeyValueStore(StoreNames.CANONICAL_EVENTS)));
        }
    }

    private static <V> Map<String, V> contents(KeyValueStore<String, ValueAndTimestamp<V>> store) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value.value()));
        }
        return all;
    }
}

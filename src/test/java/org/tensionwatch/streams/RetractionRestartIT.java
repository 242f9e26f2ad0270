package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tensionwatch.avro.CountQualifier.ABOUT;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.EventType.INJURY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;

/**
 * A retraction survives restarts, on a real broker: where a report was filed, and a retraction waiting for its merge,
 * are state in changelogged stores. Two reports of one occurrence are merged (30); a new instance, on a state
 * directory of its own (so everything comes from the changelogs), reads the tombstone of the first and keeps the
 * retraction waiting (the merge interval is an hour); a third, again on a fresh state directory, merges it: 25 remains.
 */
class RetractionRestartIT {

    private static final Topics TOPICS = Topics.defaults();
    private static final String APPLICATION_ID = "retraction-restart";
    private static final String DAY_KEY = "XK|2026-10-12";
    private static final List<ConflictEvent> REPORTS = List.of(
            ConflictEvents.of(INJURY).article("a1", 0).source("Adriatic Wire").region("XK").on("2026-10-12")
                    .published("2026-10-12T18:00:00Z").count(30, EXACT).build(),
            ConflictEvents.of(INJURY).article("b7", 0).source("Danube Post").region("XK").on("2026-10-12")
                    .published("2026-10-12T19:00:00Z").count(25, ABOUT).build());

    @TempDir
    static Path work;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0);
        Map<String, Map<String, String>> topics = new HashMap<>();
        for (String topic : List.of(TOPICS.events().name(), TOPICS.canonicalEvents().name(), TOPICS.indicators().name(),
                TOPICS.deadLetter())) {
            topics.put(topic, Map.of());
        }
        TopicCreator.createMissing(broker.bootstrapServers(), topics, 1, (short) 1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldApplyATombstoneReadAndAWaitingRetractionMergedAfterRestartsFromTheChangelogs() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            for (ConflictEvent report : REPORTS) {
                produce(report.getId(), report, report.getPublishedAt());
            }
            KafkaStreams first = start(Duration.ofMillis(200), work.resolve("first"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> injuries().contains("30 from 2 reports"));
            } finally {
                stop(first);
            }

            produce("a1#0", null, Instant.parse("2026-10-13T09:00:00Z"), "XK|INJURY");
            KafkaStreams waiting = start(Duration.ofHours(1), work.resolve("second"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> committedInput(admin) == REPORTS.size() + 1);
                assertThat(waitingReports(waiting)).as("the retraction waits, filed under XK|INJURY").isEqualTo(1);
                assertThat(injuries()).as("nothing merged yet").endsWith("30 from 2 reports");
            } finally {
                stop(waiting);
            }

            KafkaStreams restarted = start(Duration.ofMillis(200), work.resolve("third"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> injuries().contains("25 from 1 reports"));
                assertThat(injuries()).endsWith("25 from 1 reports");
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingReports(restarted) == 0);
            } finally {
                stop(restarted);
            }
        }
    }

    private static KafkaStreams start(Duration mergeInterval, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        // a new instance waits for the stopped one's session to expire: the broker's minimum instead of 45 s
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1500);
        StreamsTuning.apply(props);
        IndicatorSettings settings = IndicatorSettings.defaults().withMergeInterval(mergeInterval);
        KafkaStreams streams = new KafkaStreams(IndicatorsTopology.build(TOPICS, settings, new DroppedReports(), props), props);
        streams.start();
        return streams;
    }

    private static void stop(KafkaStreams streams) {
        streams.close(Duration.ofSeconds(30));
    }

    private static void produce(String key, ConflictEvent event, Instant timestamp) throws Exception {
        produce(key, event, timestamp, null);
    }

    /** A record of the events topic; a tombstone names the region|type it retracts from, as the extraction writes it. */
    private static void produce(String key, ConflictEvent event, Instant timestamp, String filed) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, ConflictEvent> producer = new KafkaProducer<>(props,
                TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer())) {
            ProducerRecord<String, ConflictEvent> record =
                    new ProducerRecord<>(TOPICS.events().name(), null, timestamp.toEpochMilli(), key, event);
            if (filed != null) {
                record.headers().add(ExtractionTopology.FILED_HEADER, filed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        }
    }

    private static long committedInput(Admin admin) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(APPLICATION_ID).partitionsToOffsetAndMetadata()
                .get().get(new TopicPartition(TOPICS.events().name(), 0));
        return committed == null ? 0 : committed.offset();
    }

    private static long waitingReports(KafkaStreams streams) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.PENDING_REPORTS,
                    QueryableStoreTypes.keyValueStore())).approximateNumEntries();
        } catch (RuntimeException notRunningYet) {
            return -1;
        }
    }

    /** The injuries and reports of every committed indicator record of XK on 2026-10-12, oldest first. */
    private static List<String> injuries() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, RegionIndicators> consumer = new KafkaConsumer<>(props,
                TOPICS.indicators().keySerde().deserializer(), TOPICS.indicators().valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(TOPICS.indicators().name(), 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            List<String> injuries = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, RegionIndicators> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().equals(DAY_KEY) && record.value() != null) {
                        injuries.add(record.value().getInjuries() + " from " + record.value().getReports() + " reports");
                    }
                }
            }
            return injuries;
        }
    }
}

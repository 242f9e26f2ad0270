package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.CanonicalEventReport;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.kafka.BadRecords;
import org.tensionwatch.kafka.Topics;

/**
 * No record stops a stream, on the packaged service (with -Xmx1g, as {@link ServiceProcess} starts it) and its
 * embedded broker: random, truncated, oversized (1,048,400 bytes) and crafted records (a header announcing a 2 GB
 * string, an unknown schema, valid Avro that no producer of the service writes) are written to every input topic of
 * the three Streams applications - articles, events, canonical events - and good records behind them. Every good
 * record is processed (an alert from posted articles has gone through all three applications; an event and a
 * canonical event written directly are counted and alerted on), every bad record is in the dead-letter topic exactly
 * once, with its origin and reason, truncated when too large to copy whole, and no stream thread died.
 */
class BadRecordsIT {

    private static final Topics TOPICS = Topics.defaults();
    private static final Instant BAD_RECORDS_TIME = Instant.parse("2026-10-18T00:00:00Z");

    @TempDir
    static Path workDir;

    static ServiceProcess service;
    static int brokerPort;

    @BeforeAll
    static void startService() {
        brokerPort = ServiceProcess.freePort();
        service = ServiceProcess.start(workDir.resolve("data"), Map.of("tension.samples.enabled", "false",
                "tension.broker.port", String.valueOf(brokerPort)));
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
            // kept for a look after a failure: the data directory goes with the test
            java.nio.file.Files.writeString(Path.of("target", "BadRecordsIT-service.log"), service.log());
        }
    }

    @Test
    void shouldDeadLetterEveryBadRecordOnceAndProcessEveryGoodOneBehindThem() throws Exception {
        Map<String, String> badKeys = new TreeMap<>(); // key -> origin topic
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            Map<String, Map<String, byte[]>> bad = new LinkedHashMap<>();
            bad.put(TOPICS.articles().name(), withCrafted(BadRecords.all(Article.getClassSchema(),
                    TOPICS.articles().valueSerde().serializer().serialize("t", goodArticle())), Map.of()));
            bad.put(TOPICS.events().name(), withCrafted(BadRecords.all(ConflictEvent.getClassSchema(),
                    TOPICS.events().valueSerde().serializer().serialize("t", goodEvent())), Map.of(
                    "negative-count", encode(event("NP", -5L)),
                    "count-of-2^63-1", encode(event("NP", Long.MAX_VALUE)),
                    "count-of-2^63-1-again", encode(event("NP", Long.MAX_VALUE - 1)),
                    "day-in-year-5879610", encode(farDay(event("NP", 3L))),
                    "region-not-a-code", encode(event("nepal", 3L)))));
            bad.put(TOPICS.canonicalEvents().name(), withCrafted(BadRecords.all(CanonicalEvent.getClassSchema(),
                    TOPICS.canonicalEvents().valueSerde().serializer().serialize("t", canonicalEvent("ZW", 1))), Map.of(
                    "no-reports", TOPICS.canonicalEvents().valueSerde().serializer().serialize("t", canonicalEvent("ZW", 0)),
                    "best-of-2^63-1", TOPICS.canonicalEvents().valueSerde().serializer().serialize("t",
                            withBest(canonicalEvent("ZW", 1), Long.MAX_VALUE)))));
            for (Map.Entry<String, Map<String, byte[]>> topic : bad.entrySet()) {
                for (Map.Entry<String, byte[]> value : topic.getValue().entrySet()) {
                    // a canonical event's key starts with its region; the bad ones' too, so that the alerts read them
                    // rather than filter them out by key
                    String recordKey = (topic.getKey().equals(TOPICS.canonicalEvents().name()) ? "ZW|" : "")
                            + shortName(topic.getKey()) + ":" + value.getKey();
                    badKeys.put(recordKey, topic.getKey());
                    // timestamped before the good records: a bad record that decodes advances stream time like any
                    // other, and a later one would make the good records late (of the grace period) when they come
                    producer.send(new ProducerRecord<>(topic.getKey(), null, BAD_RECORDS_TIME.toEpochMilli(),
                            recordKey.getBytes(StandardCharsets.UTF_8), value.getValue())).get();
                }
            }

            // good records behind them: written directly to each topic, and articles through the whole pipeline
            producer.send(new ProducerRecord<>(TOPICS.events().name(), null, goodEvent().getPublishedAt().toEpochMilli(),
                    bytes(goodEvent().getId()), encode(goodEvent()))).get();
            CanonicalEvent fatalities = canonicalEvent("ZW", 1);
            producer.send(new ProducerRecord<>(TOPICS.canonicalEvents().name(), null,
                    fatalities.getLastSeen().toEpochMilli(), bytes(fatalities.getId()),
                    TOPICS.canonicalEvents().valueSerde().serializer().serialize("t", fatalities))).get();
        }
        TestArticles.quitoViolentProtestTwoOutlets().forEach(article -> given().baseUri(service.baseUri().toString())
                .contentType(ContentType.JSON).body(article).post("/api/articles").then().statusCode(202));

        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            assertThat(alertIds("EC")).as("articles -> events -> canonical events -> alert")
                    .anyMatch(id -> id.startsWith("injuries|EC|"));
            assertThat(arrests("NP", "2026-10-20")).as("the good event").isEqualTo(17);
            assertThat(alertIds("ZW")).as("the good canonical event").anyMatch(id -> id.startsWith("fatalities|ZW|"));
        });
        // every input read and committed past: nothing more will be dead-lettered
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort))) {
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    committedToEnd(admin, "tension-watch-extraction", TOPICS.articles().name())
                    && committedToEnd(admin, "tension-watch-indicators-v3", TOPICS.events().name())
                    && committedToEnd(admin, "tension-watch-alerts-v2", TOPICS.canonicalEvents().name()));
        }

        Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLetters = deadLettersByKey();
        assertThat(deadLetters.keySet()).as("every bad record, and nothing else").containsExactlyInAnyOrderElementsOf(badKeys.keySet());
        deadLetters.forEach((key, copies) -> {
            assertThat(copies).as("copies of %s", key).hasSize(1);
            ConsumerRecord<byte[], byte[]> copy = copies.get(0);
            assertThat(header(copy, "dlq.source.topic")).as(key).isEqualTo(badKeys.get(key));
            assertThat(header(copy, "dlq.source.partition")).as(key).isEqualTo("0");
            assertThat(header(copy, "dlq.source.offset")).as(key).matches("[0-9]+");
            assertThat(header(copy, "dlq.error")).as(key).isNotBlank();
            if (key.contains("oversized")) {
                assertThat(header(copy, "dlq.truncated")).as(key).startsWith("value: first ").endsWith(" of 1048400 bytes");
            } else {
                assertThat(copy.headers().lastHeader("dlq.truncated")).as(key).isNull();
            }
        });
        assertThat(header(deadLetters.get("a:string-length-2^31-9").get(0), "dlq.error"))
                .contains("string of length 2147483639");
        assertThat(header(deadLetters.get("e:negative-count").get(0), "dlq.error")).contains("count < 0: -5");
        assertThat(header(deadLetters.get("e:count-of-2^63-1").get(0), "dlq.error")).contains("more than 1000000000");
        assertThat(header(deadLetters.get("e:day-in-year-5879610").get(0), "dlq.error")).contains("outside years 1 to 9999");
        assertThat(header(deadLetters.get("ZW|c:no-reports").get(0), "dlq.error")).contains("reports is empty");
        assertThat(header(deadLetters.get("ZW|c:best-of-2^63-1").get(0), "dlq.error")).contains("outside 0 to 1000000000");
        // and the metrics count each once: the handlers' dead letters, and the events the indicators route there
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        double counted = OperationsIT.value(metrics, "tension_dead_letter_records_total")
                + OperationsIT.value(metrics, "tension_events_invalid_total")
                + OperationsIT.value(metrics, "tension_events_misrouted_total");
        assertThat(counted).as("dead letters on /q/metrics").isEqualTo(badKeys.size());

        String log = service.log();
        assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("replacing its thread");
        given().baseUri(service.baseUri().toString()).get("/q/health/ready").then().statusCode(200);
    }

    private static Map<String, byte[]> withCrafted(Map<String, byte[]> values, Map<String, byte[]> crafted) {
        Map<String, byte[]> all = new LinkedHashMap<>(values);
        all.putAll(crafted);
        return all;
    }

    private static String shortName(String topic) {
        return topic.substring("tension.".length(), "tension.".length() + 1);
    }

    private static Article goodArticle() {
        return Article.newBuilder().setId("good-article").setTitle("Police detain protesters").setBody("Police arrested 4.")
                .setPublishedAt(Instant.parse("2026-10-20T12:00:00Z")).setIngestedAt(Instant.parse("2026-10-20T12:00:00Z"))
                .build();
    }

    private static ConflictEvent goodEvent() {
        return event("NP", 17L);
    }

    private static ConflictEvent event(String region, long count) {
        return ConflictEvent.newBuilder().setId("foreign-producer#" + region + count).setArticleId("foreign-producer")
                .setSource("Himalayan Times Wire").setType(EventType.ARREST).setCount(count).setQualifier(CountQualifier.EXACT)
                .setActor("students").setLocationName("Kathmandu").setCountryCode(region)
                .setOccurredOn(LocalDate.parse("2026-10-20")).setPublishedAt(Instant.parse("2026-10-20T12:00:00Z"))
                .setEvidence("Police arrested " + count + " students in Kathmandu.").setConfidence(0.9)
                .setExtractorVersion("foreign").build();
    }

    private static ConflictEvent farDay(ConflictEvent event) {
        event.setId(event.getId() + "-far");
        event.setOccurredOn(LocalDate.ofEpochDay(Integer.MAX_VALUE));
        return event;
    }

    private static CanonicalEvent withBest(CanonicalEvent event, long best) {
        event.setBest(best);
        event.setHigh(best);
        return event;
    }

    private static byte[] encode(ConflictEvent event) {
        return TOPICS.events().valueSerde().serializer().serialize("t", event);
    }

    /** Three killed in Harare on 2026-10-18, reported by {@code reports} articles (0: a canonical event that cannot be). */
    private static CanonicalEvent canonicalEvent(String region, int reports) {
        List<CanonicalEventReport> refs = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            refs.add(CanonicalEventReport.newBuilder().setEventId("zw-" + i + "#0").setArticleId("zw-" + i)
                    .setSource("Harare Wire").setUrl("https://news.example.org/harare/" + i).setCount(3L)
                    .setQualifier(CountQualifier.EXACT).setPublishedAt(Instant.parse("2026-10-18T12:00:00Z"))
                    .setEvidence("Three people were killed in Harare.").build());
        }
        return CanonicalEvent.newBuilder().setId(region + "|FATALITY|civilians|2026-10-18").setRegion(region)
                .setType(EventType.FATALITY).setActorGroup("civilians").setActor("people").setLocation("Harare")
                .setOccurredOn(LocalDate.parse("2026-10-18")).setLow(3L).setBest(3L).setHigh(3L)
                .setBestQualifier(CountQualifier.EXACT).setLevel(null).setArticleCount(reports)
                .setSources(reports == 0 ? List.of() : List.of("Harare Wire")).setReports(refs)
                .setFirstSeen(Instant.parse("2026-10-18T12:00:00Z")).setLastSeen(Instant.parse("2026-10-18T12:00:00Z"))
                .build();
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // the oversized records are just under the broker's limit, over the producer's default
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static boolean committedToEnd(Admin admin, String group, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(partition);
        long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).partitionResult(partition).get().offset();
        // the last records of a topic written in transactions are followed by a commit marker
        return committed != null && committed.offset() >= end - (topic.equals(TOPICS.canonicalEvents().name()) ? 1 : 0);
    }

    /** Every committed record of the dead-letter topic, by key. */
    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLettersByKey() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPICS.deadLetter(), 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? "(no key)" : new String(record.key(), StandardCharsets.UTF_8);
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
                }
            }
        }
        return byKey;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> alertIds(String region) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/alerts?region=" + region + "&from=2026-10-01&to=2026-10-31")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static int arrests(String region, String day) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/" + region + "/indicators?from=" + day + "&to=" + day)
                .then().statusCode(200).extract().jsonPath().getInt("[0].arrests");
    }
}

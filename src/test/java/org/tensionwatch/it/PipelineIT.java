package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;

/** The packaged service on its own embedded broker: articles in over HTTP, indicators out over HTTP. */
class PipelineIT {

    @TempDir
    static Path workDir;

    static final int PARTITIONS = 3;
    static ServiceProcess service;
    static int brokerPort;

    @BeforeAll
    static void startService() throws Exception {
        brokerPort = ServiceProcess.freePort();
        Path inbox = Files.createDirectories(workDir.resolve("inbox"));
        Files.writeString(inbox.resolve("1-good.md"), """
                ---
                published: 2026-10-22T10:00:00Z
                source: Andes Observer
                ---
                Police detain miners in La Paz

                Police in La Paz arrested 23 miners on Tuesday during a march against new mining rules, a police spokesman said.
                """);
        Files.write(inbox.resolve("2-binary.txt"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0});
        Files.writeString(inbox.resolve("3-empty.md"), "");
        Files.write(inbox.resolve("4-latin1.txt"), "Manifestaci\u00f3n en la plaza".getBytes(StandardCharsets.ISO_8859_1));
        // 3 partitions, as the service's default: the events topic is partitioned by region, which one partition hides
        service = ServiceProcess.start(workDir.resolve("data"), Map.of("tension.samples.enabled", "false",
                "tension.broker.port", String.valueOf(brokerPort), "tension.ingest.directory", inbox.toString(),
                "tension.topics.partitions", String.valueOf(PARTITIONS)));
    }

    @Test
    void shouldSkipEmptyBinaryAndNonUtf8FilesAndIngestTheGoodOne() {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("BO", "2026-10-20", "2026-10-20").getInt("[0].arrests") == 23);
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics).contains("tension_articles_skipped_total 3.0");
        org.assertj.core.api.Assertions.assertThat(service.log())
                .contains("2-binary.txt").contains("3-empty.md").contains("4-latin1.txt");
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldTurnPostedArticlesIntoDailyIndicatorsOfTheirRegion() {
        post(TestArticles.tbilisiArrests()).statusCode(202).body("id", matchesPattern("[0-9a-f]{20}"));
        post(TestArticles.batumiArrests()).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonPath rows = indicators("GE", "2026-10-13", "2026-10-15");
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-13' }.arrests")).isEqualTo(14);
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-13' }.injuries")).isEqualTo(9);
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-15' }.arrests")).isEqualTo(5);
        });
        JsonPath rows = indicators("GE", "2026-10-13", "2026-10-15");
        org.assertj.core.api.Assertions.assertThat(rows.getList("day")).containsExactly("2026-10-13", "2026-10-14", "2026-10-15");
        org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-14' }.events")).isZero();

        // as known at: now, the same; before the first article was published, nothing
        JsonPath known = given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-15&asOf=2030-01-01T00:00:00Z")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(known.getList("$")).isEqualTo(rows.getList("$"));
        JsonPath before = given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-15&asOf=2026-10-14T08:59:59Z")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(before.getList("events")).containsExactly(0, 0, 0);
    }

    @Test
    void shouldCountOneIncidentReportedByThreeOutletsOnceWithTheHighestExactFigure() {
        TestArticles.oneBorderClashThreeOutlets().forEach(article -> post(article).statusCode(202));

        // done when the canonical injury cites all three articles and the day's row counts every report
        // behind the day's canonical events (the two stores are updated one after the other)
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonPath events = given().baseUri(service.baseUri().toString())
                    .get("/api/regions/AM/events?from=2026-10-19&to=2026-10-19").then().extract().jsonPath();
            int reportsBehindEvents = events.getInt("collect { it.reports.size() }.sum()");
            return events.getInt("find { it.type == 'INJURY' }.articleCount") == 3
                    && indicators("AM", "2026-10-19", "2026-10-19").getInt("[0].reports") == reportsBehindEvents;
        });
        JsonPath day = indicators("AM", "2026-10-19", "2026-10-19");
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].injuries")).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].sources")).isEqualTo(3);
        JsonPath events = given().baseUri(service.baseUri().toString())
                .get("/api/regions/AM/events?from=2026-10-19&to=2026-10-19").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(events.getList("findAll { it.type == 'INJURY' }.best")).containsExactly(12);
        org.assertj.core.api.Assertions.assertThat(events.getList("find { it.type == 'INJURY' }.reports.source"))
                .containsExactlyInAnyOrder("Ararat Daily", "Caucasus Ledger", "Black Sea Herald");
    }

    @Test
    void shouldTakeBackTheInjuriesOfAnArticleCorrectedUnderTheSameUrl() {
        post(TestArticles.chisinauArrestsAndInjuries()).statusCode(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonPath day = indicators("MD", "2026-10-13", "2026-10-13");
            return day.getInt("[0].injuries") == 9 && day.getInt("[0].arrests") == 14;
        });

        // the same URL again, without the injuries: the extraction writes a tombstone for the event it no longer yields
        post(TestArticles.chisinauArrestsCorrected()).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("MD", "2026-10-13", "2026-10-13").getInt("[0].injuries") == 0);
        JsonPath day = indicators("MD", "2026-10-13", "2026-10-13");
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].arrests")).as("the arrests stand").isEqualTo(14);
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].events")).isEqualTo(1);
        JsonPath events = given().baseUri(service.baseUri().toString())
                .get("/api/regions/MD/events?from=2026-10-13&to=2026-10-13").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(events.getList("type")).containsExactly("ARREST");
        JsonPath known = given().baseUri(service.baseUri().toString())
                .get("/api/regions/MD/indicators?from=2026-10-13&to=2026-10-13&asOf=2030-01-01T00:00:00Z")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(known.getInt("[0].injuries")).as("as known now").isZero();

        // what the alerts application reads: the injury's canonical event ends with a tombstone, in MD's partition
        Topics topics = Topics.defaults();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "retraction-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Boolean> exists = new java.util.TreeMap<>();
        try (KafkaConsumer<String, org.tensionwatch.avro.CanonicalEvent> consumer = new KafkaConsumer<>(props,
                topics.canonicalEvents().keySerde().deserializer(), topics.canonicalEvents().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.canonicalEvents().name()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith("MD|")) {
                        exists.put(r.key(), r.value() != null);
                        // in its region's partition, tombstone too: the alerts read a region's changes in their order
                        org.assertj.core.api.Assertions.assertThat(r.partition()).as(r.key())
                                .isEqualTo(EventPartitioning.partitionOf("MD", PARTITIONS));
                    }
                });
                org.assertj.core.api.Assertions.assertThat(exists).as("MD's canonical events, whether they exist")
                        .containsValue(true)
                        .satisfies(all -> org.assertj.core.api.Assertions.assertThat(all.entrySet().stream()
                                .filter(e -> e.getKey().startsWith("MD|INJURY|")).toList())
                                .isNotEmpty().allMatch(e -> !e.getValue()));
            });
        }
    }

    @Test
    void shouldTakeBackAnEventOfACorrectedArticleWhoseIdNowNamesAnEventInARegionOfAnotherPartition() {
        org.assertj.core.api.Assertions.assertThat(EventPartitioning.partitionOf("MK", PARTITIONS))
                .as("the two regions in different partitions").isNotEqualTo(EventPartitioning.partitionOf("BG", PARTITIONS));
        post(TestArticles.skopjeInjuriesSofiaArrests()).statusCode(202);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("MK", "2026-10-20", "2026-10-20").getInt("[0].injuries") == 9
                        && indicators("BG", "2026-10-20", "2026-10-20").getInt("[0].arrests") == 6);

        // a1#0 and a1#1 now name Sofia's events: Skopje's partition hears of it only through a tombstone
        post(TestArticles.sofiaArrestsCorrected()).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("MK", "2026-10-20", "2026-10-20").getInt("[0].events") == 0);
        org.assertj.core.api.Assertions.assertThat(indicators("MK", "2026-10-20", "2026-10-20").getInt("[0].injuries")).isZero();
        // Sofia's partition applies the retraction of the old #3 on its own schedule: wait for it too
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonPath sofia = indicators("BG", "2026-10-20", "2026-10-20");
            org.assertj.core.api.Assertions.assertThat(sofia.getInt("[0].arrests")).as("counted once").isEqualTo(6);
            JsonPath events = given().baseUri(service.baseUri().toString())
                    .get("/api/regions/BG/events?from=2026-10-20&to=2026-10-20").then().statusCode(200).extract().jsonPath();
            org.assertj.core.api.Assertions.assertThat(events.getList("type")).containsExactlyInAnyOrder("ARREST", "PROTEST");
            org.assertj.core.api.Assertions.assertThat(events.getList("reports.eventId.flatten()"))
                    .as("the corrected version's ids only").allMatch(id -> id.toString().matches(".*#[01]"));
        });
    }

    @Test
    void shouldParkAnUndecodableEventInTheDeadLetterTopicAndKeepProcessing() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("tension.events", "garbage#0".getBytes(StandardCharsets.UTF_8),
                    "this is not an Avro event".getBytes(StandardCharsets.UTF_8))).get();
        }
        post(TestArticles.nairobiSentinel("after-garbage")).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("KE", "2026-10-19", "2026-10-19").getInt("[0].arrests") == 3);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("tension.dead-letter"));
            List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
            // the topic holds other tests' dead letters too: this test's record is the one under its key
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> "garbage#0".equals(new String(r.key(), StandardCharsets.UTF_8)));
            });
            ConsumerRecord<byte[], byte[]> record = parked.stream()
                    .filter(r -> "garbage#0".equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("this is not an Avro event");
            org.assertj.core.api.Assertions.assertThat(new String(record.headers().lastHeader("dlq.source.topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo("tension.events");
        }
    }

    @Test
    void shouldParkAnEventWrittenToAnotherRegionsPartitionUncountedAndCountItOnceRepublishedWhereItBelongs() throws Exception {
        Topics topics = Topics.defaults();
        int partitions = PARTITIONS;
        ConflictEvent event = ConflictEvent.newBuilder().setId("foreign-producer#0").setArticleId("foreign-producer")
                .setSource("Himalayan Times Wire").setType(EventType.ARREST).setCount(17L).setQualifier(CountQualifier.EXACT)
                .setActor("students").setLocationName("Kathmandu").setCountryCode("NP")
                .setOccurredOn(LocalDate.parse("2026-10-20")).setPublishedAt(Instant.parse("2026-10-20T12:00:00Z"))
                .setEvidence("Police arrested 17 students in Kathmandu.").setConfidence(0.9).setExtractorVersion("foreign")
                .build();
        int home = EventPartitioning.partitionOf("NP", partitions);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        try (KafkaProducer<String, ConflictEvent> producer = new KafkaProducer<>(props,
                topics.events().keySerde().serializer(), topics.events().valueSerde().serializer())) {
            // a producer that ignores the topic's partitioning by region
            producer.send(new ProducerRecord<>("tension.events", (home + 1) % partitions, event.getId(), event)).get();
        }

        props.put(ConsumerConfig.GROUP_ID_CONFIG, "misrouted-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("tension.dead-letter"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && "foreign-producer#0".equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        parked.add(r);
                    }
                });
                return !parked.isEmpty();
            });
        }
        ConsumerRecord<byte[], byte[]> record = parked.get(0);
        org.assertj.core.api.Assertions.assertThat(new String(record.headers().lastHeader("dlq.error").value(), StandardCharsets.UTF_8))
                .contains("region NP").contains("belong in partition " + home + " of " + partitions);
        org.assertj.core.api.Assertions.assertThat(topics.events().valueSerde().deserializer().deserialize("tension.dead-letter", record.value()))
                .as("the parked event, as it came").isEqualTo(event);
        // parked in the same transaction as the task's progress past it: nothing of it was counted
        JsonPath uncounted = indicators("NP", "2026-10-20", "2026-10-20");
        org.assertj.core.api.Assertions.assertThat(uncounted.getInt("[0].arrests")).isZero();
        org.assertj.core.api.Assertions.assertThat(uncounted.getInt("[0].reports")).isZero();

        // nothing good is lost: the parked event, re-published to its region's partition, is counted once
        try (KafkaProducer<String, ConflictEvent> producer = new KafkaProducer<>(props,
                topics.events().keySerde().serializer(), topics.events().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>("tension.events", home, event.getId(), event)).get();
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("NP", "2026-10-20", "2026-10-20").getInt("[0].arrests") == 17);
    }

    @Test
    void shouldAnswerMalformedJsonWith400AndAMessage() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body("{\"title\": \"unfinished")
                .post("/api/articles")
                .then().statusCode(400).body("error", containsString("malformed JSON"));
    }

    @Test
    void shouldAnswerAMissingPublicationDateWith400NamingTheField() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "A headline", "body", "Some text."))
                .post("/api/articles")
                .then().statusCode(400).body("error", containsString("publishedAt"));
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() {
        String huge = "x".repeat(3 * 1024 * 1024);
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "Too long", "body", huge, "publishedAt", "2026-10-14"))
                .post("/api/articles")
                .then().statusCode(413);
    }

    @Test
    void shouldRejectAnInvalidDateRangeWith400() {
        given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-15&to=2026-10-01")
                .then().statusCode(400).body("error", containsString("from"));
    }

    static io.restassured.response.ValidatableResponse post(Map<String, Object> article) {
        return given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body(article)
                .post("/api/articles").then();
    }

    static JsonPath indicators(String region, String from, String to) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/" + region + "/indicators?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }
}

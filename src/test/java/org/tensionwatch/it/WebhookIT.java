package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.HashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.AlertRuleKind;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.webhook.WebhookSigner;

/**
 * The packaged service with the webhook on, pointed at a receiver in this test: alert steps written
 * to the service's tension.alerts (with the topic's own serde) arrive signed, after a retry when the
 * receiver fails first, and in the dead-letter topic when the receiver rejects them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookIT {

    static final String SECRET = "it-webhook-secret";

    @TempDir
    static Path workDir;

    static ServiceProcess service;
    static HttpServer receiver;
    static int brokerPort;
    static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> attemptsByDelivery = new ConcurrentHashMap<>();

    record Delivery(String id, String timestamp, String signature, String contentType, byte[] body, int answered) {
    }

    @BeforeAll
    static void start() throws Exception {
        // rule "flaky": 500 on the first attempt, then 200; rule "rejected": always 400; anything else: 200
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst(WebhookSigner.DELIVERY_HEADER);
            int attempt = attemptsByDelivery.merge(String.valueOf(id), 1, Integer::sum);
            int status = id == null ? 400 : id.startsWith("rejected|") ? 400 : id.startsWith("flaky|") && attempt == 1 ? 500 : 200;
            deliveries.add(new Delivery(id, exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        brokerPort = ServiceProcess.freePort();
        service = startService();
    }

    static ServiceProcess startService() {
        return ServiceProcess.start(workDir.resolve("data"), Map.of(
                "tension.samples.enabled", "false",
                "tension.broker.port", String.valueOf(brokerPort),
                "tension.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "tension.webhook.secret", SECRET,
                "tension.webhook.initial-backoff", "200ms",
                "tension.webhook.max-backoff", "1s",
                "tension.webhook.max-attempts", "4"));
    }

    /** Last: the other tests' steps were delivered and committed before the restart. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldDeliverNothingAgainAfterARestartAndGoOnWithNewSteps() throws Exception {
        produce(alert("before-restart", AlertStatus.RAISED, AlertSeverity.MEDIUM));
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted("before-restart|XK|2026-10-01|raised|medium").size() == 1);
        // the offset is committed right after the 200: wait until the group has committed every step on the topic
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("tension-watch-webhook")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !committed.isEmpty() && committed.entrySet().stream()
                        .allMatch(e -> e.getValue() != null && e.getValue().offset() == ends.get(e.getKey()).offset());
            });
        }
        service.close();
        int requestsBefore = deliveries.size();

        service = startService();
        produce(alert("after-restart", AlertStatus.RAISED, AlertSeverity.LOW));

        await().atMost(Duration.ofSeconds(90)).until(() -> accepted("after-restart|XK|2026-10-01|raised|low").size() == 1);
        assertThat(deliveries.subList(requestsBefore, deliveries.size())).extracting(Delivery::id)
                .as("requests after the restart").containsExactly("after-restart|XK|2026-10-01|raised|low");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void shouldPostASignedAlertStepAsJson() throws Exception {
        EscalationAlert alert = alert("injuries-spike", AlertStatus.RAISED, AlertSeverity.HIGH);
        produce(alert);

        String deliveryId = "injuries-spike|XK|2026-10-01|raised|high";
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted(deliveryId).size() == 1);
        Delivery delivery = accepted(deliveryId).get(0);
        assertThat(delivery.contentType()).isEqualTo("application/json");
        assertThat(new WebhookSigner(SECRET).verify(delivery.timestamp(), delivery.signature(), delivery.body(),
                Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(new WebhookSigner("not the secret").verify(delivery.timestamp(), delivery.signature(), delivery.body(),
                Instant.now(), Duration.ofMinutes(5))).isFalse();
        JsonNode json = new ObjectMapper().readTree(delivery.body());
        assertThat(json.path("id").asText()).isEqualTo("injuries-spike|XK|2026-10-01");
        assertThat(json.path("status").asText()).isEqualTo("raised");
        assertThat(json.path("severity").asText()).isEqualTo("high");
        assertThat(json.path("windowEnd").asText()).isEqualTo("2026-10-01");
        assertThat(json.path("events").get(0).path("eventId").asText()).isEqualTo("XK|INJURY|peacekeepers|2026-10-01");
        assertThat(json.path("message").asText()).isEqualTo("XK injuries over 7 days: 37, threshold 20");
    }

    @Test
    void shouldDeliverAfterARetryWhenTheReceiverFailsFirst() throws Exception {
        produce(alert("flaky", AlertStatus.ESCALATED, AlertSeverity.CRITICAL));

        String deliveryId = "flaky|XK|2026-10-01|escalated|critical";
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted(deliveryId).size() == 1);
        List<Integer> answers = deliveries.stream().filter(d -> deliveryId.equals(d.id())).map(Delivery::answered).toList();
        assertThat(answers).containsExactly(500, 200);
        for (Delivery d : deliveries.stream().filter(d -> deliveryId.equals(d.id())).toList()) {
            assertThat(new WebhookSigner(SECRET).verify(d.timestamp(), d.signature(), d.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metric("tension_webhook_retries_total")).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void shouldDeadLetterAStepTheReceiverRejects() throws Exception {
        produce(alert("rejected", AlertStatus.CLEARED, AlertSeverity.LOW));

        String deliveryId = "rejected|XK|2026-10-01|cleared|low";
        List<ConsumerRecord<byte[], byte[]>> parked = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "webhook-it-dead-letter-check");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("tension.dead-letter"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> deliveryId.equals(header(r, "dlq.webhook.delivery")));
            });
        }
        ConsumerRecord<byte[], byte[]> record = parked.stream()
                .filter(r -> deliveryId.equals(header(r, "dlq.webhook.delivery"))).findFirst().orElseThrow();
        assertThat(header(record, "dlq.source.topic")).isEqualTo("tension.alerts");
        assertThat(header(record, "dlq.error")).contains("HTTP 400").contains("not retried");
        assertThat(header(record, "dlq.webhook.attempts")).isEqualTo("1");
        assertThat(header(record, "dlq.webhook.status")).isEqualTo("400");
        // the value is the alert as it was on tension.alerts
        EscalationAlert parkedAlert = Topics.defaults().alerts().valueSerde().deserializer().deserialize("tension.dead-letter", record.value());
        assertThat(parkedAlert.getRuleId()).isEqualTo("rejected");
        assertThat(deliveries.stream().filter(d -> deliveryId.equals(d.id()))).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metric("tension_webhook_deliveries_total{outcome=\"given_up\"}")).isEqualTo(1.0));
    }

    static List<Delivery> accepted(String deliveryId) {
        return deliveries.stream().filter(d -> deliveryId.equals(d.id()) && d.answered() == 200).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static double metric(String nameAndLabels) {
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(nameAndLabels + " ") || l.startsWith(nameAndLabels + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static void produce(EscalationAlert alert) throws Exception {
        Topic<String, EscalationAlert> topic = Topics.defaults().alerts();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EscalationAlert> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), alert.getId(), alert)).get();
        }
    }

    static EscalationAlert alert(String rule, AlertStatus status, AlertSeverity severity) {
        LocalDate day = LocalDate.parse("2026-10-01");
        return EscalationAlert.newBuilder()
                .setId(rule + "|XK|2026-10-01").setRuleId(rule).setRegion("XK")
                .setStatus(status).setSeverity(severity)
                .setIndicator("injuries").setWindow("P7D").setKind(AlertRuleKind.THRESHOLD)
                .setValue(37).setThreshold(20).setBaseline(null).setBaselineDays(null)
                .setWindowStart(day.minusDays(6)).setWindowEnd(day).setSources(3)
                .setEvents(List.of(AlertEvidence.newBuilder()
                        .setEventId("XK|INJURY|peacekeepers|2026-10-01").setType(EventType.INJURY).setOccurredOn(day)
                        .setBest(30L).setLocation("Zvecan").setSources(List.of("Balkan Insight", "Koha"))
                        .setUrls(List.of("https://news.example.org/zvecan")).setEvidence("30 peacekeepers were injured in Zvecan.")
                        .build()))
                .setRaisedAt(Instant.parse("2026-10-01T12:00:00Z")).setUpdatedAt(Instant.parse("2026-10-01T12:00:00Z"))
                .setMessage("XK injuries over 7 days: 37, threshold 20")
                .build();
    }
}

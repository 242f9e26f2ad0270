package org.tensionwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.EscalationAlert;

/**
 * The alerts stream over Server-Sent Events on the packaged service and a real broker, read with a
 * plain {@code java.net.http} client: region filter, resume after the last event with
 * {@code Last-Event-ID}, replay with {@code since=}, heartbeats, the subscription limit, bad tokens.
 * The tests share one service and one alerts topic, so they run in order and each knows what the
 * ones before it wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SseIT {

    private static final int MAX_STREAMS = 3;
    private static final int MAX_STREAMS_PER_CLIENT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;

    static ServiceProcess service;
    static TestAlerts alerts;
    static final List<SseClient> clients = new ArrayList<>();

    /** Alert days relative to today, so that the stream's defaults hold whenever the test runs. */
    static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    static final EscalationAlert OLD = TestAlerts.injuries("XK", LocalDate.now(ZoneOffset.UTC).minusDays(10).toString(),
            AlertSeverity.MEDIUM, 21, "https://news.example.org/old");
    static final EscalationAlert XK1 = TestAlerts.injuries("XK", TODAY, AlertSeverity.HIGH, 37, "https://news.example.org/xk-1");
    static final EscalationAlert RS1 = TestAlerts.injuries("RS", TODAY, AlertSeverity.LOW, 22, "https://news.example.org/rs-1");
    static final EscalationAlert XK2 = escalated(XK1, 52);
    static final EscalationAlert XK3 = escalated(XK1, 60);

    static String firstAlertId;

    @BeforeAll
    static void startService() {
        int brokerPort = ServiceProcess.freePort();
        service = ServiceProcess.start(workDir.resolve("data"), Map.of(
                "tension.samples.enabled", "false",
                "tension.broker.port", String.valueOf(brokerPort),
                "tension.stream.max-subscriptions", String.valueOf(MAX_STREAMS),
                "tension.stream.max-subscriptions-per-client", String.valueOf(MAX_STREAMS_PER_CLIENT),
                "tension.stream.heartbeat", "1s"));
        alerts = new TestAlerts(brokerPort);
        // ten days old by its record timestamp: only since= reaches it
        alerts.send(OLD, Instant.now().minus(10, ChronoUnit.DAYS));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SseClient::close);
        clients.clear();
        // every stream's consumer is closed once its client is gone
        await("streams closed").atMost(Duration.ofSeconds(20)).until(() -> openStreams() == 0);
    }

    @AfterAll
    static void stopService() {
        if (alerts != null) {
            alerts.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void shouldSendOnlyNewAlertsOfTheRegionAsJsonEventsWithResumeTokens() throws Exception {
        SseClient client = subscribe("/api/stream/alerts?region=XK", null);
        assertThat(client.contentType()).startsWith("text/event-stream");

        alerts.send(XK1);
        alerts.send(RS1);
        alerts.send(XK2);

        await().atMost(Duration.ofSeconds(30)).until(() -> client.named("alert").size() >= 2);
        List<SseClient.Event> received = client.named("alert");
        assertThat(received).hasSize(2);
        JsonNode first = JSON.readTree(received.get(0).data());
        assertThat(first.get("id").asText()).isEqualTo("injuries-spike|XK|" + TODAY);
        assertThat(first.get("region").asText()).isEqualTo("XK");
        assertThat(first.get("status").asText()).isEqualTo("raised");
        assertThat(first.get("severity").asText()).isEqualTo("high");
        assertThat(first.get("value").asDouble()).isEqualTo(37.0);
        assertThat(first.get("message").asText()).isEqualTo("XK injuries over 7 days: 37, threshold 20");
        assertThat(first.get("windowEnd").asText()).isEqualTo(TODAY);
        assertThat(first.at("/events/0/urls/0").asText()).isEqualTo("https://news.example.org/xk-1");
        assertThat(first.at("/events/0/type").asText()).isEqualTo("injury");
        JsonNode second = JSON.readTree(received.get(1).data());
        assertThat(second.get("status").asText()).isEqualTo("escalated");
        assertThat(second.get("value").asDouble()).isEqualTo(52.0);
        // one partition here (ServiceProcess): OLD, XK1, RS1, XK2 are offsets 0-3
        assertThat(received.get(0).id()).isEqualTo("0-2");
        assertThat(received.get(1).id()).isEqualTo("0-4");
        firstAlertId = received.get(0).id();
    }

    @Test
    @Order(2)
    void shouldResumeExactlyAfterTheLastEventIdWithoutRepeatingAnything() throws Exception {
        // a browser that received only XK1 before its connection dropped reconnects with XK1's id
        SseClient client = subscribe("/api/stream/alerts?region=XK", firstAlertId);
        alerts.send(XK3);

        await().atMost(Duration.ofSeconds(30)).until(() -> client.named("alert").size() >= 2);
        assertThat(values(client.named("alert"))).containsExactly(52.0, 60.0);
        assertThat(client.named("alert").get(1).id()).isEqualTo("0-5");
        // and resuming from the newest id gets nothing old
        SseClient latest = subscribe("/api/stream/alerts?region=XK", client.lastEventId());
        await().atMost(Duration.ofSeconds(10)).until(() -> latest.events().stream().anyMatch(e -> e.data().equals("heartbeat")));
        assertThat(latest.named("alert")).isEmpty();
    }

    @Test
    @Order(3)
    void shouldReplayFromSinceByRecordTime() throws Exception {
        String twelveDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(12).toString();
        SseClient all = subscribe("/api/stream/alerts?region=XK&since=" + twelveDaysAgo, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.named("alert").size() >= 4);
        assertThat(values(all.named("alert"))).containsExactly(21.0, 37.0, 52.0, 60.0);

        String fiveDaysAgo = Instant.now().minus(5, ChronoUnit.DAYS).toString();
        SseClient recent = subscribe("/api/stream/alerts?since=" + URLEncoder.encode(fiveDaysAgo, StandardCharsets.UTF_8)
                + "&region=" + URLEncoder.encode("RS,XK", StandardCharsets.UTF_8), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> recent.named("alert").size() >= 4);
        assertThat(values(recent.named("alert"))).containsExactly(37.0, 22.0, 52.0, 60.0);
    }

    @Test
    @Order(4)
    void shouldSendHeartbeatCommentsWhileNothingHappens() {
        SseClient client = subscribe("/api/stream/alerts?region=ZZ", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events().stream()
                .filter(SseClient.Event::isComment).filter(e -> e.data().equals("heartbeat")).count() >= 2);
        assertThat(client.events().get(0).data()).startsWith("subscribed to tension.alerts at 0-");
        assertThat(client.lastEventId()).isEqualTo("0-5");
    }

    @Test
    @Order(5)
    void shouldRefuseMoreStreamsThanTheLimitWith503AndFreeTheSlotWhenAClientLeaves() throws Exception {
        // the limit over two clients: this one's own limit, and the rest from another address
        for (int i = 0; i < MAX_STREAMS_PER_CLIENT; i++) {
            subscribe("/api/stream/" + (i % 2 == 0 ? "indicators" : "canonical-events"), null);
        }
        List<RawStream> others = new ArrayList<>();
        try {
            for (int i = MAX_STREAMS_PER_CLIENT; i < MAX_STREAMS; i++) {
                others.add(RawStream.open(OTHER_CLIENT, "/api/stream/indicators"));
                assertThat(others.get(others.size() - 1).status()).isEqualTo(200);
            }
            HttpResponse<String> refused = get("/api/stream/alerts");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("tension.stream.max-subscriptions");

            clients.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> openStreams() == MAX_STREAMS - 1);
            subscribe("/api/stream/alerts", null);
        } finally {
            others.forEach(RawStream::close);
        }
    }

    @Test
    @Order(8)
    void shouldReplayFromTheStartForASinceBefore1970() throws Exception {
        // no record is stamped before 1970; before, the stream was refused (Kafka takes no negative time to look up)
        SseClient client = subscribe("/api/stream/alerts?since=1969-07-20", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> client.named("alert").size() >= 1);
        assertThat(JSON.readTree(client.named("alert").get(0).data()).get("id").asText()).isEqualTo(OLD.getId());
    }

    @Test
    @Order(7)
    void shouldRefuseAClientMoreStreamsThanItsOwnLimitWith429WhileAnotherClientSubscribes() throws Exception {
        for (int i = 0; i < MAX_STREAMS_PER_CLIENT; i++) {
            subscribe("/api/stream/" + (i % 2 == 0 ? "indicators" : "canonical-events"), null);
        }
        HttpResponse<String> refused = get("/api/stream/alerts");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(JSON.readTree(refused.body()).get("error").asText())
                .contains("already has " + MAX_STREAMS_PER_CLIENT).contains("tension.stream.max-subscriptions-per-client");

        // the service has room, and another client gets it
        try (RawStream other = RawStream.open(OTHER_CLIENT, "/api/stream/alerts")) {
            assertThat(other.status()).isEqualTo(200);
        }
        // a stream this client closes frees its own slot
        clients.remove(0).close();
        await().atMost(Duration.ofSeconds(20)).until(() -> openStreams() == MAX_STREAMS_PER_CLIENT - 1);
        subscribe("/api/stream/alerts", null);
    }

    @Test
    @Order(6)
    void shouldAnswerMalformedTokensDatesAndRegionsWith400() throws Exception {
        HttpResponse<String> token = get("/api/stream/alerts", "Last-Event-ID", "not-a-token");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(token.body()).get("error").asText()).contains("resume token").contains("0-15.1-3.2-9");

        HttpResponse<String> foreign = get("/api/stream/alerts", "Last-Event-ID", "0-1.7-4");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(foreign.body()).get("error").asText()).contains("partition 7");

        HttpResponse<String> ahead = get("/api/stream/alerts", "Last-Event-ID", "0-999999");
        assertThat(ahead.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(ahead.body()).get("error").asText()).contains("ahead of tension.alerts");

        HttpResponse<String> since = get("/api/stream/indicators?since=last-week");
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(since.body()).get("error").asText()).contains("'since'");

        HttpResponse<String> farBack = get("/api/stream/indicators?since=-999999999-01-01T00:00:00Z");
        assertThat(farBack.statusCode()).as(farBack.body()).isEqualTo(400);
        assertThat(JSON.readTree(farBack.body()).get("error").asText()).contains("between 0001-01-01 and 9999-12-31");

        HttpResponse<String> region = get("/api/stream/canonical-events?region=XK,Kosovo");
        assertThat(region.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(region.body()).get("error").asText()).contains("Kosovo");
    }

    // ---- helpers ----

    /** Another client: a second loopback address, which the service sees as another remote address. */
    private static final String OTHER_CLIENT = "127.0.0.2";

    /**
     * A stream opened over a plain socket from a given local address (java.net.http cannot choose it on Java 17), for
     * a second client; its status line is read, then it stays open until closed.
     */
    private static final class RawStream implements AutoCloseable {
        private final java.net.Socket socket;
        private final int status;

        private RawStream(java.net.Socket socket, int status) {
            this.socket = socket;
            this.status = status;
        }

        static RawStream open(String localAddress, String path) throws Exception {
            java.net.Socket socket = new java.net.Socket();
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", service.port()), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + service.port()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder line = new StringBuilder();
            for (int c = socket.getInputStream().read(); c != '\n'; c = socket.getInputStream().read()) {
                if (c < 0) {
                    throw new IllegalStateException("connection closed before a status line: " + line);
                }
                line.append((char) c);
            }
            return new RawStream(socket, Integer.parseInt(line.toString().split(" ")[1]));
        }

        int status() {
            return status;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing is all that is asked
            }
        }
    }

    private static SseClient subscribe(String path, String lastEventId) {
        SseClient client = SseClient.connect(service.baseUri().resolve(path), lastEventId);
        clients.add(client);
        assertThat(client.status()).as("status of %s", path).isEqualTo(200);
        // the tail is positioned before the first comment is sent: anything written from now on reaches it
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.events().isEmpty());
        assertThat(client.events().get(0).data()).startsWith("subscribed to ");
        return client;
    }

    private static List<Double> values(List<SseClient.Event> events) throws Exception {
        List<Double> values = new ArrayList<>();
        for (SseClient.Event e : events) {
            values.add(JSON.readTree(e.data()).get("value").asDouble());
        }
        return values;
    }

    private static EscalationAlert escalated(EscalationAlert alert, long value) {
        return EscalationAlert.newBuilder(alert)
                .setStatus(org.tensionwatch.avro.AlertStatus.ESCALATED)
                .setSeverity(AlertSeverity.CRITICAL)
                .setValue(value)
                .setMessage("XK injuries over 7 days: " + value + ", threshold 20")
                .build();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.baseUri().resolve(path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int openStreams() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.baseUri().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("tension_stream_subscriptions "))
                .map(l -> (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim()))
                .findFirst().orElse(0);
    }

    static URI uri(String path) {
        return service.baseUri().resolve(path);
    }
}

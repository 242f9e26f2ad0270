package org.tensionwatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP server on localhost; waits are recorded, not slept. */
class WebhookSenderTest {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"id\":\"clashes|GE|2026-10-13\",\"status\":\"raised\"}".getBytes(StandardCharsets.UTF_8);

    /** What the receiver saw of one request. */
    record Received(String timestamp, String signature, String delivery, String contentType, byte[] body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> retried = new ArrayList<>();

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A receiver answering the statuses in turn (the last one from then on), with optional extra headers. */
    private URI receiver(List<Integer> statuses, Map<String, String> headers) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int status = statuses.get(Math.min(calls.getAndIncrement(), statuses.size() - 1));
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private WebhookSender sender(URI url, int maxAttempts) {
        return new WebhookSender(HttpClient.newHttpClient(), url, new WebhookSigner(SECRET),
                new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(2)), Duration.ofSeconds(5),
                Clock.systemUTC(), waits::add, new SplittableRandom(7), (id, attempt, reason, wait) -> retried.add(id + " " + attempt + " " + reason));
    }

    @Test
    void shouldDeliverOnceWithAValidSignatureAfterTwoFailures() throws Exception {
        URI url = receiver(List.of(503, 500, 204), Map.of());

        WebhookSender.Outcome outcome = sender(url, 5).deliver("clashes|GE|2026-10-13|raised|high", BODY);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(received).hasSize(3);
        assertThat(retried).containsExactly("clashes|GE|2026-10-13|raised|high 1 HTTP 503", "clashes|GE|2026-10-13|raised|high 2 HTTP 500");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        WebhookSigner verifier = new WebhookSigner(SECRET);
        for (Received r : received) {
            assertThat(r.delivery()).isEqualTo("clashes|GE|2026-10-13|raised|high");
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.body()).isEqualTo(BODY);
            assertThat(verifier.verify(r.timestamp(), r.signature(), r.body(), Instant.now(), Duration.ofMinutes(5))).isTrue();
        }
    }

    @Test
    void shouldGiveUpAtOnceOnAClientError() throws Exception {
        URI url = receiver(List.of(400), Map.of());

        WebhookSender.Outcome outcome = sender(url, 5).deliver("d", BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.lastStatus()).isEqualTo(400);
        assertThat(outcome.reason()).contains("HTTP 400").contains("not retried");
        assertThat(received).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void shouldRetryTooManyRequestsWaitingAsToldUpToTheMaximum() throws Exception {
        URI url = receiver(List.of(429, 408, 200), Map.of("Retry-After", "1"));

        WebhookSender.Outcome outcome = sender(url, 5).deliver("d", BODY);

        assertThat(outcome.delivered()).isTrue();
        assertThat(received).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        WebhookSender.Outcome outcome = sender(URI.create("http://127.0.0.1:" + port + "/hook"), 3).deliver("d", BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.lastStatus()).isEqualTo(-1);
        assertThat(outcome.reason()).contains("cannot connect").contains("after 3 attempts");
        assertThat(waits).hasSize(2);
    }

    @Test
    void shouldRetryAReceiverThatDoesNotAnswerInTimeAndThenGiveUp() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/slow", exchange -> {
            calls.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        WebhookSender sender = new WebhookSender(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slow"), new WebhookSigner(SECRET),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)), Duration.ofMillis(300),
                Clock.systemUTC(), waits::add, new SplittableRandom(7), (id, attempt, reason, wait) -> retried.add(reason));

        WebhookSender.Outcome outcome = sender.deliver("d", BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.reason()).contains("timed out");
        assertThat(retried).singleElement().asString().contains("timed out");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptOnServerErrors() throws Exception {
        URI url = receiver(List.of(502), Map.of());

        WebhookSender.Outcome outcome = sender(url, 4).deliver("d", BODY);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.lastStatus()).isEqualTo(502);
        assertThat(received).hasSize(4);
    }
}

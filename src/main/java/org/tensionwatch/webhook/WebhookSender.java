package org.tensionwatch.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * POSTs one JSON body to the webhook URL, signed, and tries again by the {@link RetryPolicy} until
 * it is delivered (a 2xx) or given up. Each attempt is signed afresh with the time it is sent, so a
 * receiver that rejects old timestamps accepts a late retry. Plain Java: the Kafka side lives in
 * the service's {@code WebhookDispatcher}.
 */
public final class WebhookSender {

    /** How a delivery ended. */
    public record Outcome(boolean delivered, int attempts, int lastStatus, String reason) {

        static Outcome delivered(int attempts, int status) {
            return new Outcome(true, attempts, status, "delivered with " + status);
        }

        static Outcome gaveUp(int attempts, int status, String reason) {
            return new Outcome(false, attempts, status, reason);
        }
    }

    /** Told about every failed attempt that will be retried, e.g. to count it. */
    public interface RetryListener {
        void retrying(String deliveryId, int failedAttempt, String reason, Duration wait);
    }

    /** Waits between attempts; interruptible, so that a shutdown does not wait out a backoff. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI url;
    private final WebhookSigner signer;
    private final RetryPolicy policy;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final RetryListener listener;

    public WebhookSender(HttpClient http, URI url, WebhookSigner signer, RetryPolicy policy, Duration requestTimeout,
            Clock clock, Sleeper sleeper, RandomGenerator random, RetryListener listener) {
        this.http = Objects.requireNonNull(http, "http == null");
        this.url = Objects.requireNonNull(url, "url == null");
        this.signer = Objects.requireNonNull(signer, "signer == null");
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.random = Objects.requireNonNull(random, "random == null");
        this.listener = Objects.requireNonNull(listener, "listener == null");
    }

    /** A sender with a real clock, {@link Thread#sleep} and a new HTTP client with {@code requestTimeout} to connect. */
    public static WebhookSender create(URI url, String secret, RetryPolicy policy, Duration requestTimeout, RetryListener listener) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        return new WebhookSender(http, url, new WebhookSigner(secret), policy, requestTimeout, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault(), listener);
    }

    /**
     * Delivers {@code body} under the id {@code deliveryId} (sent as {@code X-TensionWatch-Delivery}).
     *
     * @throws InterruptedException if the thread is interrupted: the step is then neither delivered nor given up
     */
    public Outcome deliver(String deliveryId, byte[] body) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int status = -1;
            String reason;
            Optional<Duration> retryAfter = Optional.empty();
            boolean retryable;
            try {
                HttpResponse<Void> response = http.send(request(deliveryId, body), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return Outcome.delivered(attempt, status);
                }
                reason = "HTTP " + status;
                retryable = RetryPolicy.retryableStatus(status);
                retryAfter = response.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds);
            } catch (HttpTimeoutException e) {
                reason = "timed out after " + requestTimeout;
                retryable = true;
            } catch (IOException e) {
                reason = "cannot connect: " + e;
                retryable = true;
            }
            if (!retryable) {
                return Outcome.gaveUp(attempt, status, reason + ", not retried");
            }
            if (!policy.hasAttemptAfter(attempt)) {
                return Outcome.gaveUp(attempt, status, reason + " after " + attempt + " attempts");
            }
            Duration wait = policy.backoffAfter(attempt, retryAfter, random);
            listener.retrying(deliveryId, attempt, reason, wait);
            sleeper.sleep(wait);
        }
    }

    private HttpRequest request(String deliveryId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "TensionWatch-Webhook/1")
                .header(WebhookSigner.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .header(WebhookSigner.DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is ignored (the policy's own backoff applies). */
    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

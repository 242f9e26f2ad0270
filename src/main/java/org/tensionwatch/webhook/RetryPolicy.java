package org.tensionwatch.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again, and how long after. Connection errors, timeouts, 408, 429
 * and 5xx are worth another try; any other 4xx says the request itself is wrong, so it is not.
 * Waits grow exponentially ({@code initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff})
 * with "equal jitter": a random wait between half and all of that, so that many senders that failed
 * together do not retry together.
 *
 * @param maxAttempts attempts in all, the first included (1: never retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff == null");
        Objects.requireNonNull(maxBackoff, "maxBackoff == null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff, not " + initialBackoff + " and " + maxBackoff);
        }
    }

    /** Whether a response with this status is worth another attempt. */
    public static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Whether another attempt follows attempt number {@code attempt} (1-based). */
    public boolean hasAttemptAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (1-based). A {@code Retry-After}
     * the receiver sent is honoured up to {@code maxBackoff}.
     */
    public Duration backoffAfter(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked.isNegative() ? Duration.ZERO : asked;
        }
        long capMillis = ceiling(attempt).toMillis();
        long half = capMillis / 2;
        return Duration.ofMillis(half + (capMillis - half == 0 ? 0 : random.nextLong(capMillis - half + 1)));
    }

    /** The most {@link #backoffAfter} can return for attempt {@code attempt}, before jitter. */
    public Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initialBackoff.toMillis();
        for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * The longest one step can take to be delivered or given up (every attempt timing out, every wait
     * as long as allowed), for sizing the consumer's poll interval.
     */
    public Duration worstCase(Duration requestTimeout) {
        return requestTimeout.multipliedBy(maxAttempts).plus(maxBackoff.multipliedBy(maxAttempts - 1L));
    }
}

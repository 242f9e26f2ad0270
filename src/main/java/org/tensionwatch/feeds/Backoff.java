package org.tensionwatch.feeds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to read a feed next: after its poll interval while it answers; after each failure in a row twice as long as
 * after the one before (the interval, then 2x, 4x ... up to {@link #MAX_DELAY}); never before the server's
 * {@code Retry-After}.
 */
public final class Backoff {

    /** The longest wait after failures (a feed asked to poll less often than this keeps its own interval). */
    public static final Duration MAX_DELAY = Duration.ofHours(6);
    /** A {@code Retry-After} longer than this is taken as this: a server cannot silence a feed for days. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private Backoff() {
    }

    /**
     * The time of the next read.
     *
     * @param consecutiveFailures failures in a row, the last read's included; 0 after a read that answered
     * @param retryAfter the server's {@code Retry-After}, if it gave one
     */
    public static Instant nextPoll(Instant now, Duration interval, int consecutiveFailures, Optional<Duration> retryAfter) {
        Duration delay = interval;
        if (consecutiveFailures > 0) {
            Duration cap = interval.compareTo(MAX_DELAY) > 0 ? interval : MAX_DELAY;
            int doublings = Math.min(consecutiveFailures, 30);
            delay = interval.multipliedBy(1L << Math.min(doublings, 20));
            if (delay.compareTo(cap) > 0 || delay.isNegative()) {
                delay = cap;
            }
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter.get();
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return now.plus(delay);
    }

    /**
     * A {@code Retry-After} header: seconds ({@code 120}) or an HTTP date; empty when absent or unreadable, and
     * zero for a date already past.
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

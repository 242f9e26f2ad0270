package org.tensionwatch.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Decides whether an event day is still accepted, given the stream time (the latest publication time seen) and a
 * grace period: older days are final, so their indicators and canonical events stop changing.
 *
 * <p>A day is accepted when it is not before the cutoff, the UTC day of {@code streamTime - grace}. With the default
 * 30 days and stream time 2023-06-30T10:00Z, events of 2023-05-31 and later are accepted, of 2023-05-30 not.
 */
public record LateEventPolicy(Duration grace) {

    public LateEventPolicy {
        Objects.requireNonNull(grace, "grace == null");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace < 0: " + grace);
        }
    }

    /** A grace period of 30 days: the ontology ignores anything older than about a month before publication. */
    public static LateEventPolicy defaults() {
        return new LateEventPolicy(Duration.ofDays(30));
    }

    /** The earliest day still accepted at this stream time. */
    public LocalDate cutoff(Instant streamTime) {
        Objects.requireNonNull(streamTime, "streamTime == null");
        return LocalDate.ofInstant(streamTime.minus(grace), ZoneOffset.UTC);
    }

    /** Whether an event of {@code day} is accepted at this stream time. */
    public boolean accepts(LocalDate day, Instant streamTime) {
        return !day.isBefore(cutoff(streamTime));
    }

    /** The stream time after seeing an article published at {@code publishedAt}: it never goes back. */
    public static Instant advance(Instant streamTime, Instant publishedAt) {
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        return streamTime == null || publishedAt.isAfter(streamTime) ? publishedAt : streamTime;
    }
}

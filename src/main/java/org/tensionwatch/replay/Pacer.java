package org.tensionwatch.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces articles in wall-clock time like their publication times, sped up {@code speed} times
 * ({@code --speed 3600}: an hour of news a second), or not at all when {@code speed} is null. The first article paced
 * sets the origin of both clocks.
 */
public final class Pacer {

    private final Double speed;
    private final Clock clock;
    private Instant firstPublished;
    private Instant startedAt;

    public Pacer(Double speed, Clock clock) {
        if (speed != null && !(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0: " + speed);
        }
        this.speed = speed;
        this.clock = clock;
    }

    /** How long to wait before publishing an article published at {@code publishedAt}. */
    public Duration waitBefore(Instant publishedAt) {
        if (speed == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        if (firstPublished == null) {
            firstPublished = publishedAt;
            startedAt = now;
            return Duration.ZERO;
        }
        double newsNanos = Duration.between(firstPublished, publishedAt).toNanos();
        Instant due = startedAt.plusNanos((long) (newsNanos / speed));
        return now.isBefore(due) ? Duration.between(now, due) : Duration.ZERO;
    }
}

package org.tensionwatch.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-10-14T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void shouldPollAfterTheIntervalWhileTheFeedAnswers() {
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 0, Optional.empty())).isEqualTo(NOW.plus(FIVE_MINUTES));
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailureInARowUpToSixHours() {
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 1, Optional.empty())).isEqualTo(NOW.plusSeconds(600));
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 2, Optional.empty())).isEqualTo(NOW.plusSeconds(1200));
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 3, Optional.empty())).isEqualTo(NOW.plusSeconds(2400));
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 40, Optional.empty())).isEqualTo(NOW.plus(Backoff.MAX_DELAY));
    }

    @Test
    void shouldNeverPollBeforeTheServersRetryAfter() {
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 1, Optional.of(Duration.ofHours(1)))).isEqualTo(NOW.plusSeconds(3600));
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(NOW.plusSeconds(600));
        assertThat(Backoff.nextPoll(NOW, FIVE_MINUTES, 1, Optional.of(Duration.ofDays(30))))
                .as("a server cannot silence a feed for a month").isEqualTo(NOW.plus(Backoff.MAX_RETRY_AFTER));
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(Backoff.parseRetryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(Backoff.parseRetryAfter("Wed, 14 Oct 2026 12:10:00 GMT", NOW)).contains(Duration.ofMinutes(10));
        assertThat(Backoff.parseRetryAfter("Wed, 14 Oct 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(Backoff.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter(null, NOW)).isEmpty();
    }

    @Test
    void shouldLetOneRequestPerHostThroughPerSpacing() {
        HostRateLimiter limiter = new HostRateLimiter(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("gazette.example.org", NOW)).isZero();
        assertThat(limiter.tryAcquire("gazette.example.org", NOW.plusSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("courier.example.net", NOW.plusSeconds(1))).as("another host").isZero();
        assertThat(limiter.tryAcquire("gazette.example.org", NOW.plusSeconds(2))).isZero();
    }
}

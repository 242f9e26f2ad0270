package org.tensionwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant NEWS = Instant.parse("2026-09-01T06:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void shouldSpaceArticlesAnHourOfNewsASecondAtSpeed3600() {
        Pacer pacer = new Pacer(3600.0, Clock.fixed(WALL, ZoneOffset.UTC));

        assertThat(pacer.waitBefore(NEWS)).isZero();
        assertThat(pacer.waitBefore(NEWS.plusSeconds(3600))).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacer.waitBefore(NEWS.plusSeconds(6 * 3600))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void shouldNotWaitWhenUnpacedOrForAnArticleAlreadyDue() {
        Pacer pacer = new Pacer(3600.0, Clock.fixed(WALL, ZoneOffset.UTC));
        pacer.waitBefore(NEWS);

        assertThat(new Pacer(null, Clock.systemUTC()).waitBefore(NEWS.plusSeconds(86_400))).isZero();
        // published before the first article replayed (same publication order, earlier clock): due at once
        assertThat(pacer.waitBefore(NEWS.minusSeconds(60))).isZero();
    }
}

package org.tensionwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void shouldShowCountsRateAndTimeLeftAtThatRate() {
        Progress lines = new Progress(new PrintStream(new ByteArrayOutputStream()), Progress.Style.LINES,
                Clock.fixed(START, ZoneOffset.UTC), Duration.ofSeconds(5), 100_000, 10_000);

        assertThat(lines.line(40_000, START.plusSeconds(10)))
                .isEqualTo("replay: 40,000/100,000 articles (40%), 3,000/s, elapsed 0:10, ETA 0:20");
    }

    @Test
    void shouldDrawABarInPlaceOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress bar = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), Progress.Style.BAR,
                Clock.fixed(START, ZoneOffset.UTC), Duration.ofSeconds(5), 10, 0);

        bar.finish(10);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("\r[" + "#".repeat(30) + "] 10/10 articles (100%)")
                .endsWith("ETA -" + System.lineSeparator());
    }

    @Test
    void shouldFormatLongDurationsWithHours() {
        assertThat(Progress.clockTime(3 * 3600 + 62)).isEqualTo("3:01:02");
    }
}

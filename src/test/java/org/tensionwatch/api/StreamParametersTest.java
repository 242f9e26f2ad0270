package org.tensionwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tensionwatch.service.TopicTail;

class StreamParametersTest {

    @Test
    void shouldReadSinceAsDateOrDateTimeInUtcUnlessAnOffsetIsGiven() {
        assertThat(StreamResource.instant("2026-10-01")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(StreamResource.instant("2026-10-01T06:30:00Z")).isEqualTo(Instant.parse("2026-10-01T06:30:00Z"));
        assertThat(StreamResource.instant("2026-10-01T06:30:00+02:00")).isEqualTo(Instant.parse("2026-10-01T04:30:00Z"));
        assertThat(StreamResource.instant("2026-10-01T06:30")).isEqualTo(Instant.parse("2026-10-01T06:30:00Z"));
        assertThatThrownBy(() -> StreamResource.instant("yesterday")).hasMessageContaining("'since'");
        assertThatThrownBy(() -> StreamResource.instant("2026-13-01")).hasMessageContaining("2026-13-01");
    }

    @Test
    void shouldPreferLastEventIdOverSinceAndStartAtTheEndWithNeither() {
        assertThat(StreamResource.start("2026-10-01", "0-4")).isEqualTo(
                new TopicTail.Resume(org.tensionwatch.service.ResumeToken.parse("0-4")));
        assertThat(StreamResource.start("2026-10-01", " ")).isEqualTo(new TopicTail.Since(Instant.parse("2026-10-01T00:00:00Z")));
        assertThat(StreamResource.start(null, null)).isEqualTo(new TopicTail.Latest());
    }

    @Test
    void shouldReadACommaSeparatedRegionListInUpperCase() {
        assertThat(StreamResource.regions("xk, rs,,GE")).containsExactlyInAnyOrder("XK", "RS", "GE");
        assertThat(StreamResource.regions(null)).isEmpty();
        assertThat(StreamResource.regions("")).isEmpty();
        assertThatThrownBy(() -> StreamResource.regions("XK,Kosovo")).hasMessageContaining("'Kosovo'");
    }
}

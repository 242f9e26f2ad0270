package org.tensionwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tensionwatch.feeds.FeedDefinition;

class FeedRequestTest {

    @Test
    void shouldReadPollIntervalsWrittenShortOrInIso() {
        assertThat(FeedRequest.interval("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(FeedRequest.interval("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(FeedRequest.interval("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(FeedRequest.interval(null)).isEqualTo(FeedRequest.DEFAULT_POLL_INTERVAL);
    }

    @Test
    void shouldSayWhichFieldIsWrong() {
        assertThatThrownBy(() -> new FeedRequest(null, null, "Gazette", null, null).toDefinition())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'url' is required");
        assertThatThrownBy(() -> new FeedRequest(null, "https://gazette.example.org/rss", " ", null, null).toDefinition())
                .hasMessageContaining("'source' is required");
        assertThatThrownBy(() -> new FeedRequest(null, "file:///etc/passwd", "Gazette", null, null).toDefinition())
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> new FeedRequest(null, "https://gazette.example.org/rss", "Gazette", "often", null).toDefinition())
                .hasMessageContaining("'pollInterval'");
        assertThatThrownBy(() -> new FeedRequest(null, "https://gazette.example.org/rss", "Gazette", "P2D", null).toDefinition())
                .hasMessageContaining("between");
        assertThatThrownBy(() -> new FeedRequest("a/b", "https://gazette.example.org/rss", "Gazette", null, null).toDefinition())
                .hasMessageContaining("'id'");
    }

    @Test
    void shouldGiveTheSameUrlTheSameId() {
        FeedDefinition one = new FeedRequest(null, "https://gazette.example.org/rss", "Gazette", "5m", true).toDefinition();
        FeedDefinition two = new FeedRequest(null, "https://gazette.example.org/rss", "Other name", "1h", false).toDefinition();
        assertThat(one.id()).isEqualTo(two.id()).startsWith("feed-");
        assertThat(one.fullText()).isTrue();
    }
}

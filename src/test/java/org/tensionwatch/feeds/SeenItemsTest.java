package org.tensionwatch.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeenItemsTest {

    private static FeedItem item(String key, String text) {
        return new FeedItem(key, "https://gazette.example.org/" + key, "Title " + key, Instant.parse("2026-10-13T09:00:00Z"), text);
    }

    @Test
    void shouldSkipAnItemSeenTwice() {
        SeenItems seen = new SeenItems(Map.of(), 10);
        assertThat(seen.classify(item("a", "text"))).isEqualTo(SeenItems.Novelty.NEW);
        seen.remember(item("a", "text"));
        assertThat(seen.classify(item("a", "text"))).isEqualTo(SeenItems.Novelty.UNCHANGED);
    }

    @Test
    void shouldTakeAChangedItemAsAnUpdate() {
        SeenItems seen = new SeenItems(Map.of(), 10);
        seen.remember(item("a", "fourteen arrested"));
        assertThat(seen.classify(item("a", "forty arrested"))).isEqualTo(SeenItems.Novelty.UPDATED);
    }

    @Test
    void shouldRememberAcrossARestartThroughItsMap() {
        SeenItems before = new SeenItems(Map.of(), 10);
        before.remember(item("a", "text"));
        SeenItems after = new SeenItems(before.asMap(), 10);
        assertThat(after.classify(item("a", "text"))).isEqualTo(SeenItems.Novelty.UNCHANGED);
    }

    @Test
    void shouldForgetTheOldestKeysBeyondItsCapacity() {
        SeenItems seen = new SeenItems(Map.of(), 2);
        seen.remember(item("a", "1"));
        seen.remember(item("b", "2"));
        seen.remember(item("c", "3"));
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.classify(item("a", "1"))).isEqualTo(SeenItems.Novelty.NEW);
        assertThat(seen.classify(item("c", "3"))).isEqualTo(SeenItems.Novelty.UNCHANGED);
    }
}

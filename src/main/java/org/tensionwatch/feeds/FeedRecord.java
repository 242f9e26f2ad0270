package org.tensionwatch.feeds;

/**
 * A feed as the feeds topic keeps it, keyed by its id: what to follow and where it stands.
 *
 * @param definition the feed
 * @param state where it stands
 * @param origin {@code settings} for a feed of {@code tension.feeds.sources}, {@code api} for one added over HTTP
 */
public record FeedRecord(FeedDefinition definition, FeedState state, String origin) {
}

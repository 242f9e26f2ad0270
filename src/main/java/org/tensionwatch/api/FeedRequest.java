package org.tensionwatch.api;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.tensionwatch.feeds.FeedDefinition;

/**
 * The JSON body of {@code POST /api/feeds}.
 *
 * @param pollInterval ISO-8601 ({@code PT5M}) or short ({@code 5m}, {@code 90s}, {@code 1h}); default 5 minutes
 */
public record FeedRequest(String id, String url, String source, String pollInterval, Boolean fullText) {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    /** The feed, or an {@link IllegalArgumentException} that says which field is wrong. */
    FeedDefinition toDefinition() {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("'url' is required: the address of an RSS or Atom feed");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'url' is not an address: " + e.getMessage());
        }
        return new FeedDefinition(id, uri, source, interval(pollInterval), fullText != null && fullText);
    }

    static Duration interval(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_POLL_INTERVAL;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.matches("\\d{1,6}(ms|s|m|h)")) {
                long n = Long.parseLong(t.replaceAll("\\D", ""));
                return t.endsWith("ms") ? Duration.ofMillis(n) : t.endsWith("s") ? Duration.ofSeconds(n)
                        : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new IllegalArgumentException("'pollInterval' is not a duration (PT5M, 5m, 90s, 1h): '" + text + "'");
    }
}

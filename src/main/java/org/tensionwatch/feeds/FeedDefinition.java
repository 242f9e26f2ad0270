package org.tensionwatch.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A feed followed: where it is, whose it is, how often it is read, and whether each item's page is fetched for its
 * full text.
 *
 * @param id a stable id, derived from the URL unless given
 * @param url an http or https address of an RSS 2.0 or Atom feed
 * @param source the outlet's name, as articles carry it
 * @param pollInterval how long between two reads of the feed, while it answers
 * @param fullText whether each new item's linked page is fetched and its main text read instead of the summary
 */
public record FeedDefinition(String id, URI url, String source, Duration pollInterval, boolean fullText) {

    /** The shortest poll interval taken: more often is impolite to any outlet. */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);
    /** The longest poll interval taken. */
    public static final Duration MAX_POLL_INTERVAL = Duration.ofDays(1);

    public FeedDefinition {
        if (url == null) {
            throw new IllegalArgumentException("'url' is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("'url' must be an http or https address with a host: '" + url + "'");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("'source' is required: the outlet's name");
        }
        if (pollInterval == null) {
            throw new IllegalArgumentException("'pollInterval' is required");
        }
        if (pollInterval.compareTo(MIN_POLL_INTERVAL) < 0 || pollInterval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new IllegalArgumentException("'pollInterval' must be between " + MIN_POLL_INTERVAL + " and "
                    + MAX_POLL_INTERVAL + ": " + pollInterval);
        }
        if (id == null || id.isBlank()) {
            id = idOf(url);
        } else if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("'id' may have letters, digits, '.', '_' and '-', 64 at most: '" + id + "'");
        }
        source = source.strip();
    }

    /** The id of a feed at this URL: the same URL always gets the same id. */
    public static String idOf(URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(url.toString().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "feed-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The host whose rate limit this feed's reads count against. */
    public String host() {
        return url.getHost().toLowerCase(Locale.ROOT);
    }
}

package org.tensionwatch.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One item of a feed, as read.
 *
 * @param key what identifies the item across reads: its guid (RSS) or id (Atom), else its link
 * @param link the article's address
 * @param title the headline
 * @param publishedAt when it was published (or last updated, when the feed gives only that); {@code null} when the
 *     feed gives no date
 * @param text the summary or content as plain text
 */
public record FeedItem(String key, String link, String title, Instant publishedAt, String text) {

    /** A digest of what the item says: a change of it between two reads is a correction. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {link, title, publishedAt == null ? "" : publishedAt.toString(), text}) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

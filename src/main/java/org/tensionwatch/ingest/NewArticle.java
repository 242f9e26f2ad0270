package org.tensionwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An article as it arrives, from a file or over HTTP, before it is published to Kafka.
 *
 * @param publishedAt when the outlet published it; never {@code null}
 * @param source the outlet, or {@code null}
 * @param url the article's address, or {@code null}
 */
public record NewArticle(String title, String body, Instant publishedAt, String source, String url) {

    public NewArticle {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        if (title.isBlank() && body.isBlank()) {
            throw new IllegalArgumentException("an article needs a title or a body");
        }
    }

    /**
     * The stable id of this article: the same article ingested twice gets the same id. It is
     * derived from the URL when there is one (so a corrected version replaces the first), else from
     * the source, headline and text with white space and case folded.
     */
    public String id() {
        String identity = url != null && !url.isBlank()
                ? "url:" + url.strip().replaceFirst("^https?://", "").replaceFirst("/+$", "").toLowerCase(Locale.ROOT)
                : "text:" + fold(source) + "|" + fold(title) + "|" + fold(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String fold(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package org.tensionwatch.api;

import java.time.Instant;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.NewArticle;

/** The JSON body of {@code POST /api/articles}. */
public record ArticleRequest(String title, String body, String publishedAt, String source, String url) {

    /** The article, or an {@link IllegalArgumentException} that says which field is wrong. */
    NewArticle toNewArticle() {
        if (isBlank(title)) {
            throw new IllegalArgumentException("'title' is required");
        }
        if (isBlank(body)) {
            throw new IllegalArgumentException("'body' is required");
        }
        if (isBlank(publishedAt)) {
            throw new IllegalArgumentException("'publishedAt' is required (an ISO date such as 2026-10-12 or date-time such as 2026-10-12T08:30:00Z)");
        }
        return new NewArticle(title.strip(), body, parseInstant(publishedAt.strip()), source, url);
    }

    static Instant parseInstant(String text) {
        Instant instant = ArticleFiles.parseInstant(text);
        if (instant == null) {
            throw new IllegalArgumentException("'publishedAt' is not an ISO date or date-time: '" + text + "'");
        }
        return instant;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

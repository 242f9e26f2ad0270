package org.tensionwatch.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * An article file read successfully.
 *
 * @param fileName the file's name, without its directory
 * @param title the headline: the front matter's title, else the first non-empty line
 * @param body the rest of the text
 * @param publishedAt when it was published, from front matter or a leading dateline; null if neither says
 * @param source the outlet, from front matter, or null
 * @param url the article's address, from front matter, or null
 */
public record ParsedArticleFile(String fileName, String title, String body, Instant publishedAt, String source,
        String url) implements ArticleFileResult {

    public ParsedArticleFile {
        Objects.requireNonNull(fileName, "fileName == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(body, "body == null");
    }
}

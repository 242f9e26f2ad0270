package org.tensionwatch.ingest;

import java.util.Objects;

/**
 * A file that could not be read as an article, and why ("empty file", "not valid UTF-8").
 *
 * @param fileName the file's name, without its directory
 * @param reason what is wrong with it
 */
public record RejectedFile(String fileName, String reason) implements ArticleFileResult {

    public RejectedFile {
        Objects.requireNonNull(fileName, "fileName == null");
        Objects.requireNonNull(reason, "reason == null");
    }
}

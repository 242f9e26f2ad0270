package org.tensionwatch.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one article of an archive lives and what orders it: its publication time and stable id. The text is read
 * again when the article is published, so an index of millions of articles stays small.
 *
 * @param origin a file path, or {@code file.jsonl:LINE}, for messages
 * @param offset for JSON Lines archives, the line's byte offset; -1 for article files
 * @param length for JSON Lines archives, the line's length in bytes; -1 for article files
 */
public record ArchiveEntry(Instant publishedAt, String articleId, String origin, String file, long offset, int length) {

    public ArchiveEntry {
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        Objects.requireNonNull(articleId, "articleId == null");
        Objects.requireNonNull(origin, "origin == null");
        Objects.requireNonNull(file, "file == null");
    }

    /**
     * Publication time, then id, then where it is in the archive: the order of a replay, the same on every run. Two
     * versions of one article with the same publication time (a correction) go in the order the archive has them, by
     * byte offset within a file: the later line is the later version ("file:100" sorts after "file:99").
     */
    public static final java.util.Comparator<ArchiveEntry> REPLAY_ORDER =
            java.util.Comparator.comparing(ArchiveEntry::publishedAt).thenComparing(ArchiveEntry::articleId)
                    .thenComparing(ArchiveEntry::file).thenComparingLong(ArchiveEntry::offset)
                    .thenComparing(ArchiveEntry::origin);
}

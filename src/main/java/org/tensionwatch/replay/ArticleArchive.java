package org.tensionwatch.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensionwatch.ingest.ArticleFileResult;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.ingest.RejectedFile;

/**
 * An archive to replay: a directory tree of article files (as the service ingests them, with a publication date in
 * their front matter or dateline), or a JSON Lines file with one article per line in the form that
 * {@code POST /api/articles} takes ({@code title}, {@code body}, {@code publishedAt}, {@code source}, {@code url}).
 *
 * <p>{@link #scan} indexes it (publication time, id, location) and names every article it cannot use, with the
 * reason; {@link #load} reads one article's text back when it is its turn.
 */
public final class ArticleArchive {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
    private final ArticleFiles files;

    public ArticleArchive(long maxFileBytes) {
        this.files = new ArticleFiles(maxFileBytes);
    }

    /** An article that the archive holds but that cannot be replayed. */
    public record Skipped(String origin, String reason) {
    }

    /** The index of an archive, in file order, and what was skipped. */
    public record Scan(List<ArchiveEntry> entries, List<Skipped> skipped) {
    }

    /** Whether the path is read as JSON Lines rather than as article files. */
    public static boolean isJsonLines(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".jsonl") || name.endsWith(".ndjson"));
    }

    /** Indexes the archive at {@code root}; an unreadable root is an {@link IOException}, a bad article is skipped. */
    public Scan scan(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("no such file or directory: " + root);
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (isJsonLines(root)) {
            scanJsonLines(root, entries, skipped);
        } else {
            for (Path file : ArticleFiles.listArticles(List.of(root))) {
                ArticleFileResult result = files.read(file);
                String origin = root.relativize(file).toString().isEmpty() ? file.toString() : root.relativize(file).toString();
                if (result instanceof RejectedFile r) {
                    skipped.add(new Skipped(origin, r.reason()));
                } else if (result instanceof ParsedArticleFile p) {
                    if (p.publishedAt() == null) {
                        skipped.add(new Skipped(origin, "no publication date (front matter 'published' or a dateline): "
                                + "a replay orders articles by it"));
                    } else {
                        NewArticle a = toArticle(p);
                        entries.add(new ArchiveEntry(a.publishedAt(), a.id(), origin, file.toString(), -1, -1));
                    }
                }
            }
        }
        return new Scan(entries, skipped);
    }

    private void scanJsonLines(Path file, List<ArchiveEntry> entries, List<Skipped> skipped) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int lineNo = 0;
        int start = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            lineNo++;
            int length = end - start;
            String origin = file.getFileName() + ":" + lineNo;
            if (length > 0 && !(length == 1 && all[start] == '\r')) {
                try {
                    NewArticle a = parseLine(all, start, length);
                    entries.add(new ArchiveEntry(a.publishedAt(), a.id(), origin, file.toString(), start, length));
                } catch (IllegalArgumentException e) {
                    skipped.add(new Skipped(origin, e.getMessage()));
                }
            }
            start = end + 1;
        }
    }

    /** Reads the article an entry points at. */
    public NewArticle load(ArchiveEntry entry) {
        try {
            if (entry.offset() < 0) {
                ArticleFileResult result = files.read(Path.of(entry.file()));
                if (result instanceof ParsedArticleFile p && p.publishedAt() != null) {
                    return toArticle(p);
                }
                throw new IllegalStateException(entry.origin() + " changed since the archive was indexed: "
                        + (result instanceof RejectedFile r ? r.reason() : "no publication date"));
            }
            byte[] line = new byte[entry.length()];
            try (RandomAccessFile in = new RandomAccessFile(entry.file(), "r")) {
                in.seek(entry.offset());
                in.readFully(line);
            }
            return parseLine(line, 0, line.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.origin(), e);
        }
    }

    private NewArticle parseLine(byte[] bytes, int start, int length) {
        if (length > files.maxBytes()) {
            throw new IllegalArgumentException("line too long: " + length + " bytes, limit " + files.maxBytes());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String title = string(node, "title");
        String body = string(node, "body");
        String published = string(node, "publishedAt");
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw new IllegalArgumentException("no 'title' and no 'body'");
        }
        if (published == null || published.isBlank()) {
            throw new IllegalArgumentException("no 'publishedAt': a replay orders articles by it");
        }
        var publishedAt = ArticleFiles.parseInstant(published);
        if (publishedAt == null) {
            throw new IllegalArgumentException("'publishedAt' is not an ISO date or date-time: '" + published + "'");
        }
        return new NewArticle(title == null ? "" : title.strip(), body == null ? "" : body, publishedAt,
                string(node, "source"), string(node, "url"));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is not a string");
        }
        return value.asText();
    }

    private static NewArticle toArticle(ParsedArticleFile p) {
        return new NewArticle(p.title(), p.body(), p.publishedAt(), p.source(), p.url());
    }
}

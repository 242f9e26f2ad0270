package org.tensionwatch.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensionwatch.ingest.NewArticle;

/** Small archives written for the replay tests: made-up articles, shuffled out of publication order on purpose. */
final class ReplayFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayFixtures() {
    }

    /** {@code n} articles, one every six hours from 2026-09-01, written to a JSON Lines file in reverse order. */
    static Path jsonLines(Path dir, int n) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("title", "Roadblock " + i + " reported near the border crossing");
            a.put("body", "Residents set up roadblock number " + i + " on the main road on Monday, police said.");
            a.put("publishedAt", publishedAt(i).toString());
            a.put("source", "Test Wire");
            a.put("url", "https://example.org/news/" + i);
            lines.add(JSON.writeValueAsString(a));
        }
        Path file = dir.resolve("archive.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static Instant publishedAt(int i) {
        return Instant.parse("2026-09-01T06:00:00Z").plusSeconds(6L * 3600 * i);
    }

    /** The id the i-th fixture article gets. */
    static String idOf(int i) {
        return new NewArticle("t", "b", publishedAt(i), "Test Wire", "https://example.org/news/" + i).id();
    }

    /** A sink that keeps what it was sent and what was flushed, like a broker would. */
    static final class RecordingSink implements ArticleSink {
        final List<NewArticle> sent = new ArrayList<>();
        final List<NewArticle> stored = new ArrayList<>();

        @Override
        public void send(NewArticle article) {
            sent.add(article);
        }

        @Override
        public void flush() {
            stored.addAll(sent.subList(stored.size(), sent.size()));
        }

        @Override
        public void close() {
        }
    }
}

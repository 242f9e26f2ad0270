package org.tensionwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensionwatch.cli.BenchCommand;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ParsedArticleFile;

/**
 * An archive of articles as {@code replay} lines: synthetic coverage of several regions over 60 days, the project's
 * samples, and corrections of every 25th synthetic article (same url and publication time, the first paragraph only,
 * as an outlet trims a story).
 */
final class TestArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestArchive() {
    }

    static List<String> build(Path workDir, int syntheticArticles) throws IOException {
        Path synthetic = workDir.resolve("synthetic-" + syntheticArticles + ".jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(new BenchCommand().run(List.of("--write-archive", synthetic.toString(), "--articles",
                String.valueOf(syntheticArticles), "--size-kb", "2", "--days", "60", "--seed", "7"), print, print))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(synthetic, StandardCharsets.UTF_8));
        ArticleFiles files = new ArticleFiles();
        for (Path file : ArticleFiles.listArticles(List.of(Path.of("samples/articles")))) {
            ParsedArticleFile parsed = (ParsedArticleFile) files.read(file);
            ObjectNode line = JSON.createObjectNode().put("title", parsed.title()).put("body", parsed.body())
                    .put("publishedAt", parsed.publishedAt().toString()).put("source", parsed.source());
            if (parsed.url() != null) {
                line.put("url", parsed.url());
            }
            lines.add(JSON.writeValueAsString(line));
        }
        for (int i = 0; i < syntheticArticles; i += 25) {
            ObjectNode article = (ObjectNode) JSON.readTree(lines.get(i));
            String body = article.path("body").asText();
            int paragraph = body.indexOf("\n\n");
            article.put("body", paragraph > 0 ? body.substring(0, paragraph) : "The report has been withdrawn.");
            lines.add(JSON.writeValueAsString(article));
        }
        return lines;
    }

    static Instant published(String line) {
        try {
            return Instant.parse(JSON.readTree(line).path("publishedAt").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(String line) {
        try {
            return JSON.readTree(line).path("url").asText(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorted by publication time; a correction, published at the same time, stays after its original. */
    static List<String> inPublicationOrder(List<String> lines) {
        Map<String, Instant> at = new HashMap<>();
        for (String line : lines) {
            at.put(line, published(line));
        }
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(at::get));
        return sorted;
    }
}

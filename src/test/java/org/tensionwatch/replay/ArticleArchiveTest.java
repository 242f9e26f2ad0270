package org.tensionwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.ingest.NewArticle;

class ArticleArchiveTest {

    @TempDir
    Path dir;

    private final ArticleArchive archive = new ArticleArchive(1 << 20);

    @Test
    void shouldIndexAJsonLinesArchiveAndNameEveryLineItCannotUse() throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, List.of(
                "{\"title\":\"Strike at the port\",\"body\":\"Dockers walked out.\",\"publishedAt\":\"2026-10-02\",\"url\":\"https://example.org/a\"}",
                "",
                "{\"title\": \"unterminated",
                "[1, 2, 3]",
                "{\"title\":\"No date\",\"body\":\"Text.\"}",
                "{\"title\":\"Bad date\",\"body\":\"Text.\",\"publishedAt\":\"yesterday\"}",
                "{\"title\":42,\"body\":\"Text.\",\"publishedAt\":\"2026-10-02\"}",
                "{\"title\":\"Rally in the capital\",\"body\":\"Thousands marched.\",\"publishedAt\":\"2026-10-01T09:00:00Z\"}"),
                StandardCharsets.UTF_8);

        ArticleArchive.Scan scan = archive.scan(file);

        assertThat(scan.entries()).extracting(ArchiveEntry::origin).containsExactly("mixed.jsonl:1", "mixed.jsonl:8");
        assertThat(scan.skipped()).extracting(ArticleArchive.Skipped::origin)
                .containsExactly("mixed.jsonl:3", "mixed.jsonl:4", "mixed.jsonl:5", "mixed.jsonl:6", "mixed.jsonl:7");
        assertThat(scan.skipped()).extracting(ArticleArchive.Skipped::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not JSON"),
                r -> assertThat(r).isEqualTo("not a JSON object"),
                r -> assertThat(r).contains("no 'publishedAt'"),
                r -> assertThat(r).contains("not an ISO date"),
                r -> assertThat(r).isEqualTo("'title' is not a string"));
        NewArticle rally = archive.load(scan.entries().get(1));
        assertThat(rally.title()).isEqualTo("Rally in the capital");
        assertThat(rally.id()).isEqualTo(scan.entries().get(1).articleId());
    }

    @Test
    void shouldIndexADirectoryTreeAndSkipFilesWithoutAPublicationDate() throws IOException {
        Path month = Files.createDirectories(dir.resolve("2026/10"));
        Files.writeString(month.resolve("a.md"), "---\npublished: 2026-10-03\nsource: Test Wire\n---\nCurfew declared\nThe mayor declared a curfew.\n");
        Files.writeString(month.resolve("b.txt"), "Undated piece\nNo date anywhere.\n");
        Files.write(month.resolve("c.txt"), new byte[] {0, 1, 2, 3});

        ArticleArchive.Scan scan = archive.scan(dir);

        assertThat(scan.entries()).extracting(ArchiveEntry::origin).containsExactly(Path.of("2026/10/a.md").toString());
        assertThat(scan.skipped()).extracting(ArticleArchive.Skipped::reason).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("no publication date"),
                r -> assertThat(r).startsWith("binary file"));
        assertThat(archive.load(scan.entries().get(0)).title()).isEqualTo("Curfew declared");
    }

    @Test
    void shouldRefuseAnArchiveThatDoesNotExist() {
        assertThatThrownBy(() -> archive.scan(dir.resolve("missing.jsonl")))
                .isInstanceOf(IOException.class).hasMessageContaining("no such file or directory");
    }
}

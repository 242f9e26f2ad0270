package org.tensionwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

    private final ArticleFiles files = new ArticleFiles();

    private ArticleFileResult parse(String text) {
        return files.parse("a.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadFrontMatterHeadlineAndBody() {
        ArticleFileResult r = parse("---\npublished: 2026-06-01T10:00:00Z\nsource: \"Ararat News\"\nurl: https://x.example/1\n"
                + "---\n# Police detain 14 in Yerevan\n\nPolice detained 14 people.\nMore text.");
        assertThat(r).isInstanceOf(ParsedArticleFile.class);
        ParsedArticleFile a = (ParsedArticleFile) r;
        assertThat(a.title()).isEqualTo("Police detain 14 in Yerevan");
        assertThat(a.body()).isEqualTo("Police detained 14 people.\nMore text.");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-06-01T10:00:00Z"));
        assertThat(a.source()).isEqualTo("Ararat News");
        assertThat(a.url()).isEqualTo("https://x.example/1");
    }

    @Test
    void shouldTakeThePublicationDateFromALeadingDateline() {
        ParsedArticleFile a = (ParsedArticleFile) parse(" date 2021-09-26 Headline here\n\nBody.");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2021-09-26T00:00:00Z"));
        assertThat(a.title()).isEqualTo("Headline here");
    }

    @Test
    void shouldLeaveThePublicationDateNullWhenNothingGivesIt() {
        assertThat(((ParsedArticleFile) parse("Headline\nBody.")).publishedAt()).isNull();
    }

    @Test
    void shouldRejectEmptyBinaryAndInvalidUtf8FilesWithAReason() {
        assertThat(files.parse("e.txt", new byte[0])).isEqualTo(new RejectedFile("e.txt", "empty file"));
        assertThat(files.parse("b.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 1})).isInstanceOfSatisfying(RejectedFile.class,
                r -> assertThat(r.reason()).contains("binary"));
        assertThat(files.parse("u.txt", new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'})).isInstanceOfSatisfying(
                RejectedFile.class, r -> assertThat(r.reason()).contains("UTF-8"));
    }

    @Test
    void shouldRejectFilesOverTheSizeLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[10 * 1024 * 1024]);
        assertThat(new ArticleFiles(1024 * 1024).read(big)).isInstanceOfSatisfying(RejectedFile.class,
                r -> assertThat(r.reason()).contains("too large"));
    }

    @Test
    void shouldReadHtmlFilesAsTextForTheExtractorToClean() {
        assertThat(parse("<html><body><p>Police detained 20 students.</p></body></html>"))
                .isInstanceOf(ParsedArticleFile.class);
    }

    @Test
    void shouldListArticleFilesOfADirectoryTreeInPathOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/2.md"), "x");
        Files.writeString(dir.resolve("a.txt"), "x");
        Files.writeString(dir.resolve("c.json"), "{}");
        Files.writeString(dir.resolve("b/1.txt"), "x");
        assertThat(ArticleFiles.listArticles(List.of(dir)))
                .containsExactly(dir.resolve("a.txt"), dir.resolve("b/1.txt"), dir.resolve("b/2.md"));
    }

    @Test
    void shouldReportAMissingFileAsARejection(@TempDir Path dir) {
        assertThat(files.read(dir.resolve("missing.txt"))).isInstanceOf(RejectedFile.class);
    }
}

package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.replay.ArchiveEntry;
import org.tensionwatch.replay.ArticleArchive;
import org.tensionwatch.tools.bench.SyntheticCorpus;

class BenchCommandTest {

    @Test
    void shouldPrintRatesAndTheirMedian() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new BenchCommand().run(List.of("--articles", "50", "--runs", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run 1:").contains("run 2:").contains("median:")
                .contains("articles/s").contains("sentences/s");
    }

    @Test
    void shouldGenerateTheSameCorpusFromTheSameSeed() {
        LocalDate day = LocalDate.of(2026, 6, 3);
        assertThat(new SyntheticCorpus(7).articles(3, 5_000, day)).isEqualTo(new SyntheticCorpus(7).articles(3, 5_000, day));
        assertThat(new SyntheticCorpus(7).next(5_000, day).body().length()).isBetween(5_000, 7_000);
    }

    @Test
    void shouldWriteAReplayArchiveOfDistinctArticlesSpreadOverTheDays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("archive.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = new BenchCommand().run(List.of("--write-archive", file.toString(), "--articles", "30", "--size-kb", "1",
                "--days", "3"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 30 articles");
        ArticleArchive.Scan scan = new ArticleArchive(1_000_000).scan(file);
        assertThat(scan.skipped()).isEmpty();
        assertThat(scan.entries()).hasSize(30);
        assertThat(scan.entries().stream().map(ArchiveEntry::articleId).distinct()).hasSize(30);
        assertThat(scan.entries().get(0).publishedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(scan.entries().get(29).publishedAt()).isBetween(Instant.parse("2026-01-03T00:00:00Z"),
                Instant.parse("2026-01-04T00:00:00Z"));
    }

    @Test
    void shouldRejectBadArguments() {
        assertThat(new BenchCommand().run(List.of("--articles", "many"), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}

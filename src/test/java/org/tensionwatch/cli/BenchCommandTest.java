package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.extraction.bench.SyntheticCorpus;

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
    void shouldRejectBadArguments() {
        assertThat(new BenchCommand().run(List.of("--articles", "many"), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}

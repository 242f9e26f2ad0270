package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new EvaluateCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldExtractArticlesAndScoreThemAgainstGold(@TempDir Path dir) throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(articles.resolve("a.txt"), "Arrests\n\nPolice detained 30 students in Dhaka on Monday.\n");
        Files.writeString(gold.resolve("a.json"), "{\"article\": \"a.txt\", \"published\": \"2026-06-03\", \"events\": "
                + "[{\"type\": \"ARREST\", \"count\": 30}]}");
        assertThat(run("--gold", gold.toString(), articles.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("types: P=1.000 R=1.000 F1=1.000")
                .contains("counts: P=1.000 R=1.000 F1=1.000").contains("events: P=1.000 R=1.000 F1=1.000");
    }

    @Test
    void shouldScoreAPredictionsFile(@TempDir Path dir) throws Exception {
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(gold.resolve("a.json"), "{\"article\": \"a.txt\", \"events\": [{\"type\": \"CLASH\"}]}");
        Path pred = dir.resolve("p.jsonl");
        Files.writeString(pred, "{\"article\": \"a.txt\", \"type\": \"PROTEST\", \"count\": null}\n");
        assertThat(run("--gold", gold.toString(), "--predictions", pred.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("types: P=0.000 R=0.000 F1=0.000");
    }

    @Test
    void shouldExitWithTwoOnBadUsage() {
        assertThat(run("--gold")).isEqualTo(2);
        assertThat(run("--gold", "/no/such/dir", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: evaluate");
    }
}

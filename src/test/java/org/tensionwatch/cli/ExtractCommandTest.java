package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ExtractCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintOneJsonLinePerEventWithEveryField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "---\npublished: 2026-06-03\n---\n# Arrests in Dhaka\n\n"
                + "Police detained 30 students in Dhaka on Monday.\n");
        assertThat(run(dir.toString())).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode e = new ObjectMapper().readTree(lines.get(0));
        assertThat(e.fieldNames()).toIterable().containsExactly("article", "type", "count", "qualifier", "level", "who",
                "where", "country", "when", "earliest", "latest", "evidence", "confidence", "plover_type", "plover_mode",
                "cameo", "extractor");
        assertThat(e.get("article").asText()).isEqualTo("a.md");
        assertThat(e.get("type").asText()).isEqualTo("ARREST");
        assertThat(e.get("count").asLong()).isEqualTo(30);
        assertThat(e.get("when").asText()).isEqualTo("2026-06-01");
        assertThat(e.get("earliest").asText()).isEqualTo("2026-06-01");
        assertThat(e.get("latest").asText()).isEqualTo("2026-06-01");
        assertThat(e.get("country").asText()).isEqualTo("BD");
    }

    @Test
    void shouldReportRejectedFilesAndGoOn(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bad.txt"), new byte[] {0, 1, 2, 3});
        Files.writeString(dir.resolve("good.txt"), "Riot in Lima\n\nRioters torched two police cars in Lima.\n");
        assertThat(run("--published", "2026-06-03", dir.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.txt").contains("binary");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"CLASH\"");
    }

    @Test
    void shouldWarnWhenItFallsBackToTodaysDate(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Headline\n\nNothing happened.\n");
        assertThat(run(dir.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning").contains("today");
    }

    @Test
    void shouldPrintATable(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Headline\n\nPolice detained 30 students in Dhaka.\n");
        assertThat(run("--format", "table", "--published", "2026-06-03", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("article").contains("ARREST").contains("1 events");
    }

    @Test
    void shouldExitWithTwoAndAUsageMessageOnBadArguments() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--format", "xml", "x")).isEqualTo(2);
        assertThat(run("--published", "yesterday", "x")).isEqualTo(2);
        assertThat(run("/no/such/file")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: extract");
    }
}

package org.tensionwatch.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventScorerTest {

    private static final Path PY_SCORER = Path.of("..", "shared", "tools", "score_events.py");

    private static ScoredEvent ev(String article, String type, Integer count) {
        return new ScoredEvent(article, type, count == null ? null : count.doubleValue());
    }

    @Test
    void shouldMatchExactCountsBeforeNullCountGold() {
        // a greedy matcher that took the null-count gold first would use up the only INJURY 30 prediction
        Map<String, List<ScoredEvent>> gold = Map.of("a.txt", List.of(ev("a.txt", "INJURY", null), ev("a.txt", "INJURY", 30)));
        List<ScoredEvent> pred = List.of(ev("a.txt", "INJURY", 30));
        ScoreResult r = new EventScorer().score(gold, pred);
        assertThat(r.events()).isEqualTo(new Prf(1, 1, 2));
        assertThat(r.types()).isEqualTo(new Prf(1, 1, 1));
        assertThat(r.counts()).isEqualTo(new Prf(1, 1, 1));
    }

    @Test
    void shouldIgnorePredictionsForArticlesWithoutGold() {
        ScoreResult r = new EventScorer().score(Map.of("a.txt", List.of()), List.of(ev("b.txt", "CLASH", null)));
        assertThat(r.predictedEvents()).isZero();
        assertThat(r.types().precision()).isEqualTo(1.0);
    }

    @Test
    void shouldAgreeWithTheReferenceScorerOnAFixture(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PY_SCORER), "reference scorer not here");
        Assumptions.assumeTrue(python3Works(), "python3 not available");
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(gold.resolve("a.json"), "{\"article\": \"a.txt\", \"events\": ["
                + "{\"type\": \"INJURY\", \"count\": 30}, {\"type\": \"INJURY\", \"count\": 50}, {\"type\": \"CLASH\"},"
                + "{\"type\": \"PROTEST\", \"count\": null}, {\"type\": \"APPEAL\"}]}");
        Files.writeString(gold.resolve("b.json"), "{\"article\": \"b.txt\", \"events\": ["
                + "{\"type\": \"ARREST\", \"count\": 14}, {\"type\": \"RESIGNATION\", \"count\": null}]}");
        Path pred = dir.resolve("p.jsonl");
        Files.writeString(pred, String.join("\n",
                "{\"article\": \"x/a.txt\", \"type\": \"injury\", \"count\": 30}",
                "{\"article\": \"a.txt\", \"type\": \"INJURY\", \"count\": \"50\"}",
                "{\"article\": \"a.txt\", \"type\": \"CLASH\", \"count\": 3}",
                "{\"article\": \"a.txt\", \"type\": \"CLASH\", \"count\": null}",
                "{\"article\": \"a.txt\", \"type\": \"PROTEST\", \"count\": 100}",
                "not json",
                "{\"article\": \"b.txt\", \"type\": \"ARREST\", \"count\": 14.0}",
                "{\"article\": \"b.txt\", \"type\": \"DISMISSAL\", \"count\": 1}",
                "{\"article\": \"c.txt\", \"type\": \"ARREST\", \"count\": 2}", ""), StandardCharsets.UTF_8);
        GoldFiles.Gold g = GoldFiles.readGold(gold);
        ScoreResult java = new EventScorer().score(g.events(), GoldFiles.readPredictions(pred, new int[1]));
        Map<String, double[]> python = runPython(gold, pred);
        assertClose(java.types(), python.get("type"));
        assertClose(java.counts(), python.get("count"));
        assertClose(java.events(), python.get("ev"));
    }

    private static void assertClose(Prf prf, double[] pyPrf) {
        assertThat(prf.precision()).isCloseTo(pyPrf[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prf.recall()).isCloseTo(pyPrf[1], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prf.f1()).isCloseTo(pyPrf[2], org.assertj.core.data.Offset.offset(1e-9));
    }

    private static boolean python3Works() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Map<String, double[]> runPython(Path gold, Path pred) throws Exception {
        Process p = new ProcessBuilder("python3", PY_SCORER.toString(), gold.toString(), pred.toString(), "--json")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, double[]> res = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(type|count|ev)\": \\{\"p\": ([0-9.e-]+), \"r\": ([0-9.e-]+), \"f\": ([0-9.e-]+)\\}")
                .matcher(out);
        while (m.find()) {
            res.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))});
        }
        assertThat(res).as(out).containsKeys("type", "count", "ev");
        return res;
    }
}

package org.tensionwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.cli.ReplayCommand;

/**
 * Canonical events and indicators are a function of the archive, not of the order it is replayed in nor of crashes:
 * the same archive (synthetic coverage over 60 days, the project's samples, and corrected versions of some articles)
 * is replayed with {@code replay} into a fresh service in publication order, into another in a shuffled order, and
 * into a third that is killed with SIGKILL twice while it processes (restarted each time on the same data directory
 * and broker). Each ends with the same canonical events and daily indicators on the topics, as a consumer reads them.
 * Every service runs with three partitions, so regions share tasks.
 */
class ReplayOrderAndCrashIT {

    @TempDir
    Path workDir;

    @Test
    void shouldGiveTheSameEventsAndIndicatorsInAnotherOrderAndAfterTwoKills() throws IOException {
        List<String> archive = TestArchive.inPublicationOrder(TestArchive.build(workDir, 600));
        assertThat(archive).hasSize(600 + 22 + 24);
        List<String> shuffled = shuffledWithinGracePeriod(archive, new Random(16));
        assertThat(shuffled).isNotEqualTo(archive);

        Map<String, String> inOrder = runClean("in-order", archive, false);
        assertThat(inOrder.keySet()).as("events and rows of the samples' Kosovo and of the synthetic regions")
                .anyMatch(k -> k.startsWith("event XK|")).anyMatch(k -> k.startsWith("row XK|"))
                .hasSizeGreaterThan(200);

        // the replay command publishes in publication order whatever the file's: the other order is posted over HTTP
        Map<String, String> otherOrder = runClean("shuffled", shuffled, true);
        assertThat(SettledTopics.difference(inOrder, otherOrder)).as("shuffled order against publication order").isEmpty();

        // killed twice while processing, each time right after a third of the archive went in
        Path dataDir = workDir.resolve("killed");
        int brokerPort = ServiceProcess.freePort();
        int third = archive.size() / 3;
        List<List<String>> parts = List.of(archive.subList(0, third), archive.subList(third, 2 * third),
                archive.subList(2 * third, archive.size()));
        Map<String, String> afterKills = null;
        for (int part = 0; part < parts.size(); part++) {
            ServiceProcess service = start(dataDir, brokerPort);
            try {
                replay(parts.get(part), "killed-" + part, brokerPort);
                if (part < parts.size() - 1) {
                    service.kill();
                    continue;
                }
                afterKills = SettledTopics.settled("localhost:" + brokerPort);
            } finally {
                service.close();
            }
        }
        assertThat(SettledTopics.difference(inOrder, afterKills)).as("after two kills against a clean run").isEmpty();
    }

    /**
     * Each article arriving at a random time from its publication to 29 days later, as an archive gathered from several
     * outlets' feeds would (the grace period is 30 days); the versions of one url keep their order, as Kafka keeps one
     * key's order.
     */
    private static List<String> shuffledWithinGracePeriod(List<String> lines, Random random) {
        Map<String, List<java.time.Instant>> arrivalsByUrl = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (String line : lines) {
            String url = TestArchive.url(line);
            urls.add(url);
            arrivalsByUrl.computeIfAbsent(url, u -> new ArrayList<>())
                    .add(TestArchive.published(line).plusSeconds((long) (random.nextDouble() * Duration.ofDays(29).toSeconds())));
        }
        arrivalsByUrl.values().forEach(arrivals -> arrivals.sort(java.util.Comparator.naturalOrder()));
        Map<String, Integer> next = new HashMap<>();
        List<java.time.Instant> arrival = new ArrayList<>();
        for (String url : urls) {
            arrival.add(arrivalsByUrl.get(url).get(next.merge(url, 1, Integer::sum) - 1));
        }
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, lines.size()).boxed().toList());
        order.sort(java.util.Comparator.comparing(arrival::get));
        return order.stream().map(lines::get).toList();
    }

    private Map<String, String> runClean(String name, List<String> lines, boolean posted) throws IOException {
        int brokerPort = ServiceProcess.freePort();
        try (ServiceProcess service = start(workDir.resolve(name), brokerPort)) {
            if (posted) {
                post(service, lines);
            } else {
                replay(lines, name, brokerPort);
            }
            return SettledTopics.settled("localhost:" + brokerPort);
        }
    }

    /** Each line posted to {@code /api/articles} in this order, as outlets' feeds would deliver them. */
    private static void post(ServiceProcess service, List<String> lines) {
        for (String line : lines) {
            io.restassured.RestAssured.given().baseUri(service.baseUri().toString())
                    .contentType(io.restassured.http.ContentType.JSON).body(line)
                    .post("/api/articles").then().statusCode(202);
        }
    }

    private static ServiceProcess start(Path dataDir, int brokerPort) {
        return ServiceProcess.start(dataDir, Map.of("tension.samples.enabled", "false",
                "tension.broker.port", String.valueOf(brokerPort), "tension.topics.partitions", "3"));
    }

    private void replay(List<String> lines, String name, int brokerPort) throws IOException {
        Path file = workDir.resolve(name + ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = new ReplayCommand().run(List.of("--bootstrap-servers", "localhost:" + brokerPort, "--checkpoint",
                workDir.resolve(name + ".checkpoint").toString(), "--progress", "none", file.toString()), print, print);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }
}

package org.tensionwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.cli.BenchCommand;
import org.tensionwatch.cli.ReplayCommand;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.Topics;

/**
 * Canonical events and indicators are a function of the archive, not of the order it is replayed in nor of crashes:
 * the same archive (synthetic coverage over 60 days, the project's samples, and corrected versions of some articles)
 * is replayed with {@code replay} into a fresh service in publication order, into another in a shuffled order, and
 * into a third that is killed with SIGKILL twice while it processes (restarted each time on the same data directory
 * and broker). Each ends with the same canonical events and daily indicators on the topics, as a consumer reads them.
 * Every service runs with three partitions, so regions share tasks.
 */
class ReplayOrderAndCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topics TOPICS = Topics.defaults();

    @TempDir
    Path workDir;

    @Test
    void shouldGiveTheSameEventsAndIndicatorsInAnotherOrderAndAfterTwoKills() throws IOException {
        List<String> archive = inPublicationOrder(archive());
        List<String> shuffled = shuffledWithinGracePeriod(archive, new Random(16));
        assertThat(shuffled).isNotEqualTo(archive);

        Map<String, String> inOrder = runClean("in-order", archive, false);
        assertThat(inOrder.keySet()).as("events and rows of the samples' Kosovo and of the synthetic regions")
                .anyMatch(k -> k.startsWith("event XK|")).anyMatch(k -> k.startsWith("row XK|"))
                .hasSizeGreaterThan(200);

        // the replay command publishes in publication order whatever the file's: the other order is posted over HTTP
        Map<String, String> otherOrder = runClean("shuffled", shuffled, true);
        assertThat(difference(inOrder, otherOrder)).as("shuffled order against publication order").isEmpty();

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
                afterKills = settled(brokerPort);
            } finally {
                service.close();
            }
        }
        assertThat(difference(inOrder, afterKills)).as("after two kills against a clean run").isEmpty();
    }

    /**
     * The archive as replay lines: 600 synthetic articles, the samples, then corrections of every 25th synthetic
     * article (same url and publication time, the first paragraph only, as an outlet trims a story).
     */
    private List<String> archive() throws IOException {
        Path synthetic = workDir.resolve("synthetic.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(new BenchCommand().run(List.of("--write-archive", synthetic.toString(), "--articles", "600",
                "--size-kb", "2", "--days", "60", "--seed", "7"), print, print)).as(out.toString(StandardCharsets.UTF_8))
                .isZero();
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
        List<String> corrected = new ArrayList<>();
        for (int i = 0; i < 600; i += 25) {
            ObjectNode article = (ObjectNode) JSON.readTree(lines.get(i));
            String body = article.path("body").asText();
            int paragraph = body.indexOf("\n\n");
            article.put("body", paragraph > 0 ? body.substring(0, paragraph) : "The report has been withdrawn.");
            corrected.add(JSON.writeValueAsString(article));
        }
        assertThat(corrected).hasSize(24);
        lines.addAll(corrected);
        return lines;
    }

    private static java.time.Instant published(String line) throws IOException {
        return java.time.Instant.parse(JSON.readTree(line).path("publishedAt").asText());
    }

    /** Sorted by publication time; a correction, published at the same time, stays after its original. */
    private static List<String> inPublicationOrder(List<String> lines) throws IOException {
        Map<String, java.time.Instant> at = new HashMap<>();
        for (String line : lines) {
            at.put(line, published(line));
        }
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing(at::get));
        return sorted;
    }

    /**
     * Each article arriving at a random time from its publication to 29 days later, as an archive gathered from several
     * outlets' feeds would (the grace period is 30 days); the versions of one url keep their order, as Kafka keeps one
     * key's order.
     */
    private static List<String> shuffledWithinGracePeriod(List<String> lines, Random random) throws IOException {
        Map<String, List<java.time.Instant>> arrivalsByUrl = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (String line : lines) {
            String url = JSON.readTree(line).path("url").asText(line);
            urls.add(url);
            arrivalsByUrl.computeIfAbsent(url, u -> new ArrayList<>())
                    .add(published(line).plusSeconds((long) (random.nextDouble() * Duration.ofDays(29).toSeconds())));
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
            return settled(brokerPort);
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

    /**
     * What a consumer of the topics ends with once the three applications have processed every record and two reads
     * two seconds apart agree (the last merge of waiting reports follows the input by a second): each canonical event
     * and daily row by its key, tombstones removing.
     */
    private static Map<String, String> settled(int brokerPort) {
        Map<String, String> last = new HashMap<>();
        Map<String, String> settled = new TreeMap<>();
        await("caught up and settled").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (!ServiceProcess.caughtUp(brokerPort)) {
                return false;
            }
            Map<String, String> now = new TreeMap<>();
            read(brokerPort, TOPICS.canonicalEvents(), "event ", now);
            read(brokerPort, TOPICS.indicators(), "row ", now);
            boolean same = now.equals(last) && !now.isEmpty();
            last.clear();
            last.putAll(now);
            if (same) {
                settled.putAll(now);
            }
            return same;
        });
        return settled;
    }


    /**
     * The topic read from its start to its end (committed records only), the latest value of each key; a tombstone, or
     * a day row left without events, removes it.
     */
    private static <V> void read(int brokerPort, Topic<String, V> topic, String prefix, Map<String, String> into) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Deserializer<V> values = topic.valueSerde().deserializer();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() == null || r.value() instanceof org.tensionwatch.avro.RegionIndicators row
                            && row.getEvents() == 0) {
                        into.remove(prefix + r.key());
                    } else {
                        into.put(prefix + r.key(), r.value().toString());
                    }
                });
            }
        }
    }

    /** Keys whose values differ, with both values, for a readable failure. */
    private static Map<String, String> difference(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> differ = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                differ.put(k, "expected " + v + "\n    but was " + actual.get(k));
            }
        });
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                differ.put(k, "unexpected " + v);
            }
        });
        return differ;
    }
}

package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.Article;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.KafkaArticleSink;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.replay.ArticleArchive;
import org.tensionwatch.replay.Checkpoint;
import org.tensionwatch.replay.Pacer;
import org.tensionwatch.replay.Progress;
import org.tensionwatch.replay.ReplayPlan;
import org.tensionwatch.replay.Replayer;

/** The replay command on a real broker: every article once, in publication order, across an interruption. */
class ReplayCommandTest {

    @TempDir
    static Path brokerDir;

    @TempDir
    Path dir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(brokerDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldPublishAnArchiveOnceInPublicationOrderAndResumeAfterAnInterruption() throws Exception {
        Path archive = writeArchive(40);
        String topic = "replay-test.articles";
        Path checkpointFile = dir.resolve("replay.checkpoint");

        // a first run stopped after 15 articles, as Ctrl-C stops the command
        ArticleArchive reader = new ArticleArchive(1 << 20);
        ReplayPlan plan = ReplayPlan.of(reader.scan(archive).entries(), null, null);
        Topic<String, Article> articles = new Topic<>(topic, Topics.defaults().articles().keySerde(),
                Topics.defaults().articles().valueSerde());
        AtomicInteger asked = new AtomicInteger();
        TopicCreator.createMissing(broker.bootstrapServers(), Map.of(topic, Map.of("cleanup.policy", "compact")), 3, (short) 1);
        try (KafkaArticleSink sink = new KafkaArticleSink(broker.bootstrapServers(), articles, Clock.systemUTC())) {
            Replayer.Outcome stopped = new Replayer(reader, sink, new Checkpoint(checkpointFile), new Pacer(null, Clock.systemUTC()),
                    d -> { }, Clock.systemUTC(), Duration.ofSeconds(1))
                    .run(plan, () -> asked.incrementAndGet() > 15,
                            done -> new Progress(new PrintStream(new ByteArrayOutputStream()), Progress.Style.NONE,
                                    Clock.systemUTC(), Duration.ofSeconds(5), plan.size(), done), w -> { });
            assertThat(stopped.published()).isEqualTo(15);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ReplayCommand().run(List.of("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                        "--checkpoint", checkpointFile.toString(), "--progress", "lines", archive.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("resuming after 15 articles")
                .contains("done, 40 of 40 articles published")
                .contains("replay: 40/40 articles (100%)");
        List<ConsumerRecord<String, Article>> records = readAll(topic, articles);
        assertThat(records).hasSize(40);
        assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> assertThat(Instant.ofEpochMilli(r.timestamp())).isEqualTo(r.value().getPublishedAt()));
        // within each partition, in publication order
        Map<Integer, List<Instant>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.value().getPublishedAt()));
        byPartition.values().forEach(times -> assertThat(times).isSorted());

        // a third run of the same command has nothing left to send
        int again = new ReplayCommand().run(List.of("--bootstrap-servers", broker.bootstrapServers(), "--topic", topic,
                        "--checkpoint", checkpointFile.toString(), "--progress", "none", archive.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(again).isZero();
        assertThat(readAll(topic, articles)).hasSize(40);
    }

    @Test
    void shouldExplainBadUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream none = new PrintStream(new ByteArrayOutputStream());

        assertThat(new ReplayCommand().run(List.of(), none, errStream)).isEqualTo(2);
        assertThat(new ReplayCommand().run(List.of("--speed", "0", "a.jsonl"), none, errStream)).isEqualTo(2);
        assertThat(new ReplayCommand().run(List.of("--from", "2026-10-05", "--to", "2026-10-01", "a.jsonl"), none, errStream)).isEqualTo(2);
        assertThat(new ReplayCommand().run(List.of("--bootstrap-servers", broker.bootstrapServers(),
                dir.resolve("missing.jsonl").toString()), none, errStream)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no archive given")
                .contains("--speed must be a number above 0")
                .contains("--to 2026-10-01 is before --from 2026-10-05")
                .contains("cannot read the archive: no such file or directory");
    }

    private Path writeArchive(int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = n - 1; i >= 0; i--) {
            Instant published = Instant.parse("2026-09-01T06:00:00Z").plusSeconds(3_600L * 5 * i);
            lines.add("{\"title\":\"Blockade day " + i + "\",\"body\":\"Farmers kept tractors across the highway, day "
                    + i + ".\",\"publishedAt\":\"" + published + "\",\"source\":\"Test Wire\",\"url\":\"https://example.org/b/" + i + "\"}");
        }
        return Files.write(dir.resolve("archive.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, Article>> readAll(String topic, Topic<String, Article> articles) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<ConsumerRecord<String, Article>> records = new ArrayList<>();
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(p, articles.keySerde().deserializer(),
                articles.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= end;
            });
        }
        return records;
    }
}

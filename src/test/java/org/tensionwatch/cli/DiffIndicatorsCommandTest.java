package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;

/** The diff-indicators command on a real broker, over indicators topics written here record by record. */
class DiffIndicatorsCommandTest {

    @TempDir
    static Path brokerDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBrokerWithTwoVersions() throws Exception {
        broker = EmbeddedKafkaBroker.start(brokerDir, 0);
        TopicCreator.createMissing(broker.bootstrapServers(), Map.of("tension.indicators", Map.of("cleanup.policy", "compact"),
                "tension.v2.indicators", Map.of("cleanup.policy", "compact")), 2, (short) 1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        var serde = Topics.defaults().indicators();
        try (KafkaProducer<String, RegionIndicators> producer = new KafkaProducer<>(props, serde.keySerde().serializer(),
                serde.valueSerde().serializer())) {
            // the current version: GE on the 13th first counted 9 arrests, then 14 (the latest counts)
            send(producer, "tension.indicators", row("GE", "2026-10-13", 9, 1));
            send(producer, "tension.indicators", row("GE", "2026-10-13", 14, 1));
            send(producer, "tension.indicators", row("AM", "2026-10-14", 40, 1));
            // v2: 14 on the 13th, 9 more on the 14th; a day that was retracted (tombstone); another region alike
            send(producer, "tension.v2.indicators", row("GE", "2026-10-13", 14, 1));
            send(producer, "tension.v2.indicators", row("GE", "2026-10-14", 9, 1));
            send(producer, "tension.v2.indicators", row("GE", "2026-10-15", 2, 1));
            producer.send(new ProducerRecord<>("tension.v2.indicators", "GE|2026-10-15", null)).get();
            send(producer, "tension.v2.indicators", row("AM", "2026-10-14", 40, 1));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldPrintTheDaysAndIndicatorsThatDifferWithASummary() {
        Run run = run("--bootstrap-servers", broker.bootstrapServers(), "--new", "v2", "--region", "ge",
                "--from", "2026-10-12", "--to", "2026-10-15");

        assertThat(run.exit()).as(run.err()).isZero();
        // written here, not by the service: no Streams application has processed anything
        assertThat(run.err()).contains("warning: the Streams application tension-watch-v2-extraction has processed nothing")
                .contains("tension-watch-indicators-v3 has processed nothing");
        assertThat(run.out().lines()).containsExactly(
                "diff-indicators: GE from 2026-10-12 to 2026-10-15, tension.indicators (current) -> tension.v2.indicators (v2)",
                "2026-10-14  arrests  0 -> 9",
                "2026-10-14  events   0 -> 1",
                "2026-10-14  reports  0 -> 1",
                "2026-10-14  sources  0 -> 1",
                "diff-indicators: 4 differences on 1 of 4 days; totals: arrests 14 -> 23, events 1 -> 2, reports 1 -> 2");
    }

    @Test
    void shouldSayWhenNothingDiffers() {
        Run run = run("--bootstrap-servers", broker.bootstrapServers(), "--new", "v2", "--region", "AM",
                "--from", "2026-10-01", "--to", "2026-10-31");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).endsWith("diff-indicators: no differences on 31 days\n");
    }

    @Test
    void shouldNameAMissingTopicAndExitWithOne() {
        Run run = run("--bootstrap-servers", broker.bootstrapServers(), "--new", "v3", "--region", "GE",
                "--from", "2026-10-12", "--to", "2026-10-15");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("there is no topic tension.v3.indicators on " + broker.bootstrapServers());
    }

    @Test
    void shouldExplainBadArgumentsAndExitWithTwo() {
        List<List<String>> bad = List.of(
                List.of("--region", "GE", "--from", "2026-10-12", "--to", "2026-10-15"),
                List.of("--new", "v2", "--region", "Georgia", "--from", "2026-10-12", "--to", "2026-10-15"),
                List.of("--new", "v2", "--region", "GE", "--from", "2026-10-15", "--to", "2026-10-12"),
                List.of("--new", "v2", "--region", "GE", "--from", "12.10.2026", "--to", "2026-10-15"),
                List.of("--new", "V2!", "--region", "GE", "--from", "2026-10-12", "--to", "2026-10-15"),
                List.of("--new", "v2", "--old", "v2", "--region", "GE", "--from", "2026-10-12", "--to", "2026-10-15"),
                List.of("--new", "v2", "--region", "GE", "--from", "2026-10-12"),
                List.of("--new", "v2", "--region", "GE", "--from", "2026-10-12", "--to", "2026-10-15", "--colour", "red"));
        List<String> expected = List.of("--new is required", "two-letter country code", "is before --from",
                "needs a date (YYYY-MM-DD), not 12.10.2026", "lower-case letters", "the same derivation",
                "--region, --from and --to are required", "unknown option --colour");
        for (int i = 0; i < bad.size(); i++) {
            Run run = run(bad.get(i).toArray(String[]::new));
            assertThat(run.exit()).as(bad.get(i).toString()).isEqualTo(2);
            assertThat(run.err()).as(bad.get(i).toString()).contains(expected.get(i)).contains("usage: diff-indicators");
            assertThat(run.out()).isEmpty();
        }
    }

    private static RegionIndicators row(String region, String day, long arrests, long events) {
        LocalDate d = LocalDate.parse(day);
        return RegionIndicators.newBuilder().setRegion(region).setWindowStart(d).setWindowEnd(d).setArrests(arrests)
                .setEvents(events).setReports(events).setSources(1).setAlertLevel(null).setTensionIndex(null).build();
    }

    private static void send(KafkaProducer<String, RegionIndicators> producer, String topic, RegionIndicators row)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, row.getRegion() + "|" + row.getWindowStart(), row)).get();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new DiffIndicatorsCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

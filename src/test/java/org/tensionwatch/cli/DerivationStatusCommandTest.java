package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.TopicCreator;

/** derivation-status on a real broker, with consumer groups that have committed offsets set here. */
class DerivationStatusCommandTest {

    @TempDir
    static Path brokerDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBrokerWithFiveRecords() throws Exception {
        broker = EmbeddedKafkaBroker.start(brokerDir, 0);
        TopicCreator.createMissing(broker.bootstrapServers(), Map.of("tension.articles", Map.of()), 1, (short) 1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("tension.articles", "a" + i, "x")).get();
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void shouldSayHowFarEachApplicationIsBehindAndWhenItHasCaughtUp() throws Exception {
        TopicPartition articles = new TopicPartition("tension.articles", 0);
        commit("tension-watch-v7-extraction", articles, 2);
        commit("tension-watch-v7-indicators-v3", articles, 5);

        Run behind = run("--bootstrap-servers", broker.bootstrapServers(), "--derivation", "v7");

        assertThat(behind.exit()).isEqualTo(1);
        assertThat(behind.out().lines()).containsExactly(
                "tension-watch-v7-extraction      3 records behind",
                "tension-watch-v7-indicators-v3   0 records behind",
                "tension-watch-v7-alerts-v2       has processed nothing yet");

        commit("tension-watch-v7-extraction", articles, 5);
        commit("tension-watch-v7-alerts-v2", articles, 5);
        Run caughtUp = run("--bootstrap-servers", broker.bootstrapServers(), "--derivation", "v7", "--wait", "--timeout", "30");

        assertThat(caughtUp.exit()).as(caughtUp.err()).isZero();
        assertThat(caughtUp.out()).contains("tension-watch-v7-extraction      0 records behind")
                .containsPattern("derivation-status: v7 caught up after \\d+\\.\\d s");
    }

    @Test
    void shouldCountAPartitionNoTaskHasCommittedOnYetAsBehindByAllItsRecords() throws Exception {
        TopicCreator.createMissing(broker.bootstrapServers(), Map.of("tension.v8.events", Map.of()), 2, (short) 1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("tension.v8.events", 0, "e0", "x")).get();
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>("tension.v8.events", 1, "e" + i, "x")).get();
            }
        }
        // the task of partition 0 has committed; the one of partition 1 has not started
        commit("tension-watch-v8-indicators-v3", new TopicPartition("tension.v8.events", 0), 1);

        Run run = run("--bootstrap-servers", broker.bootstrapServers(), "--derivation", "v8");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("tension-watch-v8-indicators-v3   3 records behind");
    }

    @Test
    void shouldExplainBadArguments() {
        Run run = run("--derivation", "V7");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("lower-case").contains("usage: derivation-status");
    }

    private static void commit(String group, TopicPartition partition, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new DerivationStatusCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

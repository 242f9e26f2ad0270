package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.kafka.KafkaConnection;

/** The kafka.* pass-through settings: from the configuration and the environment, secrets never in a log line. */
class KafkaClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everyKafkaSettingButTheBootstrapServersPassesThroughWithoutItsPrefix() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.bootstrap.servers", "kafka-1:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "tension.data-dir", "/var/lib/tension-watch"), "test", 100)).build();

        Map<String, String> settings = KafkaClientSettings.of(config, Map.of(
                "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"u\" password=\"p\";",
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "HOME", "/root"));

        assertThat(settings).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"p\";"));
    }

    @Test
    void aConnectionNamesItsClusterWithItsSecretsHidden() {
        KafkaConnection kafka = new KafkaConnection("kafka-1:9093", Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.password", "changeit"));

        assertThat(kafka.toString()).contains("kafka-1:9093").contains("SASL_SSL").doesNotContain("password=\"p\"")
                .doesNotContain("changeit");
        assertThat(kafka.properties()).containsEntry("bootstrap.servers", "kafka-1:9093").containsEntry("security.protocol", "SASL_SSL");
        assertThat(kafka.secured()).isTrue();
        assertThat(KafkaConnection.plaintext("localhost:9092").secured()).isFalse();
    }

    @Test
    void aClientConfigurationFileGivesTheSettingsAndTheBootstrapServersIfNotGiven() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=kafka-1:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");

        assertThat(KafkaConnection.of(null, file).bootstrapServers()).isEqualTo("kafka-1:9093");
        assertThat(KafkaConnection.of("other:9093", file).bootstrapServers()).isEqualTo("other:9093");
        assertThat(KafkaConnection.of(null, file).settings()).containsOnlyKeys("security.protocol", "sasl.mechanism");
    }
}

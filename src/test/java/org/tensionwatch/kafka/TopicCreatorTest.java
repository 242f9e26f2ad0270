package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real broker: missing topics are created, existing ones keep their partitions, and both counts are told. */
class TopicCreatorTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateWhatIsMissingAndTellEveryTopicsPartitionCount() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("existing.events", 2, (short) 1))).all().get();
            }

            Map<String, Integer> partitions = TopicCreator.createMissing(broker.bootstrapServers(),
                    Map.of("existing.events", Map.of(), "new.indicators", Map.of("cleanup.policy", "compact")), 3, (short) 1);

            assertThat(partitions).containsExactlyInAnyOrderEntriesOf(Map.of("existing.events", 2, "new.indicators", 3));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                // a topic just created may take a moment to be in the metadata a loaded broker lists
                org.awaitility.Awaitility.await("both topics listed").atMost(java.time.Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(admin.listTopics().names().get()).contains("existing.events", "new.indicators"));
            }
        }
    }
}

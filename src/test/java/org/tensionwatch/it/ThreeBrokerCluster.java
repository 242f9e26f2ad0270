package org.tensionwatch.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.EmbeddedKafkaBroker.ClusterNode;

/**
 * A Kafka cluster of three KRaft nodes (each broker and controller), each a separate JVM on loopback with its own log
 * directory, so that one can be killed with SIGKILL and restarted on its logs as a machine that loses power would be.
 */
final class ThreeBrokerCluster implements AutoCloseable {

    private final Path dir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final Process[] processes;

    ThreeBrokerCluster(Path dir, int size) {
        this.dir = dir;
        for (int id = 1; id <= size; id++) {
            nodes.add(new ClusterNode(id, EmbeddedKafkaBroker.freePort(), EmbeddedKafkaBroker.freePort()));
        }
        processes = new Process[size];
    }

    /** Starts every node and waits until all are brokers of the cluster. */
    ThreeBrokerCluster start() {
        for (ClusterNode node : nodes) {
            processes[node.nodeId() - 1] = launch(node);
        }
        awaitBrokers(nodes.size());
        return this;
    }

    String bootstrapServers() {
        return String.join(",", nodes.stream().map(n -> "localhost:" + n.port()).toList());
    }

    /** SIGKILL, as a power loss: no flush, no controlled shutdown. */
    void kill(int nodeId) {
        Process process = processes[nodeId - 1];
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitBrokers(nodes.size() - 1);
    }

    /** Starts a killed node again on its log directory and waits until every partition has all its replicas in sync. */
    void restart(int nodeId) {
        processes[nodeId - 1] = launch(nodes.get(nodeId - 1));
        awaitBrokers(nodes.size());
        await("every replica back in sync").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(this::allReplicasInSync);
    }

    private boolean allReplicasInSync() throws Exception {
        try (Admin admin = admin()) {
            Collection<TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get()).allTopicNames()
                    .get().values();
            return topics.stream().flatMap(t -> t.partitions().stream())
                    .allMatch(p -> p.isr().size() == p.replicas().size());
        }
    }

    private void awaitBrokers(int count) {
        await(count + " brokers in the cluster").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == count;
                    }
                });
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private Process launch(ClusterNode node) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), ThreeBrokerClusterNodeMain.class.getName(),
                dir.resolve("node-" + node.nodeId()).toAbsolutePath().toString(), clusterId,
                String.valueOf(node.nodeId())));
        nodes.forEach(n -> command.add(n.nodeId() + ":" + n.port() + ":" + n.controllerPort()));
        try {
            Files.createDirectories(dir);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node-" + node.nodeId() + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            if (process != null) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            try {
                if (process != null && !process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

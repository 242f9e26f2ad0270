package org.tensionwatch.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.EmbeddedKafkaBroker.ClusterNode;

/**
 * One node of {@link ThreeBrokerCluster}, in its own JVM so that the test can kill it with SIGKILL:
 * {@code LOG_DIR CLUSTER_ID NODE_ID ID:PORT:CONTROLLER_PORT...}. Runs until killed or stopped.
 */
public final class ThreeBrokerClusterNodeMain {

    private ThreeBrokerClusterNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path logDir = Path.of(args[0]);
        String clusterId = args[1];
        int nodeId = Integer.parseInt(args[2]);
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] parts = args[i].split(":");
            nodes.add(new ClusterNode(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
        }
        ClusterNode self = nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst().orElseThrow();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startClusterNode(logDir, self, nodes, clusterId);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }));
        System.out.println("NODE " + nodeId + " STARTED");
        stopped.await();
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real cluster: three KRaft brokers, each its own JVM (replication factor 3, two replicas in sync for a
 * write), and two service instances sharing the work with a warm standby of each other's state. One broker is killed
 * with SIGKILL while articles come in and restarted on its logs; then one instance is killed. Nothing is lost or counted
 * twice: the canonical events and daily rows on the topics equal those of a clean run of the same articles on one
 * broker, and the surviving instance answers every query once it has taken the dead one's tasks over.
 */
class ClusterFailuresIT {

    private static final Duration QUERY_POLL = Duration.ofMillis(200);

    @TempDir
    Path workDir;

    @Test
    void shouldLoseAndDoubleNothingWhenABrokerAndThenAnInstanceDie() throws IOException {
        List<String> archive = TestArchive.inPublicationOrder(TestArchive.build(workDir, 300));
        int quarter = archive.size() / 4;
        List<List<String>> parts = List.of(archive.subList(0, quarter), archive.subList(quarter, 2 * quarter),
                archive.subList(2 * quarter, 3 * quarter), archive.subList(3 * quarter, archive.size()));

        List<Map<String, String>> clean = cleanRun(archive.subList(0, 3 * quarter), parts.get(3));
        assertThat(clean.get(1).keySet()).anyMatch(k -> k.startsWith("event XK|")).hasSizeGreaterThan(100);

        try (ThreeBrokerCluster cluster = new ThreeBrokerCluster(workDir.resolve("cluster"), 3).start();
                ServiceProcess a = startInstance("a", cluster);
                ServiceProcess b = startInstance("b", cluster)) {
            post(parts.get(0), a, b);

            cluster.kill(2);
            long slowest = post(parts.get(1), a, b);
            System.out.printf("ClusterFailuresIT: with one broker of three dead, the slowest of %d posts took %d ms%n",
                    parts.get(1).size(), slowest);
            cluster.restart(2);
            post(parts.get(2), a, b);

            assertThat(SettledTopics.difference(clean.get(0), SettledTopics.settled(cluster.bootstrapServers())))
                    .as("after a broker was killed and restarted, against a clean run on one broker").isEmpty();
            String ranking = regions(b).asString();

            long killed = System.nanoTime();
            a.kill();
            await("the survivor answers again").atMost(Duration.ofMinutes(2)).pollInterval(QUERY_POLL)
                    .ignoreExceptions().until(() -> {
                        Response r = regions(b);
                        return r.statusCode() == 200 && r.asString().equals(ranking);
                    });
            long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("ClusterFailuresIT: the surviving instance answered the whole ranking again %d ms after "
                    + "the other was killed%n", takeoverMs);

            post(parts.get(3), b);
            Map<String, String> afterFaults = SettledTopics.settled(cluster.bootstrapServers());
            assertThat(SettledTopics.difference(clean.get(1), afterFaults))
                    .as("after a broker and an instance were killed, against a clean run on one broker").isEmpty();
        }
    }

    /** The topics of one service on its embedded broker, settled after the first articles and after the rest. */
    private List<Map<String, String>> cleanRun(List<String> first, List<String> rest) {
        int brokerPort = ServiceProcess.freePort();
        try (ServiceProcess service = ServiceProcess.start(workDir.resolve("clean"), Map.of("tension.samples.enabled",
                "false", "tension.broker.port", String.valueOf(brokerPort), "tension.topics.partitions", "3"))) {
            post(first, service);
            Map<String, String> afterFirst = SettledTopics.settled("localhost:" + brokerPort);
            post(rest, service);
            return List.of(afterFirst, SettledTopics.settled("localhost:" + brokerPort));
        }
    }

    private ServiceProcess startInstance(String name, ThreeBrokerCluster cluster) {
        return ServiceProcess.start(workDir.resolve(name), Map.of(
                "kafka.bootstrap.servers", cluster.bootstrapServers(),
                "tension.samples.enabled", "false",
                "tension.topics.partitions", "3",
                "tension.topics.replication-factor", "3",
                "tension.streams.standby-replicas", "1",
                "tension.streams.advertised-host", "localhost",
                // the test talks to the instances without credentials, as on the quick start
                "tension.security.allow-anonymous-writes", "true"));
    }

    /**
     * Each article posted in turn to the next instance, as a load balancer would spread them; the slowest answer's
     * milliseconds (an article is accepted once the cluster has it in two replicas).
     */
    private static long post(List<String> articles, ServiceProcess... instances) {
        long slowest = 0;
        for (int i = 0; i < articles.size(); i++) {
            long started = System.nanoTime();
            given().baseUri(instances[i % instances.length].baseUri().toString()).contentType(ContentType.JSON)
                    .body(articles.get(i)).post("/api/articles").then().statusCode(202);
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        return slowest;
    }

    private static Response regions(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString()).get("/api/regions");
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.tools.bench.LocalFeedServer;

/** Two instances on one broker share the feeds: each feed is polled by one of them, and both show every feed. */
class FeedsTwoInstancesIT {

    private static final int PARTITIONS = 3;
    private static final List<String> IDS = IntStream.range(0, 12).mapToObj(i -> "outlet-" + i).toList();

    @TempDir
    static Path workDir;

    @Test
    void shouldHaveEachFeedPolledByOneInstanceOnly() {
        Set<Integer> partitions = new HashSet<>();
        IDS.forEach(id -> partitions.add(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS));
        assertThat(partitions).as("the feeds fall in every partition, so both instances have some").hasSize(PARTITIONS);

        int brokerPort = ServiceProcess.freePort();
        try (LocalFeedServer server = LocalFeedServer.start();
                ServiceProcess a = ServiceProcess.start(workDir.resolve("a"), Map.of("tension.samples.enabled", "false",
                        "tension.broker.port", String.valueOf(brokerPort), "tension.streams.advertised-host", "localhost",
                        "tension.topics.partitions", String.valueOf(PARTITIONS), "tension.feeds.per-host-interval", "0s"));
                ServiceProcess b = ServiceProcess.start(workDir.resolve("b"), Map.of("tension.samples.enabled", "false",
                        "kafka.bootstrap.servers", "localhost:" + brokerPort, "tension.streams.advertised-host", "localhost",
                        "tension.feeds.per-host-interval", "0s", "tension.security.allow-anonymous-writes", "true"))) {
            for (String id : IDS) {
                server.document("/" + id + ".xml", "application/rss+xml", """
                        <?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://%s.example.org/</link>
                        <description>x</description></channel></rss>""".formatted(id, id));
                given().baseUri(a.baseUri().toString()).contentType(ContentType.JSON)
                        .body(Map.of("id", id, "url", server.uri("/" + id + ".xml").toString(), "source", id, "pollInterval", "1s"))
                        .post("/api/feeds").then().statusCode(201);
            }
            Set<String> instances = Set.of("localhost:" + a.port(), "localhost:" + b.port());
            // once the group has split the partitions, both instances poll, each its own feeds
            await("both instances polling").atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                    new HashSet<>(pollers(b).values()).equals(instances));
            Map<String, String> owners = pollers(a);
            Map<String, Integer> hitsBefore = new HashMap<>();
            IDS.forEach(id -> hitsBefore.put(id, server.hits("/" + id + ".xml")));
            long start = System.nanoTime();
            // six seconds in a row in which both instances show the same poller for every feed; a loaded machine can delay
            // one instance's view of the feeds topic for a moment, so the window may start up to 14 s later
            await("the same instance keeps polling each feed").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20))
                    .until(() -> pollers(a).equals(owners) && pollers(b).equals(owners));
            double seconds = (System.nanoTime() - start) / 1e9;
            for (String id : IDS) {
                int hits = server.hits("/" + id + ".xml") - hitsBefore.get(id);
                assertThat(hits).as("polls of %s in %.1f s with a poll interval of 1 s: one poller", id, seconds)
                        .isLessThanOrEqualTo((int) Math.ceil(seconds) + 1);
            }
        }
    }

    private static Map<String, String> pollers(ServiceProcess service) {
        JsonPath feeds = given().baseUri(service.baseUri().toString()).get("/api/feeds").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> byId = new HashMap<>();
        List<String> ids = feeds.getList("id");
        List<String> polledBy = feeds.getList("polledBy");
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), polledBy.get(i));
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
        return byId;
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.cli.ReplayCommand;

/**
 * The project's sample archive replayed with the {@code replay} command into a service that started empty gives the
 * same indicators as a service that ingested the same files at start-up.
 */
class ReplayIT {

    private static final String FROM = "2026-08-01";
    private static final String TO = "2026-11-30";

    @TempDir
    Path workDir;

    @Test
    void shouldGiveTheSameIndicatorsAsLiveIngestionOfTheSameArchive() {
        int brokerPort = ServiceProcess.freePort();
        try (ServiceProcess live = ServiceProcess.start(workDir.resolve("live"), Map.of("tension.samples.enabled", "true"));
                ServiceProcess replayed = ServiceProcess.start(workDir.resolve("replayed"), Map.of(
                        "tension.samples.enabled", "false", "tension.broker.port", String.valueOf(brokerPort)))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new ReplayCommand().run(List.of("--bootstrap-servers", "localhost:" + brokerPort,
                            "--checkpoint", workDir.resolve("samples.checkpoint").toString(), "--progress", "none",
                            "samples/articles"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();

            // one partition per topic: once a later sentinel shows, everything before it was processed
            for (ServiceProcess service : List.of(live, replayed)) {
                given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                        .body(TestArticles.nairobiSentinel("replay")).post("/api/articles").then().statusCode(202);
            }
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                    sentinelSeen(live) && sentinelSeen(replayed));

            Map<String, List<Map<String, Object>>> expected = everyRegion(live);
            assertThat(expected).as("the live service has the samples' regions").containsKeys("XK", "RS");
            assertThat(everyRegion(replayed)).isEqualTo(expected);
        }
    }

    private static boolean sentinelSeen(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/KE/indicators?from=2026-10-19&to=2026-10-19")
                .then().extract().jsonPath().getInt("[0].arrests") >= 3;
    }

    private static Map<String, List<Map<String, Object>>> everyRegion(ServiceProcess service) {
        List<String> regions = given().baseUri(service.baseUri().toString()).get("/api/regions?day=" + TO)
                .then().statusCode(200).extract().jsonPath().getList("region", String.class);
        Map<String, List<Map<String, Object>>> byRegion = new TreeMap<>();
        for (String region : new ArrayList<>(regions)) {
            byRegion.put(region, given().baseUri(service.baseUri().toString())
                    .get("/api/regions/" + region + "/indicators?from=" + FROM + "&to=" + TO)
                    .then().statusCode(200).extract().jsonPath().getList("$"));
        }
        return byRegion;
    }
}

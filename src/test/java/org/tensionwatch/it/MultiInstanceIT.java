package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one broker: whichever instance a dashboard asks, it gets the whole answer, even
 * for rows and alerts that live in the other instance's stores; an instance asked for partitions it does not hold
 * answers 503, never without them.
 */
class MultiInstanceIT {

    @TempDir
    Path workDir;

    @Test
    void shouldAnswerFromTheInstanceThatOwnsTheDataWhicheverInstanceIsAsked() {
        int brokerPort = ServiceProcess.freePort();
        // 3 partitions (the first instance creates the topics): the two instances share the tasks, and a region's rows
        // are found where the events topic's partitioning by region put them
        Map<String, String> first = Map.of("tension.samples.enabled", "false", "tension.broker.port", String.valueOf(brokerPort),
                "tension.streams.advertised-host", "localhost", "tension.topics.partitions", "3");
        try (ServiceProcess a = ServiceProcess.start(workDir.resolve("a"), first);
                ServiceProcess b = ServiceProcess.start(workDir.resolve("b"), Map.of("tension.samples.enabled", "false",
                        "kafka.bootstrap.servers", "localhost:" + brokerPort, "tension.streams.advertised-host", "localhost",
                        "tension.security.allow-anonymous-writes", "true"))) {
            given().baseUri(a.baseUri().toString()).contentType(ContentType.JSON).body(TestArticles.tbilisiArrests())
                    .post("/api/articles").then().statusCode(202);

            for (ServiceProcess asked : List.of(a, b)) {
                await("arrests seen through " + asked.baseUri()).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> given().baseUri(asked.baseUri().toString())
                                .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-13")
                                .then().statusCode(200).extract().jsonPath().getInt("[0].arrests") == 14);
            }
            List<Object> throughA = regions(a);
            assertThat(throughA).isNotEmpty().isEqualTo(regions(b));

            // a later article revises the figure; asked "as known" before it was read, both still answer 14
            given().baseUri(b.baseUri().toString()).contentType(ContentType.JSON).body(TestArticles.tbilisiArrestsRevised())
                    .post("/api/articles").then().statusCode(202);
            for (ServiceProcess asked : List.of(a, b)) {
                await("revised arrests seen through " + asked.baseUri()).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> arrestsOnTuesday(asked, "") == 21);
                assertThat(arrestsOnTuesday(asked, "&asOf=2026-10-14T12:00:00Z")).as("as known the day before").isEqualTo(14);
                assertThat(arrestsOnTuesday(asked, "&asOf=2026-10-15T08:00:00Z")).as("as known once the revision was read")
                        .isEqualTo(21);
                given().baseUri(asked.baseUri().toString())
                        .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-13&asOf=yesterday")
                        .then().statusCode(400);
            }
            assertThat(given().baseUri(a.baseUri().toString())
                    .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-13&asOf=2026-10-14T08:59:59Z")
                    .then().statusCode(200).extract().jsonPath().getInt("[0].events")).as("before anything was read").isZero();

            // alerts live in the alerts application's store on one instance; both list them
            TestArticles.quitoViolentProtestTwoOutlets().forEach(article -> given().baseUri(b.baseUri().toString())
                    .contentType(ContentType.JSON).body(article).post("/api/articles").then().statusCode(202));
            for (ServiceProcess asked : List.of(a, b)) {
                await("alert seen through " + asked.baseUri()).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(alertIds(asked)).contains("injuries|EC|2026-10-19"));
            }
            assertThat(alertIds(a)).isEqualTo(alertIds(b));
            for (ServiceProcess asked : List.of(a, b)) {
                // every region's alerts: each partition read once, by its owner; one alert with its steps: from the
                // owner of its region; a region's events: from the owner
                assertThat(given().baseUri(asked.baseUri().toString()).get("/api/alerts").then().statusCode(200)
                        .extract().jsonPath().getList("id")).as("every alert through " + asked.baseUri())
                        .containsExactlyElementsOf(alertIds(a));
                assertThat(given().baseUri(asked.baseUri().toString()).get("/api/alerts/{id}", "injuries|EC|2026-10-19")
                        .then().statusCode(200).extract().jsonPath().getList("steps")).isNotEmpty();
                given().baseUri(asked.baseUri().toString()).get("/api/alerts/{id}", "injuries|GE|2026-10-19")
                        .then().statusCode(404);
                assertThat(given().baseUri(asked.baseUri().toString()).get("/api/regions/GE/events?from=2026-10-13&to=2026-10-13")
                        .then().statusCode(200).extract().jsonPath().getList("id")).contains("GE|ARREST|protesters|2026-10-13");
            }
            // each partition is read by the one instance whose task for it is active; the other answers 503 for it
            // rather than an empty answer that would look like quiet regions
            for (String path : List.of("/api/internal/rows?from=2026-10-01&to=2026-10-31&partitions=",
                    "/api/internal/events?region=GE&from=2026-10-01&to=2026-10-31&partitions=",
                    "/api/internal/alerts?partitions=")) {
                await(path).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (int partition = 0; partition < 3; partition++) {
                        int fromA = given().baseUri(a.baseUri().toString()).get(path + partition).statusCode();
                        int fromB = given().baseUri(b.baseUri().toString()).get(path + partition).statusCode();
                        assertThat(List.of(fromA, fromB)).as(path + partition).containsExactlyInAnyOrder(200, 503);
                    }
                });
            }
        }
    }

    private static int arrestsOnTuesday(ServiceProcess service, String asOf) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-13" + asOf)
                .then().statusCode(200).extract().jsonPath().getInt("[0].arrests");
    }

    private static List<Object> alertIds(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString()).get("/api/alerts?region=EC")
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static List<Object> regions(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString()).get("/api/regions?day=2026-10-14")
                .then().statusCode(200).extract().jsonPath().getList("region");
    }
}

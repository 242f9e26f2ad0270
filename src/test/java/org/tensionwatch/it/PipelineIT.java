package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service on its own embedded broker: articles in over HTTP, indicators out over HTTP. */
class PipelineIT {

    @TempDir
    static Path workDir;

    static ServiceProcess service;

    @BeforeAll
    static void startService() {
        service = ServiceProcess.start(workDir.resolve("data"), Map.of("tension.samples.enabled", "false"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldTurnPostedArticlesIntoDailyIndicatorsOfTheirRegion() {
        post(TestArticles.tbilisiArrests()).statusCode(202).body("id", matchesPattern("[0-9a-f]{20}"));
        post(TestArticles.batumiArrests()).statusCode(202);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonPath rows = indicators("GE", "2026-10-13", "2026-10-15");
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-13' }.arrests")).isEqualTo(14);
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-13' }.injuries")).isEqualTo(9);
            org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-15' }.arrests")).isEqualTo(5);
        });
        JsonPath rows = indicators("GE", "2026-10-13", "2026-10-15");
        org.assertj.core.api.Assertions.assertThat(rows.getList("day")).containsExactly("2026-10-13", "2026-10-14", "2026-10-15");
        org.assertj.core.api.Assertions.assertThat(rows.getInt("find { it.day == '2026-10-14' }.events")).isZero();
    }

    @Test
    void shouldCountOneIncidentReportedByThreeOutletsOnceWithTheHighestExactFigure() {
        TestArticles.oneBorderClashThreeOutlets().forEach(article -> post(article).statusCode(202));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonPath day = indicators("AM", "2026-10-19", "2026-10-19");
            org.assertj.core.api.Assertions.assertThat(day.getInt("[0].reports")).isEqualTo(3);
        });
        JsonPath day = indicators("AM", "2026-10-19", "2026-10-19");
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].injuries")).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(day.getInt("[0].sources")).isEqualTo(3);
        JsonPath events = given().baseUri(service.baseUri().toString())
                .get("/api/regions/AM/events?from=2026-10-19&to=2026-10-19").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(events.getList("findAll { it.type == 'INJURY' }.best")).containsExactly(12);
        org.assertj.core.api.Assertions.assertThat(events.getList("find { it.type == 'INJURY' }.reports.source"))
                .containsExactlyInAnyOrder("Ararat Daily", "Caucasus Ledger", "Black Sea Herald");
    }

    @Test
    void shouldAnswerMalformedJsonWith400AndAMessage() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body("{\"title\": \"unfinished")
                .post("/api/articles")
                .then().statusCode(400).body("error", containsString("malformed JSON"));
    }

    @Test
    void shouldAnswerAMissingPublicationDateWith400NamingTheField() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "A headline", "body", "Some text."))
                .post("/api/articles")
                .then().statusCode(400).body("error", containsString("publishedAt"));
    }

    @Test
    void shouldAnswerAnOversizedBodyWith413() {
        String huge = "x".repeat(3 * 1024 * 1024);
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "Too long", "body", huge, "publishedAt", "2026-10-14"))
                .post("/api/articles")
                .then().statusCode(413);
    }

    @Test
    void shouldRejectAnInvalidDateRangeWith400() {
        given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-15&to=2026-10-01")
                .then().statusCode(400).body("error", containsString("from"));
    }

    static io.restassured.response.ValidatableResponse post(Map<String, Object> article) {
        return given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body(article)
                .post("/api/articles").then();
    }

    static JsonPath indicators(String region, String from, String to) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/" + region + "/indicators?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service with its default alert rules: two outlets report a violent protest in Quito with 27 injured,
 * and {@code GET /api/alerts} lists the injuries alert with the canonical event, both outlets and their links.
 */
class AlertsIT {

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
    void shouldListTheInjuriesAlertOfAViolentProtestWithItsEvidenceAndArticleLinks() {
        List<Map<String, Object>> articles = TestArticles.quitoViolentProtestTwoOutlets();
        articles.forEach(a -> given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body(a)
                .post("/api/articles").then().statusCode(202));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(alerts("EC", "2026-10-01", "2026-10-31").getList("id")).contains("injuries|EC|2026-10-19"));

        JsonPath alerts = alerts("EC", "2026-10-01", "2026-10-31");
        String alert = "find { it.id == 'injuries|EC|2026-10-19' }";
        assertThat(alerts.getString(alert + ".ruleId")).isEqualTo("injuries");
        assertThat(alerts.getString(alert + ".region")).isEqualTo("EC");
        assertThat(alerts.getString(alert + ".status")).isEqualTo("raised");
        assertThat(alerts.getString(alert + ".severity")).isEqualTo("medium");
        assertThat(alerts.getString(alert + ".kind")).isEqualTo("threshold");
        assertThat(alerts.getString(alert + ".window")).isEqualTo("P7D");
        assertThat(alerts.getDouble(alert + ".value")).isGreaterThanOrEqualTo(27.0);
        assertThat(alerts.getDouble(alert + ".threshold")).isEqualTo(20.0);
        assertThat(alerts.getString(alert + ".windowEnd")).isEqualTo("2026-10-19");
        assertThat(alerts.getInt(alert + ".sources")).isEqualTo(2);
        assertThat(alerts.getString(alert + ".message")).startsWith("EC injuries over 7 days: ");
        List<String> urls = alerts.getList(alert + ".events.urls.flatten()");
        assertThat(urls).contains("https://news.example.org/andes-observer/quito-clashes",
                "https://news.example.org/pacific-courier/quito-27-hurt");
        assertThat(alerts.getList(alert + ".events.sources.flatten()", String.class)).contains("Andes Observer", "Pacific Courier");
        assertThat(alerts.getList(alert + ".events.evidence", String.class)).allMatch(e -> e != null && e.contains("27"));

        // another region, or days before the window, list nothing of it
        assertThat(alerts("GE", "2026-10-01", "2026-10-31").getList("id")).isEmpty();
        assertThat(alerts("EC", "2026-09-01", "2026-09-30").getList("id")).doesNotContain("injuries|EC|2026-10-19");
        // every region without a filter
        assertThat(given().baseUri(service.baseUri().toString()).get("/api/alerts").then().statusCode(200)
                .extract().jsonPath().getList("id")).contains("injuries|EC|2026-10-19");
        String metrics = given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("tension_alerts_total\\{[^}]*severity=\"medium\"[^}]*status=\"raised\"[^}]*\\} [1-9]");
    }

    @Test
    void shouldAnswerABadRegionOrDateWith400() {
        given().baseUri(service.baseUri().toString()).get("/api/alerts?region=Kosovo").then().statusCode(400);
        given().baseUri(service.baseUri().toString()).get("/api/alerts?from=2026-10-31&to=2026-10-01").then().statusCode(400);
        given().baseUri(service.baseUri().toString()).get("/api/alerts?from=yesterday").then().statusCode(400);
    }

    private static JsonPath alerts(String region, String from, String to) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/alerts?region=" + region + "&from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }
}

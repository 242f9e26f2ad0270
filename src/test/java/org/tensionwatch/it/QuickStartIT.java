package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start on the packaged service: a fresh start on three partitions ingests the bundled samples and
 * raises exactly the alerts the README lists (one per rule and region, each on its day or within two weeks after), and each
 * alert's history is there to read.
 */
class QuickStartIT {

    /** The alerts the README's quick start lists, each raised on the day its events happened. */
    static final List<String> README_ALERTS = List.of(
            "activity-surge|XK|2026-10-04",
            "fatalities|KE|2026-10-14",
            "fatalities|PE|2026-11-06",
            "injuries|PE|2026-11-05",
            "injuries|XK|2026-10-01",
            "mass-arrests|KE|2026-10-14",
            "military-alert|RS|2026-09-28",
            "tension-index|KE|2026-10-14",
            "tension-index|PE|2026-11-05",
            "tension-index|XK|2026-09-28");

    @TempDir
    static Path workDir;

    static ServiceProcess service;
    static int brokerPort;

    @BeforeAll
    static void startService() {
        brokerPort = ServiceProcess.freePort();
        service = ServiceProcess.start(workDir.resolve("data"), Map.of("tension.samples.enabled", "true",
                "tension.broker.port", String.valueOf(brokerPort), "tension.topics.partitions", "3"));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldRaiseExactlyTheAlertsTheReadmeListsWithTheirHistory() {
        await("every record processed").atMost(Duration.ofMinutes(3)).until(() -> ServiceProcess.caughtUp(brokerPort));
        // the last merge and the alerts follow within seconds of the last record
        // the same ten alerts, one per rule and region; each raised on the README's day or, where the service read a
        // crossing's later days before its first ones (one crossing keeps the alert told), within two weeks after
        // (seen: Serbia's military alert on 28 September, 2 or 7 October)
        await("the README's alerts").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> {
                    List<String> ids = get("/api/alerts").getList("id", String.class);
                    assertThat(ids.stream().map(QuickStartIT::ruleAndRegion).toList())
                            .containsExactlyInAnyOrderElementsOf(README_ALERTS.stream().map(QuickStartIT::ruleAndRegion).toList());
                    for (String id : ids) {
                        LocalDate readme = day(README_ALERTS.stream().filter(a -> ruleAndRegion(a).equals(ruleAndRegion(id)))
                                .findFirst().orElseThrow());
                        assertThat(day(id)).as(id).isBetween(readme, readme.plusDays(13));
                    }
                });
        System.out.println("QuickStartIT alerts: " + get("/api/alerts").getList("id", String.class));

        // the Kosovo injuries alert cleared in the quiet weeks after: the list keeps its peak and the evidence
        JsonPath list = get("/api/alerts?region=XK");
        String injuries = "find { it.id == 'injuries|XK|2026-10-01' }";
        assertThat(list.getString(injuries + ".status")).isEqualTo("cleared");
        assertThat(list.getList(injuries + ".events")).isEmpty();
        assertThat(list.getString(injuries + ".peakSeverity")).isEqualTo("high");
        assertThat(list.getDouble(injuries + ".peakValue")).isGreaterThanOrEqualTo(50.0);
        assertThat(list.getList(injuries + ".peakEvents.eventId", String.class))
                .anyMatch(id -> id.startsWith("XK|INJURY|") && id.endsWith("|2026-10-01"));

        // its history: raised (escalated), cleared, each with its value and the events behind it
        JsonPath detail = given().baseUri(service.baseUri().toString()).urlEncodingEnabled(true)
                .get("/api/alerts/{id}", "injuries|XK|2026-10-01").then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("id")).isEqualTo("injuries|XK|2026-10-01");
        assertThat(detail.getString("peakSeverity")).isEqualTo("high");
        List<String> statuses = detail.getList("steps.status", String.class);
        assertThat(statuses).first().isEqualTo("raised");
        // raised medium and escalated as the toll came in, or raised high when the merge handed it over at once
        assertThat(statuses).last().isEqualTo("cleared");
        assertThat(detail.getList("steps.severity", String.class)).contains("high");
        assertThat(detail.getList("steps.value", Double.class)).allMatch(v -> v >= 0);
        assertThat(detail.getList("steps[0].events.urls.flatten()", String.class))
                .isNotEmpty().allMatch(url -> url.startsWith("https://news.example.org/"));

        // an unknown alert is a 404 with a message; an id that is none a 400, never a 500
        given().baseUri(service.baseUri().toString()).get("/api/alerts/{id}", "injuries|XK|2020-01-01")
                .then().statusCode(404).extract().jsonPath().getString("error").contains("injuries|XK|2020-01-01");
        for (String bad : List.of("nonsense", "injuries|Kosovo|2026-10-01", "injuries|XK|2026-13-45", "injuries|XK|99999-01-01")) {
            given().baseUri(service.baseUri().toString()).get("/api/alerts/{id}", bad).then().statusCode(400);
        }
    }

    private static String ruleAndRegion(String id) {
        return id.substring(0, id.lastIndexOf('|'));
    }

    private static LocalDate day(String id) {
        return LocalDate.parse(id.substring(id.lastIndexOf('|') + 1));
    }

    private static JsonPath get(String path) {
        return given().baseUri(service.baseUri().toString()).get(path).then().statusCode(200).extract().jsonPath();
    }

}

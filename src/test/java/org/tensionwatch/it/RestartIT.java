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

/** Stopping and starting the service on the same data directory keeps its indicators, and ingesting the same articles again changes nothing. */
class RestartIT {

    @TempDir
    Path workDir;

    @Test
    void shouldKeepIndicatorsAcrossARestartAndNotDoubleCountReingestedArticles() {
        Path dataDir = workDir.resolve("data");
        Map<String, String> settings = Map.of("tension.samples.enabled", "false");
        List<Map<String, Object>> before;
        try (ServiceProcess service = ServiceProcess.start(dataDir, settings)) {
            post(service, TestArticles.tbilisiArrests());
            post(service, TestArticles.batumiArrests());
            // with one partition per topic, once this later article shows up, the ones before it were merged too
            // (reports wait up to a merge interval, so the Georgian figures alone can show an article half merged)
            post(service, TestArticles.nairobiSentinel("before-restart"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> nairobiReports(service) == 2);
            assertThat(arrestsOn(service, "2026-10-13")).isEqualTo(14);
            assertThat(arrestsOn(service, "2026-10-15")).isEqualTo(5);
            before = georgia(service);
        }

        try (ServiceProcess service = ServiceProcess.start(dataDir, settings)) {
            assertThat(georgia(service)).isEqualTo(before);

            post(service, TestArticles.tbilisiArrests());
            post(service, TestArticles.batumiArrests());
            // with one partition per topic, once this later article shows up, the ones before it were processed too
            post(service, TestArticles.nairobiSentinel("after-restart"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> nairobiReports(service) == 4);
            assertThat(georgia(service)).isEqualTo(before);
        }
    }

    private static void post(ServiceProcess service, Map<String, Object> article) {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body(article)
                .post("/api/articles").then().statusCode(202);
    }

    /**
     * Reports of the Nairobi sentinel's day: each sentinel article reports an arrest and a protest, and a second
     * sentinel merges into the same two canonical events (so the arrests stay 3).
     */
    private static int nairobiReports(ServiceProcess service) {
        var row = given().baseUri(service.baseUri().toString())
                .get("/api/regions/KE/indicators?from=2026-10-19&to=2026-10-19")
                .then().extract().jsonPath();
        assertThat(row.getInt("[0].arrests")).isEqualTo(3);
        return row.getInt("[0].reports");
    }

    private static int arrestsOn(ServiceProcess service, String day) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=" + day + "&to=" + day)
                .then().extract().jsonPath().getInt("[0].arrests");
    }

    private static List<Map<String, Object>> georgia(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=2026-10-10&to=2026-10-20")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees of the packaged service: metrics, the OpenAPI and AsyncAPI descriptions, Swagger UI. */
class OperationsIT {

    @TempDir
    static Path workDir;

    static ServiceProcess service;

    @BeforeAll
    static void start() {
        service = ServiceProcess.start(workDir.resolve("data"), Map.of("tension.samples.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldGiveTheStateOfEachStreamsApplicationWhenReady() {
        String ready = given().baseUri(base()).get("/q/health/ready").then().statusCode(200).extract().asString();
        // before, one "state" entry was written over by each application in turn: the last one's state alone
        assertThat(ready).contains("\"tension-watch-extraction\": \"RUNNING\"")
                .contains("\"tension-watch-indicators-v3\": \"RUNNING\"")
                .contains("\"tension-watch-alerts-v2\": \"RUNNING\"")
                .doesNotContain("\"state\"");
    }

    @Test
    void shouldCountExtractedEventsAndShowTheRegionsTensionIndexOnMetrics() {
        // published today, so that the region is among today's regions whatever day the test runs
        Instant published = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS);
        given().baseUri(base()).contentType(ContentType.JSON)
                .body(Map.of("title", "Police detain miners in La Paz",
                        "body", "Police in La Paz arrested 23 miners during a march against new mining rules on "
                                + "Tuesday, a police spokesman said.",
                        "publishedAt", published.toString(), "source", "Andes Observer"))
                .post("/api/articles").then().statusCode(202);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String metrics = metrics();
            assertThat(value(metrics, "tension_events_extracted_total\\{type=\"ARREST\"\\}")).isNotNaN().isGreaterThanOrEqualTo(1.0);
            // the gauges are recomputed at most every 30 s, so this can take a scrape and 30 s
            assertThat(value(metrics, "tension_index\\{region=\"BO\"\\}")).isNotNaN().isGreaterThan(0.0);
        });
        // the gauge may have been computed while the article's second event was still on its way; within 30 s it agrees
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            double gauge = value(metrics(), "tension_index\\{region=\"BO\"\\}");
            String regions = given().baseUri(base()).get("/api/regions").then().statusCode(200).extract().asString();
            assertThat(regions).as("the index /api/regions gives BO").contains("\"region\":\"BO\"").contains("\"tensionIndex\":" + gauge);
        });
        String metrics = metrics();
        assertThat(metrics).contains("tension_events_extracted_total{type=\"PROTEST\"}")
                .contains("tension_index_regions ")
                .contains("tension_dead_letter_records_total ")
                .contains("tension_webhook_deliveries_total{outcome=\"delivered\"}")
                .contains("tension_webhook_deliveries_total{outcome=\"given_up\"}")
                .contains("tension_webhook_retries_total ");
    }

    @Test
    void shouldDescribeTheHttpApiWithOpenApiAndServeSwaggerUi() {
        String openapi = given().baseUri(base()).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"/api/articles\"").contains("\"/api/regions/{region}/indicators\"")
                .contains("Ingest one article");
        given().baseUri(base()).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldServeTheAsyncApiDocumentAndTheSchemasItRefersTo() throws Exception {
        String served = given().baseUri(base()).get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        assertThat(served).isEqualTo(Files.readString(Path.of("docs/asyncapi.yaml")));
        // '../schemas/X.avsc' relative to /asyncapi.yaml
        String schema = given().baseUri(base()).get("/schemas/EscalationAlert.avsc").then().statusCode(200).extract().asString();
        assertThat(schema).isEqualTo(Files.readString(Path.of("schemas/EscalationAlert.avsc")));
    }

    static String base() {
        return service.baseUri().toString();
    }

    static String metrics() {
        return given().baseUri(base()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, or NaN if there is none (NaN compares greater than any number: check isNotNaN first). */
    static double value(String metrics, String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.cli.DiffIndicatorsCommand;
import org.tensionwatch.indicators.IndicatorsDiff;

/**
 * Re-derivation: a second instance with {@code tension.derivation=v2} and a changed setting derives a second version
 * of the events, indicators and alerts from the shared articles topic, beside the first, which keeps serving its own;
 * {@code diff-indicators} shows the change.
 */
class RederivationIT {

    private static final String FROM = "2026-10-12";
    private static final String TO = "2026-10-15";

    @TempDir
    Path workDir;

    @Test
    void shouldDeriveASecondVersionBesideTheFirstAndShowTheChange() {
        int brokerPort = ServiceProcess.freePort();
        try (ServiceProcess current = ServiceProcess.start(workDir.resolve("current"), Map.of(
                "tension.samples.enabled", "false", "tension.broker.port", String.valueOf(brokerPort)))) {
            TestArticles.tbilisiTwoNightsOfArrests().forEach(article -> given().baseUri(current.baseUri().toString())
                    .contentType(ContentType.JSON).body(article).post("/api/articles").then().statusCode(202));
            // the default tolerance of one day: the two nights are one occurrence with both reports
            await("two reports, one event").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> total(rows(current), "reports") == 2 && total(rows(current), "events") == 1);
            Map<LocalDate, Map<String, Object>> before = rows(current);

            // a user decides that protests on consecutive nights are separate events, and re-derives
            try (ServiceProcess v2 = ServiceProcess.start(workDir.resolve("v2"), Map.of(
                    "tension.samples.enabled", "false", "kafka.bootstrap.servers", "localhost:" + brokerPort,
                    "tension.derivation", "v2", "tension.indicators.tolerance-days", "0",
                    "tension.security.allow-anonymous-writes", "true"))) {
                await("two events in v2").atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                    Map<LocalDate, Map<String, Object>> after = rows(v2);
                    assertThat(after.get(LocalDate.parse("2026-10-13"))).containsEntry("arrests", 14L).containsEntry("events", 1L);
                    assertThat(after.get(LocalDate.parse("2026-10-14"))).containsEntry("arrests", 9L).containsEntry("events", 1L);
                });
                Map<LocalDate, Map<String, Object>> after = rows(v2);
                assertThat(rows(current)).as("the current version still serves as before").isEqualTo(before);
                assertThat(health(v2)).contains("\"derivation\": \"v2\"");
                assertThat(health(current)).contains("\"derivation\": \"current\"");

                // both versions have processed every record (committed), so the command warns of nothing; and, since
                // a report committed with its input can wait up to a merge interval before its rows are written, the
                // command's output is awaited until it shows what the two instances serve over HTTP
                IndicatorsDiff served = IndicatorsDiff.compare(LocalDate.parse(FROM), LocalDate.parse(TO), before, after);
                List<String> expected = concat("diff-indicators: GE from " + FROM + " to " + TO
                                + ", tension.indicators (current) -> tension.v2.indicators (v2)",
                        served.lines(), "diff-indicators: " + served.summary());
                String[] result = new String[2];
                await("diff without warnings, as served").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int exit = new DiffIndicatorsCommand().run(List.of("--bootstrap-servers", "localhost:" + brokerPort,
                                    "--new", "v2", "--region", "GE", "--from", FROM, "--to", TO),
                            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                    result[0] = out.toString(StandardCharsets.UTF_8);
                    result[1] = err.toString(StandardCharsets.UTF_8);
                    assertThat(exit).as(result[1]).isZero();
                    assertThat(result[1]).isEmpty();
                    assertThat(result[0].lines().toList()).containsExactlyElementsOf(expected);
                });
                List<String> lines = result[0].lines().toList();
                assertThat(lines.get(lines.size() - 1)).contains("events 1 -> 2")
                        .containsPattern("arrests \\d+ -> 23");
                assertThat(lines).anyMatch(line -> line.matches("2026-10-1[34]  arrests\\s+\\d+ -> (14|9)"));
            }
        }
    }

    private static List<String> concat(String header, List<String> body, String summary) {
        List<String> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(body);
        all.add(summary);
        return all;
    }

    private static String health(ServiceProcess service) {
        return given().baseUri(service.baseUri().toString()).get("/q/health/ready").then().statusCode(200).extract().asString();
    }

    /** GE's days as the service answers, with the indicators the topic carries, by day; quiet days left out. */
    private static Map<LocalDate, Map<String, Object>> rows(ServiceProcess service) {
        List<Map<String, Object>> json = given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=" + FROM + "&to=" + TO)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<LocalDate, Map<String, Object>> byDay = new TreeMap<>();
        for (Map<String, Object> row : json) {
            Map<String, Object> values = new HashMap<>();
            for (String indicator : IndicatorsDiff.INDICATORS) {
                Object v = row.get(indicator);
                values.put(indicator, v instanceof Number n ? (Object) n.longValue() : v);
            }
            if (((Long) values.get("events")) > 0) {
                byDay.put(LocalDate.parse((String) row.get("day")), values);
            }
        }
        return byDay;
    }

    private static long total(Map<LocalDate, Map<String, Object>> rows, String indicator) {
        return rows.values().stream().mapToLong(r -> (Long) r.get(indicator)).sum();
    }
}

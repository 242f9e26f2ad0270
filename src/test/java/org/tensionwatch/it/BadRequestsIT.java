package org.tensionwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad request gets a 4xx with a message that says what is wrong, never a 5xx, on the packaged service: articles
 * from the future, too large for a record, from before 1970; dates and instants out of range on every query, the
 * internal endpoints included; and a seeded fuzz of bodies, sizes, dates, ranges, unknown fields and encodings.
 */
class BadRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
    void shouldRefuseAnArticleFromMoreThanAnHourAheadSayingWhy() throws Exception {
        Instant twoHoursAhead = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> r = postArticle(article(twoHoursAhead.toString(), "body"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(error(r)).contains("'publishedAt'").contains("more than an hour ahead");
        // within the hour is taken
        assertThat(postArticle(article(Instant.now().plus(30, ChronoUnit.MINUTES).toString(), "body")).statusCode())
                .isEqualTo(202);
    }

    @Test
    void shouldRefuseAnArticleOverARecordButUnderTheBodyLimitWith413() throws Exception {
        HttpResponse<String> r = postArticle(article("2026-10-14", "x".repeat(1_500_000)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(error(r)).contains("too large");
        // a body of a million characters still fits
        assertThat(postArticle(article("2026-10-14", "y".repeat(1_000_000))).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldTakeAnArticleFromBefore1970() throws Exception {
        HttpResponse<String> r = postArticle(article("1968-05-03T10:00:00Z",
                "Police in Paris arrested 500 students on Friday at the Sorbonne, the prefecture said."));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(postArticle(article("-999999999-01-01T00:00:00Z", "body")).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswerDatesAndInstantsOutOfRangeWith400() throws Exception {
        for (String path : List.of(
                "/api/regions?day=-999999999-01-01",
                "/api/regions?day=%2B999999999-12-31",
                "/api/regions/XK/indicators?from=-999999999-01-01&to=-999999999-01-02",
                "/api/regions/XK/indicators?from=2026-10-01&to=2026-10-02&asOf=-1000000000-01-01T00:00:00Z",
                "/api/regions/XK/indicators?from=2026-10-01&to=2026-10-02&asOf=%2B1000000000-01-01T00:00:00Z",
                "/api/regions/XK/events?from=-999999999-01-01&to=-999999999-01-02",
                "/api/alerts?from=-999999999-01-01",
                "/api/internal/rows?region=XK&from=2026-01-01&to=2026-01-02&asOf=-1000000000-01-01T00:00:00Z",
                "/api/internal/rows?region=XK&from=0001-01-01&to=3000-01-01&asOf=2026-01-01T00:00:00Z",
                "/api/internal/rows?from=0001-01-01&to=3000-01-01",
                "/api/internal/rows?region=Kosovo&from=2026-01-01&to=2026-01-02",
                "/api/internal/events?region=XK&from=-999999999-01-01&to=2026-01-01",
                "/api/internal/events?region=XK&from=0001-01-01&to=3000-01-01",
                "/api/internal/alerts?from=-999999999-01-01",
                "/api/internal/rows?from=2026-01-01&to=2026-01-02&partitions=-1",
                "/api/internal/rows?region=XK&from=2026-01-01&to=2026-01-02&partitions=0,,1",
                "/api/internal/events?region=XK&from=2026-01-01&to=2026-01-02&partitions=99999",
                "/api/internal/alerts?partitions=7",
                "/api/internal/alerts/injuries%7CXK%7C2026-10-01?partitions=x")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(error(r)).as(path).isNotBlank();
        }
        // the edges of the range are answered
        assertThat(get("/api/regions/XK/indicators?from=0001-01-01&to=0001-01-02").statusCode()).isEqualTo(200);
        assertThat(get("/api/regions/XK/indicators?from=9999-12-30&to=9999-12-31&asOf=9999-12-31T23:59:59Z").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/regions?day=0001-01-01").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNeverAnswerAFuzzedRequestWithA5xx() throws Exception {
        Random random = new Random(18);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (int i = 0; i < 150; i++) {
            HttpRequest request = random.nextBoolean() ? fuzzedPost(random) : fuzzedGet(random);
            HttpResponse<String> r;
            try {
                r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException closed) {
                // a body over the HTTP limit may be answered 413 and the connection closed before it is all sent
                long size = request.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L);
                if (size <= 2 * 1024 * 1024) {
                    failures.add(request.method() + " " + request.uri() + " (" + size + " bytes) -> " + closed);
                }
                continue;
            }
            requests++;
            if (r.statusCode() >= 500) {
                failures.add(request.method() + " " + request.uri() + " -> " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(failures).as("of %d requests", requests).isEmpty();
        assertThat(service.log()).doesNotContain("HTTP Request to /api").doesNotContain("Error id");
    }

    private static HttpRequest fuzzedGet(Random random) {
        String[] dates = {"2026-10-01", "-999999999-01-01", "+999999999-12-31", "0000-01-01", "0001-01-01", "9999-12-31",
            "10000-01-01", "2026-02-30", "2026-13-01", "yesterday", "", "2026-10-01T00:00:00Z", "%00", "%ZZ",
            "2026-10-01%0A", "1969-12-31", "1970-01-01"};
        String[] instants = {"2026-10-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "now", "",
            "2026-10-01T00:00:00+25:00", "2026-10-01", "1e308"};
        String[] regions = {"XK", "xk", "Kosovo", "", "%2F", "..", "X", "XKX", "%E2%82%AC%E2%82%AC", "ZZ"};
        String[] windows = {"P1D", "P7D", "P30D", "P365D", "PT1H", "", "p7d", "-P1D"};
        String region = pick(random, regions);
        String from = pick(random, dates);
        String to = pick(random, dates);
        String path = switch (random.nextInt(8)) {
            case 0 -> "/api/regions?day=" + from;
            case 1 -> "/api/regions/" + region + "/indicators?from=" + from + "&to=" + to + "&window=" + pick(random, windows)
                    + (random.nextBoolean() ? "&asOf=" + enc(pick(random, instants)) : "");
            case 2 -> "/api/regions/" + region + "/events?from=" + from + "&to=" + to;
            case 3 -> "/api/alerts?region=" + region + "&from=" + from + "&to=" + to;
            case 4 -> "/api/internal/rows?region=" + region + "&from=" + from + "&to=" + to
                    + (random.nextBoolean() ? "&asOf=" + enc(pick(random, instants)) : "");
            case 5 -> "/api/internal/events?region=" + region + "&from=" + from + "&to=" + to;
            case 6 -> "/api/internal/alerts?region=" + region + "&from=" + from + "&to=" + to;
            default -> "/api/regions/" + region + "/indicators?from=" + from + "&to=" + to + "&unknown=" + random.nextLong();
        };
        URI uri;
        try {
            uri = service.baseUri().resolve(path.replace("+", "%2B"));
        } catch (IllegalArgumentException notAUri) {
            uri = service.baseUri().resolve("/api/regions?day=" + enc(from));
        }
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest fuzzedPost(Random random) {
        String[] dates = {"2026-10-14", "2026-10-14T09:00:00Z", "1968-05-03", "0001-01-01", "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T00:00:00Z", Instant.now().plus(2, ChronoUnit.HOURS).toString(), "2026-10-14 09:00",
            "2026-10-14T09:00:00+0530", "not a date", "", "1969-12-31T23:59:59.999Z"};
        String title = random.nextInt(5) == 0 ? "" : "Police detain protesters " + random.nextInt(1000);
        String body = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "x".repeat(1_000_000 + random.nextInt(1_100_000));
            case 2 -> "Police in Tbilisi arrested " + random.nextInt(100) + " protesters on Tuesday.";
            case 3 -> "\u0000\uFFFD\uD83D\uDE00 \u202E reversed";
            case 4 -> "é".repeat(300_000 + random.nextInt(400_000));
            default -> "Nothing happened.";
        };
        byte[] bytes;
        String contentType = "application/json";
        switch (random.nextInt(10)) {
            case 0 -> {
                bytes = new byte[random.nextInt(3_000)];
                random.nextBytes(bytes);
            }
            case 1 -> bytes = "[".repeat(random.nextInt(200_000)).getBytes(StandardCharsets.UTF_8);
            case 2 -> bytes = ("{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"2026-10-14\", \"extra\": "
                    + "{\"nested\": [1, 2, {\"x\": null}]}, \"title2\": 5}").getBytes(StandardCharsets.UTF_8);
            case 3 -> bytes = json(title, body, pick(random, dates)).getBytes(StandardCharsets.UTF_16);
            case 4 -> {
                bytes = json(title, body, pick(random, dates)).getBytes(StandardCharsets.ISO_8859_1);
                contentType = "application/json; charset=ISO-8859-1";
            }
            case 5 -> {
                bytes = json(title, body, pick(random, dates)).getBytes(StandardCharsets.UTF_8);
                contentType = random.nextBoolean() ? "text/plain" : "application/json; charset=nonsense";
            }
            case 6 -> bytes = ("{\"title\": " + random.nextLong() + ", \"body\": [], \"publishedAt\": {}}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> bytes = json(title, body, pick(random, dates)).getBytes(StandardCharsets.UTF_8);
        }
        return HttpRequest.newBuilder(service.baseUri().resolve("/api/articles")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static String json(String title, String body, String publishedAt) {
        try {
            return JSON.writeValueAsString(Map.of("title", title, "body", body, "publishedAt", publishedAt,
                    "url", "https://news.example.org/fuzz/" + Math.abs((title + body).hashCode())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> article(String publishedAt, String body) {
        return Map.of("title", "A headline", "body", body, "publishedAt", publishedAt,
                "url", "https://news.example.org/bad-requests/" + Math.abs((publishedAt + body.length()).hashCode()));
    }

    private static HttpResponse<String> postArticle(Map<String, Object> article) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.baseUri().resolve("/api/articles")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.baseUri().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("error").asText();
    }
}

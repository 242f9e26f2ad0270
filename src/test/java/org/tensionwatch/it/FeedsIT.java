package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.tools.bench.LocalFeedServer;

/**
 * The packaged service following an RSS feed served by a local HTTP server, watching an ingest directory, and
 * refusing an article that is not English; the feeds and their states outlive a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedsIT {

    @TempDir
    static Path workDir;

    static LocalFeedServer feeds;
    static ServiceProcess service;
    static Path inbox;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Caucasus Ledger</title><link>https://ledger.example.org/</link>
            <description>News from the Caucasus</description>
            <item><title>Police detain protesters in Tbilisi</title>
            <link>https://ledger.example.org/2026/10/tbilisi-arrests</link>
            <pubDate>Wed, 14 Oct 2026 09:00:00 GMT</pubDate>
            <description><![CDATA[<p>Police in Tbilisi arrested 14 protesters on Tuesday after demonstrators tried to block the main avenue outside parliament.</p>]]></description></item>
            <item><title>No address for this one</title><description>An item without a link or a guid.</description></item>
            </channel></rss>
            """;

    @BeforeAll
    static void start() throws Exception {
        feeds = LocalFeedServer.start();
        feeds.document("/ledger.xml", "application/rss+xml; charset=utf-8", RSS);
        feeds.document("/home", "text/html", "<!doctype html><html><body><p>Welcome to our home page</p></body></html>");
        inbox = Files.createDirectories(workDir.resolve("inbox"));
        service = ServiceProcess.start(workDir.resolve("data"), settings());
    }

    private static Map<String, String> settings() {
        return Map.of("tension.samples.enabled", "false", "tension.ingest.directory", inbox.toString(),
                "tension.ingest.watch-interval", "500ms", "tension.feeds.per-host-interval", "100ms");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (feeds != null) {
            feeds.close();
        }
    }

    @Test
    @Order(1)
    void shouldCarryAFeedsItemsToTheIndicatorsOfTheirRegion() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("id", "ledger", "url", feeds.uri("/ledger.xml").toString(), "source", "Caucasus Ledger",
                        "pollInterval", "2s"))
                .post("/api/feeds").then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("GE", "2026-10-13", "2026-10-13").getInt("[0].arrests") == 14);
        // read again with the ETag: 304, nothing new
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> feed("ledger").getInt("polls") >= 2);
        JsonPath feed = feed("ledger");
        assertThat(feed.getInt("itemsNew")).isEqualTo(1);
        assertThat(feed.getInt("itemsSkipped")).isEqualTo(1);
        assertThat(feed.getString("recentSkips[0]")).contains("no link and no guid");
        assertThat(feed.getString("lastStatus")).contains("not modified");
        assertThat(feeds.hits("/ledger.xml")).isGreaterThanOrEqualTo(2);
        assertThat(metrics()).contains("tension_feeds_polls_total{feed=\"ledger\",outcome=\"ok\"}")
                .contains("tension_feeds_items_total{feed=\"ledger\",outcome=\"new\"} 1.0");
    }

    @Test
    @Order(2)
    void shouldShowWhyAFeedThatIsAnHtmlPageIsNotRead() {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("id", "home", "url", feeds.uri("/home").toString(), "source", "Home", "pollInterval", "1h"))
                .post("/api/feeds").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> feed("home").getInt("errors") == 1);
        assertThat(feed("home").getString("lastError")).contains("HTML page");
        given().baseUri(service.baseUri().toString()).delete("/api/feeds/home").then().statusCode(204);
        given().baseUri(service.baseUri().toString()).get("/api/feeds/home").then().statusCode(404);
    }

    @Test
    @Order(3)
    void shouldRefuseABadFeedDefinitionWith400() {
        String error = given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://ledger.example.org/feed", "source", "Ledger"))
                .post("/api/feeds").then().statusCode(400).extract().jsonPath().getString("error");
        assertThat(error).contains("http or https");
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("url", feeds.uri("/x").toString(), "source", "Ledger", "pollInterval", "often"))
                .post("/api/feeds").then().statusCode(400);
    }

    @Test
    @Order(4)
    void shouldRefuseAnArticleThatIsNotEnglishWith422AndCountIt() {
        JsonPath answer = given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON)
                .body(Map.of("title", "Manifestation à Lyon", "publishedAt", "2026-10-14T09:00:00Z",
                        "body", "Plusieurs milliers de personnes ont défilé samedi dans les rues de Lyon pour protester "
                                + "contre la réforme. La préfecture a fait état de douze interpellations en fin de journée."))
                .post("/api/articles").then().statusCode(422).extract().jsonPath();
        assertThat(answer.getString("language")).isEqualTo("fr");
        assertThat(answer.getString("error")).contains("not English");
        assertThat(metrics()).contains("tension_articles_not_english_total{language=\"fr\"} 1.0");
    }

    @Test
    @Order(5)
    void shouldIngestAFileDroppedIntoTheWatchedDirectoryOnce() throws Exception {
        Path draft = Files.writeString(workDir.resolve("la-paz.md"), """
                ---
                published: 2026-10-20T10:00:00Z
                source: Andes Observer
                ---
                Students detained in La Paz

                Police in La Paz arrested 31 students on Tuesday during a march against tuition fees, a police spokesman said.
                """);
        Files.move(draft, inbox.resolve("la-paz.md"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                indicators("BO", "2026-10-20", "2026-10-20").getInt("[0].arrests") == 31);
        await().atMost(Duration.ofSeconds(10)).until(() -> service.log().contains("Ingested 1 new articles from"));
        assertThat(Files.readString(workDir.resolve("data").resolve("ingested-files"))).contains("la-paz.md");
    }

    @Test
    @Order(6)
    void shouldKeepFeedsAndTheirStateAndTheTakenFilesAcrossARestart() {
        long itemsBefore = feed("ledger").getLong("itemsNew");
        service.close();
        service = ServiceProcess.start(workDir.resolve("data"), settings());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> feed("ledger").getInt("polls") >= 3);
        JsonPath feed = feed("ledger");
        assertThat(feed.getLong("itemsNew")).as("the item is not taken again").isEqualTo(itemsBefore);
        assertThat(feed.getString("source")).isEqualTo("Caucasus Ledger");
        assertThat(service.log()).contains("1 of 1 files in").doesNotContain("Ingested 1 articles from");
    }

    private static JsonPath feed(String id) {
        return given().baseUri(service.baseUri().toString()).get("/api/feeds/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath indicators(String region, String from, String to) {
        return given().baseUri(service.baseUri().toString())
                .get("/api/regions/" + region + "/indicators?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String metrics() {
        return given().baseUri(service.baseUri().toString()).get("/q/metrics").then().statusCode(200).extract().asString();
    }
}

package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;

/**
 * The dashboard in a real headless Chromium against the packaged service on a real broker: the
 * ranking shows the regions of ingested articles, a region's chart and events load, and an alert
 * written to {@code tension.alerts} appears on the open page without a reload.
 *
 * <p>{@code -Ddashboard.screenshot=docs/dashboard.png} also ingests the sample articles (for a
 * fuller picture) and saves a screenshot there.
 */
class DashboardIT {

    private static final String SCREENSHOT = System.getProperty("dashboard.screenshot", "");

    @TempDir
    static Path workDir;

    static ServiceProcess service;
    static TestAlerts alerts;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        int brokerPort = ServiceProcess.freePort();
        service = ServiceProcess.start(workDir.resolve("data"), Map.of(
                "tension.samples.enabled", String.valueOf(!SCREENSHOT.isBlank()),
                "tension.broker.port", String.valueOf(brokerPort)));
        alerts = new TestAlerts(brokerPort);
        // published in the last days, whenever the test runs: the ranking covers the 90 days up to today
        post(published(TestArticles.tbilisiArrests(), 2));
        post(published(TestArticles.nairobiSentinel("dashboard"), 3));
        TestArticles.oneBorderClashThreeOutlets().forEach(article -> post(published(article, 1)));
        await("regions ranked").atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            List<String> regions = given().baseUri(service.baseUri().toString()).get("/api/regions")
                    .then().statusCode(200).extract().jsonPath().getList("region");
            return regions.containsAll(List.of("GE", "KE", "AM"));
        });
        browser = Chromium.start(workDir.resolve("chromium-profile"), 1280, 1000);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (alerts != null) {
            alerts.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldRankRegionsShowARegionAndReceiveAnAlertWithoutAReload() throws IOException {
        browser.get(service.baseUri().resolve("/").toString());

        // the ranking: every region of the ingested articles, highest tension first
        await("regions table").atMost(Duration.ofSeconds(30)).until(() -> rowRegions().containsAll(List.of("GE", "KE", "AM")));
        assertThat(byTestId("regions-table").findElement(By.tagName("caption")).getAttribute("textContent"))
                .contains("ranked by tension index");

        // a region: its chart, its indicators and its canonical events with the articles behind them
        browser.findElement(By.cssSelector("tr[data-region='GE'] button")).click();
        await("Georgia shown").atMost(Duration.ofSeconds(30)).until(() ->
                byTestId("region-title").getText().equals("Georgia (GE)")
                        && !byTestId("events-list").findElements(By.cssSelector("[data-testid='event-item']")).isEmpty());
        assertThat(byTestId("chart").findElements(By.cssSelector("svg.chart path.line"))).hasSize(1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Integer> arrests = given().baseUri(service.baseUri().toString())
                .get("/api/regions/GE/indicators?from=" + LocalDate.parse(today).minusDays(89) + "&to=" + today)
                .then().statusCode(200).extract().jsonPath().getList("arrests", Integer.class);
        assertThat(arrests.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(14);
        assertThat(byTestId("indicator-arrests").getText()).contains("Arrests")
                .contains(arrests.stream().mapToInt(Integer::intValue).sum() + " in 90 days");
        assertThat(byTestId("events-list").findElements(By.cssSelector("a[href]")))
                .extracting(a -> a.getAttribute("href"))
                .contains("https://news.example.org/caucasus-ledger/2026/10/14/tbilisi-arrests");
        assertThat(browser.getCurrentUrl()).endsWith("#region=GE");

        // live: mark this page, wait until both streams are open, then write an alert to the topic
        browser.executeScript("window.tensionWatchPageMark = 'still the same page';");
        await("streams open").atMost(Duration.ofSeconds(30)).until(() ->
                "live".equals(byTestId("connection-status").getAttribute("data-state")));
        EscalationAlert raised = TestAlerts.injuries("GE", today, AlertSeverity.HIGH, 31,
                "https://news.example.org/test-wire/ge-injuries");
        alerts.send(raised);

        String card = "[data-testid='alert-item'][data-alert-id='injuries-spike|GE|" + today + "']";
        // the list re-renders as steps arrive, so every check finds the card afresh; a missing or stale one is retried
        await("alert shown").atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> {
                    WebElement alert = browser.findElement(By.cssSelector(card));
                    assertThat(alert.findElement(By.cssSelector("[data-testid='alert-message']")).getText())
                            .isEqualTo("GE injuries over 7 days: 31, threshold 20");
                    assertThat(alert.findElement(By.cssSelector("[data-testid='alert-severity']")).getText()).isEqualToIgnoringCase("high");
                    assertThat(alert.findElement(By.cssSelector("[data-testid='alert-evidence-link']")).getAttribute("href"))
                            .isEqualTo("https://news.example.org/test-wire/ge-injuries");
                });

        // the next step of the same alert updates its card instead of adding one
        alerts.send(EscalationAlert.newBuilder(raised).setStatus(AlertStatus.ESCALATED).setSeverity(AlertSeverity.CRITICAL)
                .setValue(48).setMessage("GE injuries over 7 days: 48, threshold 20").setUpdatedAt(Instant.now()).build());
        await("alert escalated").atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> {
                    assertThat(browser.findElement(By.cssSelector(card)).getAttribute("data-status")).isEqualTo("escalated");
                    assertThat(browser.findElements(By.cssSelector(card))).hasSize(1);
                    assertThat(browser.findElement(By.cssSelector(card + " [data-testid='alert-message']")).getText())
                            .isEqualTo("GE injuries over 7 days: 48, threshold 20");
                });
        // cleared, the card keeps the peak it reached and the evidence behind it, and lists every step
        alerts.send(EscalationAlert.newBuilder(raised).setStatus(AlertStatus.CLEARED).setSeverity(AlertSeverity.CRITICAL)
                .setValue(0).setEvents(List.of()).setMessage("GE injuries over 7 days: 0, threshold 20 (below 10, cleared)")
                .setUpdatedAt(Instant.now()).build());
        await("alert cleared").atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .untilAsserted(() -> {
                    assertThat(browser.findElement(By.cssSelector(card)).getAttribute("data-status")).isEqualTo("cleared");
                    assertThat(browser.findElement(By.cssSelector(card + " [data-testid='alert-peak']")).getText())
                            .startsWith("Peak: critical, 48 (");
                    assertThat(browser.findElements(By.cssSelector(card + " [data-testid='alert-evidence-link']"))).isNotEmpty();
                    assertThat(browser.findElements(By.cssSelector(card + " [data-testid='alert-step']"))).hasSize(3);
                });
        assertThat(browser.executeScript("return window.tensionWatchPageMark;")).isEqualTo("still the same page");

        if (!SCREENSHOT.isBlank()) {
            screenshot(Path.of(SCREENSHOT));
        }

        // a phone-sized window: one column, nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 900));
        await("narrow layout").atMost(Duration.ofSeconds(10)).until(() -> (Boolean) browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
        assertThat(byTestId("regions-table").isDisplayed()).isTrue();
        await("alert on the narrow page").atMost(Duration.ofSeconds(10)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> browser.findElement(By.cssSelector(card)).isDisplayed());
    }

    private void screenshot(Path target) throws IOException {
        // the region with the most to show, at the width the README describes
        String top = rowRegions().get(0);
        browser.findElement(By.cssSelector("tr[data-region='" + top + "'] button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> byTestId("region-title").getText().endsWith("(" + top + ")")
                && !byTestId("events-list").findElements(By.cssSelector("[data-testid='event-item']")).isEmpty()
                && byTestId("chart").getAttribute("aria-busy") == null);
        browser.manage().window().setSize(new Dimension(1280, 1200));
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) browser.executeScript(
                "return document.querySelector('#chart-index svg') !== null;"));
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private List<String> rowRegions() {
        return browser.findElements(By.cssSelector("[data-testid='regions-table'] tr[data-region]")).stream()
                .map(row -> row.getAttribute("data-region")).toList();
    }

    private WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static Map<String, Object> published(Map<String, Object> article, int daysAgo) {
        Map<String, Object> copy = new HashMap<>(article);
        copy.put("publishedAt", Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return copy;
    }

    private static void post(Map<String, Object> article) {
        given().baseUri(service.baseUri().toString()).contentType(ContentType.JSON).body(article)
                .post("/api/articles").then().statusCode(202);
    }
}

package org.tensionwatch.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.tools.bench.LocalFeedServer;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.ingest.NotEnglishException;

class FeedPollerTest {

    private static final Instant NOW = Instant.parse("2026-10-15T12:00:00Z");
    private static final String RSS = "application/rss+xml; charset=utf-8";

    private LocalFeedServer server;
    private final List<NewArticle> published = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private FeedPoller poller;

    @BeforeEach
    void start() {
        server = LocalFeedServer.start();
        poller = new FeedPoller(new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2), 200_000),
                new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2), 200_000),
                new HostRateLimiter(Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC), published::add, 100);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private FeedDefinition feed(String path) {
        return new FeedDefinition(null, server.uri(path), "Harbour Gazette", Duration.ofMinutes(5), false);
    }

    @Test
    void shouldPublishNewItemsOnceAndAskWithTheETagTheSecondTime() throws Exception {
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14),
                Feeds.strike("https://gazette.example.org/b"))));
        FeedDefinition feed = feed("/feed.xml");
        FeedState first = poller.poll(feed, FeedState.initial(NOW));
        assertThat(published).extracting(NewArticle::url)
                .containsExactly("https://gazette.example.org/a", "https://gazette.example.org/b");
        assertThat(published).allSatisfy(a -> assertThat(a.source()).isEqualTo("Harbour Gazette"));
        assertThat(first.itemsNew()).isEqualTo(2);
        assertThat(first.etag()).isNotNull();
        assertThat(first.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));

        FeedState second = poller.poll(feed, first);
        assertThat(second.lastStatus()).contains("304");
        assertThat(published).hasSize(2);
        assertThat(second.polls()).isEqualTo(2);
    }

    @Test
    void shouldAddNothingForAnItemSeenTwiceEvenWithoutAnETag() throws Exception {
        String body = Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14)));
        server.route("/plain.xml", ex -> LocalFeedServer.send(ex, 200, RSS, body, StandardCharsets.UTF_8));
        FeedDefinition feed = feed("/plain.xml");
        FeedState second = poller.poll(feed, poller.poll(feed, FeedState.initial(NOW)));
        assertThat(published).hasSize(1);
        assertThat(second.itemsUnchanged()).isEqualTo(1);
        assertThat(second.lastStatus()).contains("0 new").contains("1 unchanged");
    }

    @Test
    void shouldPublishAChangedItemAgainUnderTheSameLinkAsACorrection() throws Exception {
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14))));
        FeedDefinition feed = feed("/feed.xml");
        FeedState first = poller.poll(feed, FeedState.initial(NOW));
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 41))));
        FeedState second = poller.poll(feed, first);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).id()).as("the same article id: a correction").isEqualTo(published.get(0).id());
        assertThat(published.get(1).body()).contains("41 protesters");
        assertThat(second.itemsUpdated()).isEqualTo(1);
    }

    @Test
    void shouldBackOffOnAServerErrorAndRecoverOnceItAnswers() throws Exception {
        server.route("/feed.xml", ex -> LocalFeedServer.send(ex, 500, "text/plain", "oops", StandardCharsets.UTF_8));
        FeedDefinition feed = feed("/feed.xml");
        FeedState once = poller.poll(feed, FeedState.initial(NOW));
        FeedState twice = poller.poll(feed, once);
        assertThat(twice.lastError()).contains("HTTP 500");
        assertThat(twice.consecutiveErrors()).isEqualTo(2);
        assertThat(twice.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14))));
        FeedState recovered = poller.poll(feed, twice);
        assertThat(recovered.consecutiveErrors()).isZero();
        assertThat(recovered.errors()).isEqualTo(2);
        assertThat(recovered.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldWaitForRetryAfterOnTooManyRequests() throws Exception {
        server.route("/feed.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            LocalFeedServer.send(ex, 429, "text/plain", "slow down", StandardCharsets.UTF_8);
        });
        FeedState state = poller.poll(feed("/feed.xml"), FeedState.initial(NOW));
        assertThat(state.lastError()).contains("429").contains("retry after 3600 s");
        assertThat(state.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void shouldGiveUpOnASlowAnswerWithinItsDeadline() throws Exception {
        server.route("/slow.xml", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalFeedServer.send(ex, 200, RSS, "<rss/>", StandardCharsets.UTF_8);
        });
        FeedState state = poller.poll(feed("/slow.xml"), FeedState.initial(NOW));
        assertThat(state.lastError()).contains("within");
        assertThat(state.consecutiveErrors()).isEqualTo(1);
    }

    @Test
    void shouldStopReadingAnEnormousAnswer() throws Exception {
        byte[] huge = new byte[1_000_000];
        java.util.Arrays.fill(huge, (byte) 'x');
        server.route("/huge.xml", ex -> LocalFeedServer.send(ex, 200, RSS, huge));
        FeedState state = poller.poll(feed("/huge.xml"), FeedState.initial(NOW));
        assertThat(state.lastError()).contains("larger than 200000 bytes");
    }

    @Test
    void shouldNameARedirectLoop() throws Exception {
        server.route("/a", ex -> {
            ex.getResponseHeaders().add("Location", "/b");
            LocalFeedServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/b", ex -> {
            ex.getResponseHeaders().add("Location", "/a");
            LocalFeedServer.send(ex, 301, null, new byte[0]);
        });
        FeedState state = poller.poll(feed("/a"), FeedState.initial(NOW));
        assertThat(state.lastError()).contains("redirect loop");
    }

    @Test
    void shouldFollowARedirectToTheFeed() throws Exception {
        server.route("/old", ex -> {
            ex.getResponseHeaders().add("Location", "/feed.xml");
            LocalFeedServer.send(ex, 301, null, new byte[0]);
        });
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14))));
        poller.poll(feed("/old"), FeedState.initial(NOW));
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldSayAnHtmlPageIsNotAFeed() throws Exception {
        server.document("/page", "text/html", "<!doctype html><html><body><p>Subscribe!</p></body></html>");
        FeedState state = poller.poll(feed("/page"), FeedState.initial(NOW));
        assertThat(state.lastError()).contains("HTML page");
    }

    @Test
    void shouldKeepTheGoodItemsOfAFeedWithBadOnes() throws Exception {
        server.document("/feed.xml", RSS, Feeds.rss(List.of(
                new Feeds.Item(null, null, "No address", "Tue, 13 Oct 2026 09:00:00 GMT", "Text without a link."),
                new Feeds.Item(null, "https://gazette.example.org/future", "From the future", "Fri, 01 Jan 2027 09:00:00 GMT",
                        "Police in Tbilisi arrested 99 people."),
                new Feeds.Item(null, "https://gazette.example.org/undated", "Undated arrests", null,
                        "Police in Tbilisi arrested 5 people on Tuesday."),
                Feeds.arrests("https://gazette.example.org/a", 14))));
        FeedState state = poller.poll(feed("/feed.xml"), FeedState.initial(NOW));
        assertThat(published).extracting(NewArticle::url)
                .containsExactly("https://gazette.example.org/a", "https://gazette.example.org/undated");
        assertThat(published.get(1).publishedAt()).as("undated: when first seen").isEqualTo(NOW);
        assertThat(state.skippedByReason()).containsEntry("no link", 1L).containsEntry("dated in the future", 1L);
        assertThat(state.recentSkips()).anySatisfy(s -> assertThat(s).contains("From the future").contains("future"));
        assertThat(state.lastStatus()).contains("2 new").contains("2 skipped").contains("1 undated");
    }

    @Test
    void shouldCountANonEnglishItemAsSkippedWithItsLanguage() throws Exception {
        server.document("/feed.xml", RSS, Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14))));
        FeedPoller refusing = new FeedPoller(new FeedFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2), 200_000), null,
                new HostRateLimiter(Duration.ZERO), Clock.fixed(NOW, ZoneOffset.UTC), article -> {
                    throw new NotEnglishException("fr", "not English: the text reads as French");
                }, 100);
        FeedState state = refusing.poll(feed("/feed.xml"), FeedState.initial(NOW));
        assertThat(state.skippedByReason()).containsEntry("not English", 1L);
        assertThat(state.recentSkips()).singleElement().asString().contains("French");
        FeedState again = refusing.poll(feed("/feed.xml"), state);
        assertThat(again.itemsSkipped()).as("refused once, not at every read").isEqualTo(1);
    }

    @Test
    void shouldReadAnItemsPageForItsMainTextWhenAsked() throws Exception {
        URI page = server.uri("/articles/a");
        server.document("/articles/a", "text/html; charset=utf-8", """
                <html><head><title>Gazette</title><script>var x = 1;</script></head><body>
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Police detain protesters in Tbilisi</h1>
                <p>Police in Tbilisi arrested 14 protesters on Tuesday after demonstrators tried to block the main avenue.</p>
                <p>A police spokesman said 3 officers were injured in scuffles near parliament.</p></article>
                <footer>Copyright Harbour Gazette</footer></body></html>
                """);
        server.document("/feed.xml", RSS, Feeds.rss(List.of(new Feeds.Item(null, page.toString(), "Police detain protesters",
                "Tue, 13 Oct 2026 09:00:00 GMT", "Protesters were detained."))));
        FeedDefinition feed = new FeedDefinition(null, server.uri("/feed.xml"), "Harbour Gazette", Duration.ofMinutes(5), true);
        FeedState state = poller.poll(feed, FeedState.initial(NOW));
        assertThat(published).singleElement().satisfies(a -> assertThat(a.body())
                .contains("arrested 14 protesters").contains("3 officers were injured")
                .doesNotContain("Home").doesNotContain("Copyright").doesNotContain("var x"));
        assertThat(state.lastStatus()).contains("full text of 1 pages");
    }

    @Test
    void shouldKeepTheSummaryWhenThePageCannotBeRead() throws Exception {
        server.document("/feed.xml", RSS, Feeds.rss(List.of(new Feeds.Item(null, server.uri("/gone").toString(),
                "Police detain protesters", "Tue, 13 Oct 2026 09:00:00 GMT", "Police in Tbilisi arrested 14 protesters."))));
        FeedDefinition feed = new FeedDefinition(null, server.uri("/feed.xml"), "Harbour Gazette", Duration.ofMinutes(5), true);
        FeedState state = poller.poll(feed, FeedState.initial(NOW));
        assertThat(published).singleElement().extracting(NewArticle::body).asString().contains("14 protesters");
        assertThat(state.lastStatus()).contains("1 pages unread");
    }
}

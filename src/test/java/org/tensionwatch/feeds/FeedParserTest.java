package org.tensionwatch.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI BASE = URI.create("https://gazette.example.org/feed.xml");

    @Test
    void shouldReadEachRssItemsLinkTitleDateAndSummaryAsText() throws Exception {
        FeedParser.ParsedFeed feed = FeedParser.parse(bytes(Feeds.rss(List.of(
                Feeds.arrests("https://gazette.example.org/tbilisi-arrests", 14)))), "application/rss+xml", BASE);
        assertThat(feed.title()).isEqualTo("Harbour Gazette");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("https://gazette.example.org/tbilisi-arrests");
            assertThat(item.link()).isEqualTo("https://gazette.example.org/tbilisi-arrests");
            assertThat(item.title()).isEqualTo("Police detain protesters in Tbilisi");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-10-13T09:00:00Z"));
            assertThat(item.text()).startsWith("Police in Tbilisi arrested 14 protesters").doesNotContain("<p>");
        });
    }

    @Test
    void shouldReadAtomEntriesWithTheirContentAndResolveRelativeLinks() throws Exception {
        FeedParser.ParsedFeed feed = FeedParser.parse(bytes(Feeds.ATOM), "application/atom+xml",
                URI.create("https://courier.example.net/atom.xml"));
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.key()).isEqualTo("urn:uuid:5d1c6a4e-0000-4000-8000-000000000002");
        assertThat(first.link()).isEqualTo("https://courier.example.net/2026/10/ridge-deployment");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-10-15T08:00:00Z"));
        assertThat(first.text()).contains("two battalions were deployed").contains("\n\nResidents reported");
        FeedItem second = feed.items().get(1);
        assertThat(second.link()).isEqualTo("https://courier.example.net/2026/10/second");
        assertThat(second.publishedAt()).as("the update time when there is no publication time")
                .isEqualTo(Instant.parse("2026-10-15T09:30:00Z"));
    }

    @Test
    void shouldRefuseAnHtmlPageAsNotAFeed() {
        assertThatThrownBy(() -> FeedParser.parse(bytes("<!DOCTYPE html>\n<html><body>Welcome</body></html>"),
                "text/html; charset=utf-8", BASE))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("HTML page");
    }

    @Test
    void shouldRefuseMalformedXmlSayingItIsNotReadable() {
        assertThatThrownBy(() -> FeedParser.parse(bytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Cut"),
                "application/rss+xml", BASE))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a readable feed");
    }

    @Test
    void shouldRefuseXmlThatIsNeitherRssNorAtom() {
        assertThatThrownBy(() -> FeedParser.parse(bytes("<?xml version=\"1.0\"?><catalog><book/></catalog>"),
                "application/xml", BASE))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("not a feed");
    }

    @Test
    void shouldRefuseAnEmptyAnswer() {
        assertThatThrownBy(() -> FeedParser.parse(new byte[0], "application/rss+xml", BASE))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void shouldSkipAnItemWithoutLinkOrGuidAndKeepTheOthers() throws Exception {
        FeedParser.ParsedFeed feed = FeedParser.parse(bytes(Feeds.rss(List.of(
                new Feeds.Item(null, null, "Nowhere to be found", null, "Some text without an address."),
                Feeds.strike("https://gazette.example.org/batumi-strike")))), null, BASE);
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly("https://gazette.example.org/batumi-strike");
        assertThat(feed.skipped()).singleElement().satisfies(s -> {
            assertThat(s.item()).contains("Nowhere to be found");
            assertThat(s.reason()).contains("no link and no guid");
        });
    }

    @Test
    void shouldKeepAnItemWithAGuidButNoLinkKeyedByItsGuid() throws Exception {
        FeedParser.ParsedFeed feed = FeedParser.parse(bytes(Feeds.rss(List.of(
                new Feeds.Item("gazette-4711", null, "Guid only", null, "A text with a guid and no link.")))), null, BASE);
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("gazette-4711");
            assertThat(item.link()).isNull();
            assertThat(item.publishedAt()).as("no date given").isNull();
        });
    }

    @Test
    void shouldReadAFeedInIso88591() throws Exception {
        String rss = Feeds.rss(List.of(new Feeds.Item(null, "https://gazette.example.org/cafe", "Caf\u00e9 owners protest in Li\u00e8ge",
                "Tue, 13 Oct 2026 09:00:00 GMT", "Caf\u00e9 owners marched through Li\u00e8ge on Tuesday.")))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        FeedParser.ParsedFeed feed = FeedParser.parse(rss.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml", BASE);
        assertThat(feed.items()).singleElement().extracting(FeedItem::title).isEqualTo("Caf\u00e9 owners protest in Li\u00e8ge");
    }

    @Test
    void shouldGiveTheSameFingerprintToTheSameItemAndAnotherToAChangedOne() throws Exception {
        FeedItem first = FeedParser.parse(bytes(Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14)))), null, BASE).items().get(0);
        FeedItem again = FeedParser.parse(bytes(Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 14)))), null, BASE).items().get(0);
        FeedItem corrected = FeedParser.parse(bytes(Feeds.rss(List.of(Feeds.arrests("https://gazette.example.org/a", 41)))), null, BASE).items().get(0);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(corrected.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(corrected.key()).isEqualTo(first.key());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

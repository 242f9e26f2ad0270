package org.tensionwatch.feeds;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.ingest.NotEnglishException;

/**
 * Reads a feed once: a conditional GET, the items parsed, each compared with what was seen (an item seen unchanged
 * adds nothing; a changed one is published again, under the same link, hence the same article id: a correction),
 * optionally each new item's page fetched for its main text, and each new or changed item handed to the
 * {@link ArticleSink}. Answers the feed's next state. A failure (no answer, an HTTP error, not a feed) changes
 * nothing but the state's error fields and its next poll time (see {@link Backoff}).
 */
public final class FeedPoller {

    /** Where new articles go; throws {@link IllegalArgumentException} for an article it refuses. */
    @FunctionalInterface
    public interface ArticleSink {
        void take(NewArticle article);
    }

    /** How far ahead of the clock an item may be dated, as for any article. */
    public static final Duration MAX_AHEAD = Duration.ofHours(1);
    static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final FeedFetcher feeds;
    private final FeedFetcher pages;
    private final HostRateLimiter hosts;
    private final Clock clock;
    private final ArticleSink sink;
    private final int seenCapacity;

    public FeedPoller(FeedFetcher feeds, FeedFetcher pages, HostRateLimiter hosts, Clock clock, ArticleSink sink,
            int seenCapacity) {
        this.feeds = feeds;
        this.pages = pages;
        this.hosts = hosts;
        this.clock = clock;
        this.sink = sink;
        this.seenCapacity = seenCapacity;
    }

    /** Reads the feed and answers its next state. */
    public FeedState poll(FeedDefinition feed, FeedState state) throws InterruptedException {
        hosts.acquire(feed.host());
        Instant now = clock.instant();
        FeedFetcher.Answer answer;
        try {
            answer = feeds.get(feed.url(), state.etag(), state.lastModified(), FEED_ACCEPT);
        } catch (FeedFetcher.FetchException e) {
            return failed(feed, state, now, e.getMessage(), Optional.empty());
        }
        int status = answer.status();
        if (status == 304) {
            return succeeded(feed, state, now, "not modified (HTTP 304)", state.etag(), state.lastModified(),
                    new Counts(), state.seen());
        }
        if (status == 429 || status == 503) {
            Optional<Duration> retryAfter = Backoff.parseRetryAfter(answer.retryAfter(), now);
            return failed(feed, state, now, "HTTP " + status + (status == 429 ? " too many requests" : " unavailable")
                    + retryAfter.map(d -> ", retry after " + d.toSeconds() + " s").orElse(""), retryAfter);
        }
        if (status < 200 || status >= 300) {
            return failed(feed, state, now, "HTTP " + status + " from " + answer.uri(), Optional.empty());
        }
        FeedParser.ParsedFeed parsed;
        try {
            parsed = FeedParser.parse(answer.body(), answer.contentType(), answer.uri());
        } catch (FeedFormatException e) {
            return failed(feed, state, now, e.getMessage(), Optional.empty());
        }
        Counts counts = new Counts();
        parsed.skipped().forEach(s -> counts.skip(reasonKey(s.reason()), s.item() + ": " + s.reason()));
        SeenItems seen = new SeenItems(state.seen(), seenCapacity);
        List<FeedItem> items = new ArrayList<>(parsed.items());
        items.sort(Comparator.comparing((FeedItem i) -> i.publishedAt() == null ? Instant.MAX : i.publishedAt()));
        for (FeedItem item : items) {
            SeenItems.Novelty novelty = seen.classify(item);
            if (novelty == SeenItems.Novelty.UNCHANGED) {
                counts.unchanged++;
                continue;
            }
            String label = item.title().isEmpty() ? item.key() : "'" + item.title() + "'";
            if (item.publishedAt() != null && item.publishedAt().isAfter(now.plus(MAX_AHEAD))) {
                counts.skip("dated in the future", label + ": dated " + item.publishedAt() + ", in the future");
                seen.remember(item);
                continue;
            }
            Instant publishedAt = item.publishedAt() != null ? item.publishedAt() : now;
            String body = item.text();
            if (feed.fullText() && item.link() != null && novelty == SeenItems.Novelty.NEW) {
                body = fullText(item, counts).orElse(body);
            }
            if (item.title().isBlank() && body.isBlank()) {
                counts.skip("empty", label + ": neither title nor text");
                seen.remember(item);
                continue;
            }
            try {
                sink.take(new NewArticle(item.title(), body, publishedAt, feed.source(), item.link()));
                if (novelty == SeenItems.Novelty.NEW) {
                    counts.added++;
                } else {
                    counts.updated++;
                }
                if (item.publishedAt() == null) {
                    counts.undated++;
                }
            } catch (NotEnglishException e) {
                counts.skip("not English", label + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                counts.skip("refused", label + ": " + e.getMessage());
            }
            seen.remember(item);
        }
        return succeeded(feed, state, now, counts.describe(), answer.etag(), answer.lastModified(), counts, seen.asMap());
    }

    private Optional<String> fullText(FeedItem item, Counts counts) throws InterruptedException {
        try {
            URI link = URI.create(item.link());
            hosts.acquire(link.getHost() == null ? "" : link.getHost().toLowerCase(java.util.Locale.ROOT));
            FeedFetcher.Answer page = pages.get(link, null, null, PAGE_ACCEPT);
            if (page.status() != 200) {
                counts.pageFailures++;
                return Optional.empty();
            }
            String charset = charsetOf(page.contentType());
            String text = HtmlText.mainTextOfPage(Jsoup.parse(new java.io.ByteArrayInputStream(page.body()), charset,
                    page.uri().toString()));
            if (text.length() <= item.text().length()) {
                return Optional.empty();
            }
            counts.fullTexts++;
            return Optional.of(text);
        } catch (FeedFetcher.FetchException | java.io.IOException | IllegalArgumentException e) {
            counts.pageFailures++;
            return Optional.empty();
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset=\"?([\\w.:-]+)").matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /**
     * The state after a read that failed outside the feed (the articles could not be published): nothing it read
     * counts as seen, so the next read takes the items again.
     */
    public FeedState failure(FeedDefinition feed, FeedState state, String error) {
        return failed(feed, state, clock.instant(), error, Optional.empty());
    }

    private FeedState failed(FeedDefinition feed, FeedState state, Instant now, String error, Optional<Duration> retryAfter) {
        int failures = state.consecutiveErrors() + 1;
        return new FeedState(now, state.lastSuccessAt(), Backoff.nextPoll(now, feed.pollInterval(), failures, retryAfter),
                state.etag(), state.lastModified(), "error: " + error, error, now, failures, state.polls() + 1,
                state.errors() + 1, state.itemsNew(), state.itemsUpdated(), state.itemsUnchanged(), state.itemsSkipped(),
                state.skippedByReason(), state.recentSkips(), state.seen(), state.polledBy());
    }

    private FeedState succeeded(FeedDefinition feed, FeedState state, Instant now, String status, String etag,
            String lastModified, Counts counts, Map<String, String> seen) {
        return new FeedState(now, now, Backoff.nextPoll(now, feed.pollInterval(), 0, Optional.empty()), etag,
                lastModified, status, state.lastError(), state.lastErrorAt(), 0, state.polls() + 1, state.errors(),
                state.itemsNew() + counts.added, state.itemsUpdated() + counts.updated,
                state.itemsUnchanged() + counts.unchanged, state.itemsSkipped() + counts.skipped(),
                FeedState.addSkips(state.skippedByReason(), counts.byReason),
                FeedState.addRecent(state.recentSkips(), counts.recent), seen, state.polledBy());
    }

    private static String reasonKey(String reason) {
        return reason.startsWith("no link") ? "no link" : "no text";
    }

    /** What one read did with the items. */
    private static final class Counts {
        int added;
        int updated;
        int unchanged;
        int undated;
        int fullTexts;
        int pageFailures;
        final Map<String, Long> byReason = new LinkedHashMap<>();
        final List<String> recent = new ArrayList<>();

        void skip(String reason, String detail) {
            byReason.merge(reason, 1L, Long::sum);
            recent.add(detail);
        }

        long skipped() {
            return byReason.values().stream().mapToLong(Long::longValue).sum();
        }

        String describe() {
            StringBuilder s = new StringBuilder("ok: " + added + " new, " + updated + " updated, " + unchanged
                    + " unchanged, " + skipped() + " skipped");
            if (undated > 0) {
                s.append("; ").append(undated).append(" undated, taken as published when first seen");
            }
            if (fullTexts > 0 || pageFailures > 0) {
                s.append("; full text of ").append(fullTexts).append(" pages");
                if (pageFailures > 0) {
                    s.append(", ").append(pageFailures).append(" pages unread (summary kept)");
                }
            }
            byReason.forEach((reason, n) -> s.append("; ").append(n).append(' ').append(reason));
            return s.toString();
        }
    }
}

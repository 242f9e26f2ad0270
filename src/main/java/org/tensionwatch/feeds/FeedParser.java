package org.tensionwatch.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document with Rome: each item's key, link, title, date and text.
 * The encoding comes from the HTTP content type, the XML declaration or a byte-order mark, as Rome's
 * {@link XmlReader} decides. Items without a link or an id, or with neither title nor text, are skipped and said why;
 * the rest of the feed is kept.
 */
public final class FeedParser {

    /** An item left out, and why. */
    public record SkippedItem(String item, String reason) {
    }

    /** What a feed document holds. */
    public record ParsedFeed(String title, List<FeedItem> items, List<SkippedItem> skipped) {
    }

    private FeedParser() {
    }

    /**
     * Parses a feed document.
     *
     * @param contentType the HTTP {@code Content-Type}, or {@code null}
     * @param base the feed's address, against which relative links are resolved
     * @throws FeedFormatException when it is not a feed: malformed XML, an HTML page, another XML document
     */
    public static ParsedFeed parse(byte[] body, String contentType, URI base) throws FeedFormatException {
        if (body.length == 0) {
            throw new FeedFormatException("not a feed: the answer is empty");
        }
        if (looksLikeHtml(body)) {
            throw new FeedFormatException("not a feed: the answer is an HTML page"
                    + (contentType == null ? "" : " (" + contentType + ")") + ", not RSS or Atom");
        }
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setXmlHealerOn(true);
            feed = input.build(reader);
        } catch (FeedException e) {
            throw new FeedFormatException("not a readable feed: " + oneLine(e), e);
        } catch (IllegalArgumentException e) {
            // Rome's answer to well-formed XML that is neither RSS nor Atom
            throw new FeedFormatException("not a feed: XML that is neither RSS nor Atom (" + oneLine(e) + ")", e);
        } catch (IOException e) {
            throw new FeedFormatException("cannot decode the feed: " + oneLine(e), e);
        }
        List<FeedItem> items = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        int position = 0;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            String title = entry.getTitle() == null ? "" : HtmlText.ofFragment(entry.getTitle()).strip();
            String label = title.isEmpty() ? "item " + position : "'" + title + "'";
            String link = resolve(base, linkOf(entry));
            String guid = entry.getUri() == null || entry.getUri().isBlank() ? null : entry.getUri().strip();
            if (link == null && guid == null) {
                skipped.add(new SkippedItem(label, "no link and no guid: the item cannot be told apart from others"));
                continue;
            }
            if (link == null && guid.matches("(?i)https?://\\S+")) {
                link = guid;
            }
            String text = textOf(entry);
            if (title.isEmpty() && text.isEmpty()) {
                skipped.add(new SkippedItem(label, "neither title nor text"));
                continue;
            }
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            Instant publishedAt = date == null ? null : date.toInstant();
            items.add(new FeedItem(guid != null ? guid : link, link, title, publishedAt, text));
        }
        return new ParsedFeed(feed.getTitle(), items, skipped);
    }

    private static String linkOf(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getHref() != null && (link.getRel() == null || link.getRel().equals("alternate"))) {
                return link.getHref().strip();
            }
        }
        return null;
    }

    private static String resolve(URI base, String link) {
        if (link == null) {
            return null;
        }
        try {
            URI resolved = base == null ? URI.create(link) : base.resolve(link);
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The content when the item has one (the longest), else the summary, as plain text. */
    private static String textOf(SyndEntry entry) {
        String best = "";
        for (SyndContent content : entry.getContents()) {
            String text = HtmlText.ofFragment(content.getValue());
            if (text.length() > best.length()) {
                best = text;
            }
        }
        if (best.isEmpty() && entry.getDescription() != null) {
            best = HtmlText.ofFragment(entry.getDescription().getValue());
        }
        return best;
    }

    static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00ef\u00bb\u00bf", "").stripLeading().toLowerCase(Locale.ROOT);
        while (head.startsWith("<!--")) {
            int end = head.indexOf("-->");
            head = end < 0 ? "" : head.substring(end + 3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}

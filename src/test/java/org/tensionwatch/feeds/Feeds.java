package org.tensionwatch.feeds;

import java.util.List;

/** Feed documents written for the tests: made-up outlets, places and figures. */
final class Feeds {

    private Feeds() {
    }

    /** An RSS item. */
    record Item(String guid, String link, String title, String date, String description) {
    }

    static String rss(List<Item> items) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example.org/</link>
                <description>News</description>
                """);
        for (Item item : items) {
            s.append("<item>");
            if (item.title() != null) {
                s.append("<title>").append(item.title()).append("</title>");
            }
            if (item.link() != null) {
                s.append("<link>").append(item.link()).append("</link>");
            }
            if (item.guid() != null) {
                s.append("<guid isPermaLink=\"false\">").append(item.guid()).append("</guid>");
            }
            if (item.date() != null) {
                s.append("<pubDate>").append(item.date()).append("</pubDate>");
            }
            if (item.description() != null) {
                s.append("<description><![CDATA[").append(item.description()).append("]]></description>");
            }
            s.append("</item>\n");
        }
        return s.append("</channel></rss>\n").toString();
    }

    static Item arrests(String link, int count) {
        return new Item(null, link, "Police detain protesters in Tbilisi", "Tue, 13 Oct 2026 09:00:00 GMT",
                "<p>Police in Tbilisi arrested " + count + " protesters on Tuesday after demonstrators tried to block "
                        + "the main avenue outside parliament.</p>");
    }

    static Item strike(String link) {
        return new Item(null, link, "Dock workers walk out in Batumi", "Wed, 14 Oct 2026 07:30:00 GMT",
                "Hundreds of dock workers in Batumi stopped work on Wednesday over unpaid wages, the union said.");
    }

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Valley Courier</title>
              <id>urn:uuid:5d1c6a4e-0000-4000-8000-000000000001</id>
              <updated>2026-10-15T10:00:00Z</updated>
              <entry>
                <title>Soldiers deployed along the ridge</title>
                <link rel="alternate" href="https://courier.example.net/2026/10/ridge-deployment"/>
                <id>urn:uuid:5d1c6a4e-0000-4000-8000-000000000002</id>
                <published>2026-10-15T08:00:00Z</published>
                <updated>2026-10-15T09:00:00Z</updated>
                <summary>A short summary.</summary>
                <content type="html">&lt;p&gt;The defence ministry said on Thursday that two battalions were deployed along the ridge.&lt;/p&gt;&lt;p&gt;Residents reported convoys overnight.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Second entry with only an update time</title>
                <link href="/2026/10/second"/>
                <id>urn:uuid:5d1c6a4e-0000-4000-8000-000000000003</id>
                <updated>2026-10-15T09:30:00Z</updated>
                <summary>Another short text about the valley.</summary>
              </entry>
            </feed>
            """;
}

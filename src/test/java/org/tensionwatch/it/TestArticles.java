package org.tensionwatch.it;

import java.util.Map;

/** Articles written for the integration tests: short, plain, with figures a reader can total by hand. */
final class TestArticles {

    private TestArticles() {
    }

    /** Georgia, 2026-10-14 (a Wednesday): 14 arrested on Tuesday 2026-10-13, 9 police officers injured. */
    static Map<String, Object> tbilisiArrests() {
        return Map.of(
                "title", "Police detain protesters after night of unrest in Tbilisi",
                "body", "Police in Tbilisi arrested 14 protesters on Tuesday after demonstrators tried to block the main avenue "
                        + "outside parliament, the interior ministry said.\n\n"
                        + "Nine police officers were injured in the scuffles on Tuesday, the ministry added in a statement.\n\n"
                        + "The city has seen regular rallies since the spring, and analysts say the movement could grow.",
                "publishedAt", "2026-10-14T09:00:00Z",
                "source", "Caucasus Ledger",
                "url", "https://news.example.org/caucasus-ledger/2026/10/14/tbilisi-arrests");
    }

    /** Georgia, 2026-10-16 (a Friday): five arrested on Thursday 2026-10-15 in Batumi. */
    static Map<String, Object> batumiArrests() {
        return Map.of(
                "title", "Five detained in Batumi as opposition rally turns tense",
                "body", "Police detained five people in Batumi on Thursday during an opposition rally in the port city, "
                        + "a police spokesman said.\n\n"
                        + "The spokesman said the five would face charges of hooliganism.",
                "publishedAt", "2026-10-16T10:30:00Z",
                "source", "Black Sea Herald",
                "url", "https://news.example.org/black-sea-herald/2026/10/16/batumi-rally");
    }

    /** Kenya, 2026-10-20: a sentinel in another region, to know that everything published before it was processed. */
    static Map<String, Object> nairobiSentinel(String suffix) {
        return Map.of(
                "title", "Police arrest traders in Nairobi " + suffix,
                "body", "Police in Nairobi arrested three traders on Monday during a protest against new market fees, "
                        + "a police commander said.",
                "publishedAt", "2026-10-20T08:00:00Z",
                "source", "Rift Valley Times",
                "url", "https://news.example.org/rift-valley-times/2026/10/20/nairobi-" + suffix);
    }
}

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

    private static final String CHISINAU_URL = "https://news.example.org/dniester-post/2026/10/14/chisinau-unrest";

    /** Moldova, 2026-10-14 (a Wednesday): 14 arrested on Tuesday 2026-10-13 in Chisinau, 9 police officers injured. */
    static Map<String, Object> chisinauArrestsAndInjuries() {
        return Map.of(
                "title", "Police detain protesters after night of unrest in Chisinau",
                "body", "Police in Chisinau arrested 14 protesters on Tuesday after demonstrators tried to block the main "
                        + "avenue outside parliament, the interior ministry said.\n\n"
                        + "Nine police officers were injured in the scuffles on Tuesday, the ministry added in a statement.",
                "publishedAt", "2026-10-14T09:00:00Z",
                "source", "Dniester Post",
                "url", CHISINAU_URL);
    }

    /** The same article corrected under the same URL: the ministry withdrew the injuries, the arrests stand. */
    static Map<String, Object> chisinauArrestsCorrected() {
        return Map.of(
                "title", "Police detain protesters after night of unrest in Chisinau",
                "body", "Police in Chisinau arrested 14 protesters on Tuesday after demonstrators tried to block the main "
                        + "avenue outside parliament, the interior ministry said.\n\n"
                        + "This article has been corrected: the ministry withdrew part of its statement.",
                "publishedAt", "2026-10-14T09:00:00Z",
                "source", "Dniester Post",
                "url", CHISINAU_URL);
    }

    private static final String TWO_CAPITALS_URL = "https://news.example.org/balkan-wire/2026/10/21/two-capitals";

    /**
     * North Macedonia and Bulgaria, 2026-10-21: nine police officers injured in clashes in Skopje on Tuesday 2026-10-20
     * (events #0 and #1, region MK), six protesters arrested in Sofia (events #2 and #3, region BG).
     */
    static Map<String, Object> skopjeInjuriesSofiaArrests() {
        return Map.of(
                "title", "Unrest in two capitals",
                "body", "Nine police officers were injured in clashes with protesters in Skopje on Tuesday, North "
                        + "Macedonia's interior ministry said.\n\n"
                        + "Police in Sofia arrested six protesters on Tuesday during a march against the government, "
                        + "Bulgaria's interior ministry said.",
                "publishedAt", "2026-10-21T09:00:00Z",
                "source", "Balkan Wire",
                "url", TWO_CAPITALS_URL);
    }

    /** The same article corrected without Skopje: its events #0 and #1 are now Sofia's, in another region. */
    static Map<String, Object> sofiaArrestsCorrected() {
        return Map.of(
                "title", "Unrest in two capitals",
                "body", "Police in Sofia arrested six protesters on Tuesday during a march against the government, "
                        + "Bulgaria's interior ministry said.",
                "publishedAt", "2026-10-21T09:00:00Z",
                "source", "Balkan Wire",
                "url", TWO_CAPITALS_URL);
    }

    /** Georgia, 2026-10-15 (a Thursday): another outlet puts Tuesday's arrests in Tbilisi at 21, revising the 14. */
    static Map<String, Object> tbilisiArrestsRevised() {
        return Map.of(
                "title", "Tbilisi arrests rise as ministry updates its count",
                "body", "Police in Tbilisi arrested 21 protesters on Tuesday outside parliament, the interior ministry said "
                        + "in an updated statement.",
                "publishedAt", "2026-10-15T08:00:00Z",
                "source", "Black Sea Herald",
                "url", "https://news.example.org/black-sea-herald/2026/10/15/tbilisi-arrests-update");
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

    /** Three outlets on one border clash in Armenia on Monday 2026-10-19, with different figures: 12, about ten, dozens. */
    static java.util.List<Map<String, Object>> oneBorderClashThreeOutlets() {
        return java.util.List.of(
                Map.of("title", "Twelve soldiers wounded in border shooting",
                        "body", "Twelve Armenian soldiers were wounded on Monday when troops exchanged fire near the village "
                                + "of Sotk in Armenia, the defence ministry said.",
                        "publishedAt", "2026-10-19T16:00:00Z", "source", "Ararat Daily",
                        "url", "https://news.example.org/ararat-daily/2026/10/19/sotk"),
                Map.of("title", "Shooting on the border leaves soldiers hurt",
                        "body", "About ten Armenian soldiers were injured on Monday in an exchange of fire near Sotk in Armenia, "
                                + "local officials said.",
                        "publishedAt", "2026-10-19T18:30:00Z", "source", "Caucasus Ledger",
                        "url", "https://news.example.org/caucasus-ledger/2026/10/19/sotk-shooting"),
                Map.of("title", "Border flare-up",
                        "body", "Dozens of Armenian soldiers were hurt on Monday in a firefight near Sotk in Armenia, "
                                + "a regional news site reported.",
                        "publishedAt", "2026-10-20T07:00:00Z", "source", "Black Sea Herald",
                        "url", "https://news.example.org/black-sea-herald/2026/10/20/sotk"));
    }

    /**
     * Ecuador, 2026-10-19: two outlets report one violent protest in Quito with 27 injured, enough for the default
     * injuries alert (20 in 7 days from two outlets).
     */
    static java.util.List<Map<String, Object>> quitoViolentProtestTwoOutlets() {
        return java.util.List.of(
                Map.of("title", "Riot police and protesters clash outside Ecuador's National Assembly",
                        "body", "QUITO, Oct 19 (Andes Observer) - Riot police fought protesters outside the National Assembly "
                                + "in Quito on Monday, and 27 people were injured, Ecuador's health ministry said.",
                        "publishedAt", "2026-10-19T17:00:00Z", "source", "Andes Observer",
                        "url", "https://news.example.org/andes-observer/quito-clashes"),
                Map.of("title", "Quito protest turns violent near the National Assembly",
                        "body", "Police clashed with protesters in Quito on Monday. Ecuador's health ministry said 27 people "
                                + "were injured in the violence near the National Assembly.",
                        "publishedAt", "2026-10-19T21:30:00Z", "source", "Pacific Courier",
                        "url", "https://news.example.org/pacific-courier/quito-27-hurt"));
    }

    /**
     * Georgia, one outlet on two nights of protest in Tbilisi: 14 arrested on Tuesday 2026-10-13, nine on Wednesday
     * 2026-10-14. A day apart, with the default tolerance of one day they are counted as one occurrence; with none, as two.
     */
    static java.util.List<Map<String, Object>> tbilisiTwoNightsOfArrests() {
        return java.util.List.of(
                Map.of("title", "Police detain protesters outside parliament in Tbilisi",
                        "body", "Police in Tbilisi arrested 14 protesters on Tuesday after demonstrators tried to block "
                                + "the main avenue outside parliament, the interior ministry said.",
                        "publishedAt", "2026-10-14T09:00:00Z", "source", "Caucasus Ledger",
                        "url", "https://news.example.org/caucasus-ledger/2026/10/14/tbilisi-first-night"),
                Map.of("title", "Protesters return to Tbilisi avenue for a second night",
                        "body", "Police in Tbilisi arrested nine protesters on Wednesday as demonstrators gathered again "
                                + "on the avenue outside parliament, the interior ministry said.",
                        "publishedAt", "2026-10-15T09:30:00Z", "source", "Caucasus Ledger",
                        "url", "https://news.example.org/caucasus-ledger/2026/10/15/tbilisi-second-night"));
    }
}

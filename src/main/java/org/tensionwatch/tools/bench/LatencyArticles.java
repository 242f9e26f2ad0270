package org.tensionwatch.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;

/**
 * The articles the latency benchmark posts, written like agency copy about capitals of the gazetteer: a background of
 * rallies and statements that raise no alert, and articles reporting a few deaths, each in a region of its own, that
 * cross the default {@code fatalities} rule (any death in 7 days) and nothing else. Every template and place is
 * checked with the extractor before use, so that a change of the extractor cannot turn the background into alerts
 * or the alert articles into nothing unnoticed.
 */
final class LatencyArticles {

    /** An article to post: the JSON body's fields, and the region it is about. */
    record Article(String region, String title, String body, Instant publishedAt, String source, String url) {
    }

    /** A capital of the gazetteer and its country's code. */
    record Place(String region, String capital) {
    }

    private static final String[] SOURCES = {"Northern Ledger", "Harbour Times", "Valley Courier", "Capital Wire",
        "Border Post", "Evening Dispatch"};
    private static final String[] ISSUES = {"fuel prices", "bread prices", "pension reform", "water shortages",
        "university fees", "power cuts", "a new land law", "delayed wages"};
    private static final String[] TOPICS = {"shared water rights", "a rail link", "fishing quotas", "a trade accord",
        "border crossings", "power exports"};
    private static final String[] DEAD = {"two", "three", "four"};
    /** The event types a background article may yield: none of them is counted by a rule that can fire on one day. */
    private static final Set<EventType> QUIET = Set.of(EventType.PROTEST, EventType.APPEAL);

    private final List<Place> background;
    private final List<Place> alerting;
    private final String runId;

    private LatencyArticles(List<Place> background, List<Place> alerting, String runId) {
        this.background = background;
        this.alerting = alerting;
        this.runId = runId;
    }

    /**
     * Picks {@code backgroundRegions} capitals for the background and every other usable one for alert articles,
     * in the gazetteer's order, each checked with the extractor.
     */
    static LatencyArticles of(EventExtractor extractor, int backgroundRegions, String runId) {
        List<Place> background = new ArrayList<>();
        List<Place> alerting = new ArrayList<>();
        LatencyArticles probe = new LatencyArticles(List.of(), List.of(), runId);
        LocalDate day = LocalDate.of(2026, 6, 3);
        for (Place place : capitals()) {
            if (background.size() < backgroundRegions && probe.quiet(extractor, place, day)) {
                background.add(place);
            } else if (probe.alerts(extractor, place, day)) {
                alerting.add(place);
            }
        }
        if (background.size() < backgroundRegions || alerting.isEmpty()) {
            throw new IllegalStateException("the extractor reads too few of the gazetteer's capitals as the templates"
                    + " intend: " + background.size() + " for the background, " + alerting.size() + " for alerts");
        }
        return new LatencyArticles(List.copyOf(background), List.copyOf(alerting), runId);
    }

    /** How many alert articles can be posted, each in a region of its own. */
    int alertRegions() {
        return alerting.size();
    }

    List<Place> backgroundPlaces() {
        return background;
    }

    /** The n-th background article (from 0): a rally, or a statement that reports no event. */
    Article background(int n, Instant publishedAt) {
        Place place = background.get(n % background.size());
        String source = SOURCES[n % SOURCES.length];
        String text = n % 2 == 0 ? rally(place, n) : statement(place, n);
        int newline = text.indexOf('\n');
        return new Article(place.region(), text.substring(0, newline), text.substring(newline + 1).trim(), publishedAt,
                source, url("background", n));
    }

    /** The n-th alert article (from 0): a few deaths in a region no earlier article of the run was about. */
    Article alert(int n, Instant publishedAt) {
        Place place = alerting.get(n);
        String text = deaths(place, n);
        int newline = text.indexOf('\n');
        return new Article(place.region(), text.substring(0, newline), text.substring(newline + 1).trim(), publishedAt,
                SOURCES[n % SOURCES.length], url("alert", n));
    }

    private String url(String kind, int n) {
        return "https://news.example.org/latency-bench/" + runId + "/" + kind + "/" + n;
    }

    private static String rally(Place p, int n) {
        String issue = ISSUES[n / 2 % ISSUES.length];
        String city = p.capital();
        return "Hundreds rally in " + city + " over " + issue + "\n"
                + city.toUpperCase(Locale.ROOT) + " (Bench Wire) - Several hundred people marched through central " + city
                + " to protest against " + issue + ", organisers said. The rally ended peacefully in the afternoon, police"
                + " said.\n\nThe government said it would review the matter next month. Report " + n + ".";
    }

    private static String statement(Place p, int n) {
        String topic = TOPICS[n / 2 % TOPICS.length];
        String city = p.capital();
        return "Minister says talks on " + topic + " to resume in " + city + "\n"
                + city.toUpperCase(Locale.ROOT) + " (Bench Wire) - The foreign minister said talks on " + topic
                + " would resume next week in " + city + ", after a pause of two months. Delegations from both countries"
                + " are expected to attend.\n\nThe minister described the last round as constructive. Report " + n + ".";
    }

    private static String deaths(Place p, int n) {
        String dead = DEAD[n % DEAD.length];
        String city = p.capital();
        return Character.toUpperCase(dead.charAt(0)) + dead.substring(1) + " killed as police and protesters clash in "
                + city + "\n"
                + city.toUpperCase(Locale.ROOT) + " (Bench Wire) - At least " + dead + " people were killed in " + city
                + " when police clashed with protesters outside the central market, the health ministry said.\n\n"
                + "Officials said the dead included a street vendor. The ministry urged calm. Report " + n + ".";
    }

    /** Whether every background template about the place yields only quiet events, in its region. */
    private boolean quiet(EventExtractor extractor, Place place, LocalDate day) {
        for (int n = 0; n < 4; n++) {
            String text = n % 2 == 0 ? rally(place, n) : statement(place, n);
            for (ExtractedEvent e : extract(extractor, text, day)) {
                if (!QUIET.contains(e.type()) || !place.region().equals(e.countryCode())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the deaths template about the place yields a fatality figure in its region. */
    private boolean alerts(EventExtractor extractor, Place place, LocalDate day) {
        boolean fatality = false;
        for (ExtractedEvent e : extract(extractor, deaths(place, 0), day)) {
            if (!place.region().equals(e.countryCode())) {
                return false;
            }
            fatality |= e.type() == EventType.FATALITY && e.count() != null && e.count() >= 2;
            if (e.type() == EventType.INJURY || e.type() == EventType.ARREST || e.type() == EventType.MILITARY_ALERT) {
                return false;
            }
        }
        return fatality;
    }

    private static List<ExtractedEvent> extract(EventExtractor extractor, String text, LocalDate day) {
        int newline = text.indexOf('\n');
        return extractor.extract(new ArticleText(text.substring(0, newline), text.substring(newline + 1), day));
    }

    /** The gazetteer's countries with a capital written in plain letters, in the file's order (by code). */
    static List<Place> capitals() {
        List<Place> places = new ArrayList<>();
        try (InputStream in = LatencyArticles.class.getResourceAsStream("/extraction/countries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("extraction/countries.tsv is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cols = line.split("\t");
                if (line.startsWith("#") || cols.length < 4 || cols[3].isBlank()) {
                    continue;
                }
                String capital = cols[3].split(";")[0].trim();
                if (capital.matches("[A-Z][a-z]+( [A-Z][a-z]+)?")) {
                    places.add(new Place(cols[0].trim(), capital));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return places;
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}

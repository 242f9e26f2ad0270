package org.tensionwatch.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.Qualifier;

/**
 * Folds the mentions of one occurrence into one event: news repeats an event in the headline, the lead and
 * the body, so two events of the same type whose figures, days, countries and actors do not disagree are
 * taken to be one; individual resignations join a mass resignation reported alongside them.
 */
final class EventMerger {
    private static final java.util.regex.Pattern RE_NONLETTER = java.util.regex.Pattern.compile("[^\\p{L} ]");
    private static final java.util.regex.Pattern RE_NONLETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");

    private final Gazetteer gazetteer;

    EventMerger(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** An event as read from one sentence, with the sentence's position in the article and whether it is the headline. */
    record Mention(ExtractedEvent event, int sentence, boolean headline) {

        Mention(ExtractedEvent event, int sentence) {
            this(event, sentence, false);
        }
    }

    /** The merged events, each with the first sentence that mentions it. */
    List<Mention> merge(List<Mention> mentions) {
        List<ExtractedEvent> out = new ArrayList<>();
        List<Integer> firstSentence = new ArrayList<>();
        List<Integer> lastSentence = new ArrayList<>();
        List<Boolean> headlineOnly = new ArrayList<>();
        for (Mention m : mentions) {
            ExtractedEvent e = m.event();
            int into = -1;
            boolean summary = false;
            for (int i = 0; i < out.size() && into < 0; i++) {
                if (compatible(out.get(i), e, m.sentence() - lastSentence.get(i))) {
                    into = i;
                } else if (headlineOnly.get(i) && !m.headline() && summarizes(out.get(i), e)) {
                    into = i;
                    summary = true;
                }
            }
            if (into < 0) {
                out.add(e);
                firstSentence.add(m.sentence());
                lastSentence.add(m.sentence());
                headlineOnly.add(m.headline());
            } else {
                // the body tells the event in full: its figure, actor and evidence come first, the headline fills gaps
                boolean fromHeadline = headlineOnly.get(into) && !m.headline();
                out.set(into, fromHeadline || summary ? combine(e, out.get(into)) : combine(out.get(into), e));
                lastSentence.set(into, m.sentence());
                headlineOnly.set(into, headlineOnly.get(into) && m.headline());
            }
        }
        List<Mention> merged = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            merged.add(new Mention(out.get(i), firstSentence.get(i)));
        }
        return merged;
    }

    /**
     * Whether a headline event is the summary of a body event: same type, day and country, and a figure the body's
     * covers - "Dozens dead" for "killed at least 42 civilians", "Insurgents kill 11" for "killing 11 civilians";
     * the headline's subject is often the perpetrator, so actors are not compared.
     */
    private static boolean summarizes(ExtractedEvent headline, ExtractedEvent body) {
        if (headline.type() != body.type() || !agree(headline.occurredOn(), body.occurredOn())
                || !agree(headline.countryCode(), body.countryCode())
                || headline.type() == EventType.APPEAL || headline.type() == EventType.CONDEMNATION) {
            return false;
        }
        if (agreeCounts(headline, body)) {
            return true;
        }
        if (headline.qualifier() != Qualifier.VAGUE || body.count() == null) {
            return false;
        }
        if (headline.count() == null) {
            return true; // "Dozens dead" for "killed at least 42"
        }
        long unit = headline.count();
        return body.count() >= unit && body.count() < unit * 10; // "dozens" 12..119, "hundreds" 100..999
    }

    private boolean compatible(ExtractedEvent a, ExtractedEvent b, int sentencesApart) {
        if (a.type() != b.type()) {
            return false;
        }
        if (updates(b, a)) {
            return true; // "by Tuesday the toll had risen to 19": the same occurrence's figure, revised later in the text
        }
        if (!agree(a.occurredOn(), b.occurredOn())) {
            return false;
        }
        if (a.type() == EventType.RESIGNATION) {
            return agreeCounts(a, b) || isMass(a) || isMass(b);
        }
        if (!agreeCounts(a, b)) {
            return false;
        }
        if (a.type() == EventType.APPEAL || a.type() == EventType.CONDEMNATION) {
            // the speaker decides, not the country: an unnamed domestic speaker takes the article's country, which
            // need not agree with the country named in another mention of the same speaker
            if (a.actor() == null || b.actor() == null) {
                return sentencesApart <= 1; // "The statement called on...": the actor of the sentence before
            }
            return sameSpeaker(a.actor(), b.actor());
        }
        if (a.count() != null && b.count() != null && a.count() > 1 && !sameActor(a.actor(), b.actor())) {
            return false; // the same figure for two victim groups
        }
        if ((a.type() == EventType.PROTEST || a.type() == EventType.CLASH) && !samePlace(a.location(), b.location())) {
            return false; // protests in two cities are two protests, as event datasets count them per place and day
        }
        if (a.type() == EventType.PROTEST || a.type() == EventType.CLASH) {
            if (OTHER_PLACES.matcher(a.evidence()).find() != OTHER_PLACES.matcher(b.evidence()).find()) {
                return false; // "protests spread to other cities": not the protest in the first city
            }
            if (a.location() == null && b.location() != null && ALSO.matcher(b.evidence()).find()) {
                return false; // "clashes also broke out in Surabaya", "others also attacked police in Rawalpindi": one more
            }
        }
        return agree(a.countryCode(), b.countryCode());
    }

    private boolean samePlace(String a, String b) {
        if (a == null || b == null || broad(a) || broad(b)) {
            return true;
        }
        String la = a.toLowerCase(Locale.ROOT);
        String lb = b.toLowerCase(Locale.ROOT);
        return la.contains(lb) || lb.contains(la);
    }

    /** A country or a region of one ("northern Kosovo"): it may hold any town another report names. */
    private boolean broad(String location) {
        List<Place> places = gazetteer.find(location);
        return !places.isEmpty() && places.stream().allMatch(p -> p.kind() == Place.Kind.COUNTRY);
    }

    /**
     * Whether {@code later} revises the figure of {@code earlier}: a casualty or arrest toll that "rose to", "climbed
     * to" or "now stands at" a figure no smaller, for a group that may be the same. A running total "since the unrest
     * began" is not a revision of one night's figure and does not match.
     */
    private static boolean updates(ExtractedEvent later, ExtractedEvent earlier) {
        if (!REVISABLE.contains(later.type()) || later.count() == null || earlier.count() == null
                || later.count() < earlier.count() || !sameActor(later.actor(), earlier.actor())) {
            return false;
        }
        String evidence = later.evidence().toLowerCase(Locale.ROOT);
        return TOLL_UPDATE.matcher(evidence).find() && !RUNNING_TOTAL.matcher(evidence).find();
    }

    private static final java.util.regex.Pattern ALSO = java.util.regex.Pattern.compile("\\balso\\b");
    private static final java.util.regex.Pattern OTHER_PLACES = java.util.regex.Pattern.compile(
            "\\b(?:other|several other|many other|several|many)(?: major| big| large)? (?:cities|towns|places|areas|regions"
                    + "|provinces|localities|parts|spots|districts)\\b|\\bspread (?:to|across|into)\\b");
    private static final java.util.Set<EventType> REVISABLE = java.util.EnumSet.of(EventType.FATALITY, EventType.INJURY,
            EventType.ARREST);
    private static final java.util.regex.Pattern TOLL_UPDATE = java.util.regex.Pattern.compile(
            "\\b(?:(?:toll|number|figure|tally|count)\\s+(?:of\\s+(?:the\\s+)?\\w+\\s+)?(?:has\\s+|had\\s+)?"
                    + "(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|stands|stood|went up)"
                    + "|(?:rose|risen|climbed|jumped|increased) to (?:at least |more than |over |nearly |about |some )?"
                    + "(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
                    + "|now stands at|revised (?:up|down)\\w*|updated)\\b");
    private static final java.util.regex.Pattern RUNNING_TOTAL = java.util.regex.Pattern.compile(
            "\\bsince (?:the )?(?:unrest|protests?|violence|riots?|clashes|demonstrations|start|beginning|began)\\b");

    private static boolean isMass(ExtractedEvent e) {
        return e.count() == null && e.qualifier() == Qualifier.VAGUE;
    }

    private static boolean agreeCounts(ExtractedEvent a, ExtractedEvent b) {
        return a.count() == null || b.count() == null || a.count().equals(b.count()) || covers(a, b) || covers(b, a);
    }

    /**
     * Whether a rounded figure is the lede's telling of an exact one: "more than 1,300" of 1,311, "over 300" of 347
     * (at most half again as many), "nearly 80" of 79, "about 200" of 190 (within a tenth).
     */
    private static boolean covers(ExtractedEvent rounded, ExtractedEvent exact) {
        if (exact.qualifier() != Qualifier.EXACT || rounded.count() == null || exact.count() == null) {
            return false;
        }
        long r = rounded.count();
        long x = exact.count();
        if (rounded.qualifier() == Qualifier.AT_LEAST) {
            return x > r && 2 * x < 3 * r;
        }
        if (rounded.qualifier() == Qualifier.ABOUT) {
            return 10 * Math.abs(x - r) <= r;
        }
        return false;
    }

    private static boolean agree(Object a, Object b) {
        return a == null || b == null || a.equals(b);
    }

    /** Whether two actor labels may name the same actor: one is missing, or they share their last word. */
    static boolean sameActor(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        String la = a.toLowerCase(Locale.ROOT);
        String lb = b.toLowerCase(Locale.ROOT);
        if (UNNAMED.contains(lastWord(la)) || UNNAMED.contains(lastWord(lb))) {
            return true; // "people", "others": an unnamed group may be any group of the occurrence
        }
        if (la.contains(lb) || lb.contains(la)) {
            return true;
        }
        return lastWord(la).equals(lastWord(lb));
    }

    /** Whether two speakers are one: the same label, or one ends the other ("Zakharova", "Maria Zakharova"). */
    static boolean sameSpeaker(String a, String b) {
        String la = RE_NONLETTER.matcher(a.toLowerCase(Locale.ROOT)).replaceAll("").strip();
        String lb = RE_NONLETTER.matcher(b.toLowerCase(Locale.ROOT)).replaceAll("").strip();
        if (la.equals(lb)) {
            return true;
        }
        String longer = la.length() > lb.length() ? la : lb;
        String shorter = longer == la ? lb : la;
        return !shorter.isEmpty() && longer.endsWith(" " + shorter) && !longer.contains(" and ");
    }

    private static final java.util.Set<String> UNNAMED = java.util.Set.of("people", "persons", "individuals", "person");

    private static String lastWord(String s) {
        String[] w = RE_NONLETTERS.split(s);
        return w.length == 0 ? "" : w[w.length - 1];
    }

    private static ExtractedEvent combine(ExtractedEvent a, ExtractedEvent b) {
        Long count = a.count() != null ? a.count() : b.count();
        Qualifier qualifier = a.count() != null ? a.qualifier() : b.count() != null ? b.qualifier() : first(a.qualifier(), b.qualifier());
        if (covers(a, b) || updates(b, a)) {
            count = b.count(); // the exact figure is the more specific one, the revised toll the latest
            qualifier = b.qualifier();
        }
        if (a.type() == EventType.RESIGNATION && (isMass(a) || isMass(b))) {
            long biggest = Math.max(a.count() == null ? 0 : a.count(), b.count() == null ? 0 : b.count());
            count = biggest > 1 ? biggest : null;
            qualifier = count == null ? Qualifier.VAGUE : (a.count() != null && a.count() == biggest ? a.qualifier() : b.qualifier());
        }
        AlertLevel level = a.type() == EventType.MILITARY_ALERT ? AlertLevel.max(a.level(), b.level()) : null;
        return new ExtractedEvent(a.type(), count, qualifier, level,
                first(a.actor(), b.actor()),
                first(a.location(), b.location()),
                first(a.countryCode(), b.countryCode()),
                first(a.occurredOn(), b.occurredOn()),
                a.occurredOn() != null || b.occurredOn() != null ? null : first(a.occurredWithin(), b.occurredWithin()),
                a.evidence(),
                Math.min(0.97, Math.max(a.confidence(), b.confidence()) + 0.02),
                a.plover());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}

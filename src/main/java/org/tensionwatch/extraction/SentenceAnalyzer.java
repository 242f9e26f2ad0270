package org.tensionwatch.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.DayRange;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.extraction.Trigger.Requirement;

/**
 * Reads the events of one candidate sentence: finds trigger matches, checks what each requires and whether it
 * is a reported fact, attaches figures to the nearest trigger they count, and fills in who, where and when.
 */
final class SentenceAnalyzer {
    private static final java.util.regex.Pattern RE_HE_SHE = java.util.regex.Pattern.compile("(?s).*\\b(?:he|she)\\s+(?:\\w+\\s+)?$");
    private static final java.util.regex.Pattern RE_NONWORD = java.util.regex.Pattern.compile("[^a-z'’-]+");
    private static final java.util.regex.Pattern RE_HIGHEST = java.util.regex.Pattern.compile("(?s).*\\b(?:highest|maximum|top|full|red)\\b.*");
    private static final java.util.regex.Pattern RE_HIGH = java.util.regex.Pattern.compile("(?s).*\\b(?:high|combat|elevated|battle)\\b.*");
    private static final java.util.regex.Pattern RE_LEAD_PUNCT = java.util.regex.Pattern.compile("^[\\s;:,()\\-–—]+");
    private static final java.util.regex.Pattern RE_WS = java.util.regex.Pattern.compile("\\s+");

    private static final Set<EventType> COUNTED = EnumSet.of(EventType.PROTEST, EventType.INJURY, EventType.FATALITY,
            EventType.ARREST, EventType.RESIGNATION, EventType.DISMISSAL, EventType.DEPLOYMENT);
    private static final Set<EventType> BARE_COUNTS = EnumSet.of(EventType.INJURY, EventType.FATALITY, EventType.ARREST);
    private static final Set<EventType> SINGULAR_COUNTS = EnumSet.of(EventType.INJURY, EventType.FATALITY,
            EventType.ARREST, EventType.DISMISSAL, EventType.RESIGNATION);
    private static final Set<EventType> SPEAKER_TYPES = EnumSet.of(EventType.APPEAL, EventType.CONDEMNATION,
            EventType.MILITARY_ALERT);

    private static final Pattern SEGMENT_BOUNDARY = Pattern.compile(
            ";|:(?!\\d)| [-–—] |, (?:which|who|whom|where|while|although|though|whereas|but)\\b| but | although "
                    + "| whereas |\\(|\\)");
    private static final Pattern PHYSICAL = Pattern.compile(
            "\\b(?:killed|killing|wounded|injured|dead|died|shot|gunmen|militants|armed|rebels|insurgents|troops|soldiers"
                    + "|police|policemen|officers|patrols?|convoy|base|checkpoint|village|town|city|civilians|drones?"
                    + "|rockets?|missiles?|bombs?|grenades?|knives|knife|stones|rocks|guns?|rifles?|explosives?|vehicles?"
                    + "|buses|station|camp|hospital|school|mosque|church|synagogue|market|mob|attackers|assailants|buildings?|headquarters"
                    + "|parliament|embassy|consulate|protesters|demonstrators|rioters)\\b");
    private static final Pattern MILITARY = Pattern.compile(
            "\\b(?:army|armies|military|troops|armed forces|forces|units?|soldiers|air force|navy|naval|defen[cs]e"
                    + "|missiles?|nuclear|battalions?|brigades?|jets|garrisons?)\\b");
    private static final Pattern PERSONNEL = Pattern.compile(
            "\\b(?:troops|soldiers|forces|police|policemen|officers|units?|personnel|peacekeepers|reinforcements"
                    + "|gendarmes|garda[ií]?|guards|battalions?|brigades?|paratroopers|marines|commandos|reservists|army|military"
                    + "|contingent|tanks|armou?red vehicles|warships|special forces|servicemen)\\b");
    private static final Pattern CARGO = Pattern.compile(
            "\\b(?:letters?|messages?|notes?|signals?|emails?|texts?|invitations?|requests?|warnings?|aid|help|food"
                    + "|supplies|weapons|arms|ammunition|money|funds|shells|equipment|condolences|delegation|envoys?)\\b");
    private static final Pattern POLICE = Pattern.compile("\\b(?:police|policemen|gendarmes|riot|officers)\\b");
    private static final Pattern RESTRAINT = Pattern.compile(
            "\\b(?:restraint|refrain\\w*|calm|de-?escalat\\w*|(?:ease|reduce|lower|defuse|cool) (?:the )?tensions?"
                    + "|defuse|dialogue|talks|negotiat\\w*|ceasefire|cease-fire|truce|peaceful\\w*|peace|withdraw\\w*"
                    + "|retreat|pull (?:back|out)|stop (?:the )?(?:violence|fighting|attacks|hostilities)"
                    + "|end (?:the )?(?:violence|fighting|hostilities|clashes)"
                    + "|avoid (?:\\w+ ){0,2}(?:escalation|violence|provocations?|confrontation|inflammatory|rhetoric)"
                    + "|diplomatic (?:solution|means|path)|hold fire|lay down (?:their )?arms|unilateral (?:actions?|steps|moves)"
                    + "|tolerance|cool heads|keep talking|stay engaged)\\b");
    private static final Pattern INTERNATIONAL = Pattern.compile(
            "\\b(?:EU|E\\.U\\.|European (?:Union|Commission|Council|Parliament)|Brussels|UN|U\\.N\\.|United Nations"
                    + "|Secretary-General|UN Security Council|NATO|Nato|OSCE|African Union|AU|Council of Europe|ECOWAS|ASEAN"
                    + "|Arab League|G7|G20|Red Cross|ICRC|Human Rights Watch|International Criminal Court|Vatican|Pope"
                    + "|international community|Western (?:powers|governments|capitals|countries))\\b");
    private static final Pattern SUPPRESSION = Pattern.compile(
            "\\b(?:dispers\\w*|break(?:s|ing)? up|broke(?:n)? up|clear(?:s|ed|ing)?|ban(?:s|ned|ning)?|crack(?:s|ed|ing)? down"
                    + "|storm(?:s|ed|ing)?|raid(?:s|ed|ing)?|(?:fire[sd]?|firing|open(?:s|ed)? fire) (?:on|at|into|upon)|tear-?gass\\w*"
                    + "|surround\\w*|remov\\w*|dismantl\\w*|prevent\\w*|halt(?:s|ed|ing)?|(?:turn|use)[sd]? (?:tear gas|water cannon)"
                    + "|charg(?:e|es|ed|ing) (?:at|into))\\b");
    private static final Pattern PLACE_OF_OFFICE = Pattern.compile("\\b(?:in|for|to|on|with|at|from|over)\\s+(?:the\\s+)?$");
    private static final Pattern SPEECH = Pattern.compile(
            "\\b(?:said|says|told|stated|tweeted|wrote|added|indicated|claimed|insisted|according to)\\b");
    private static final Pattern ROLE = Pattern.compile(
            "\\b(?:chiefs?|directors?|heads?|commanders?|ministers?|officials?|officers?|mayors?|governors?|judges?"
                    + "|prosecutors?|ambassadors?|spokes(?:man|woman|person)|secretary|deputy|deputies|lawmakers?|members?"
                    + "|employees|staff|workers|generals?|coach|ceo|manager|president|premier|editor|board|cabinet"
                    + "|government|police)\\b");
    private static final Pattern PROPER_BEFORE_PASSIVE = Pattern.compile(
            "[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)*,?\\s+(?:was|has been|had been|is being|were|have been)\\s+(?:\\w+\\s+)?$");
    private static final Pattern PROPER_AFTER = Pattern.compile("^\\s+(?:[A-Z][\\w'’-]+\\s*){1,3}");
    private static final Pattern PEOPLE_WORD = Pattern.compile(
            "\\b(?:crowds?|they|people|residents|protesters|demonstrators|supporters|students|workers|activists"
                    + "|villagers|thousands|hundreds|dozens|women|men|citizens)\\b");
    private static final Pattern CAPITAL_PLURAL = Pattern.compile("\\b[A-Z][a-z]{2,}s\\b");
    private static final Pattern PASSIVE_SINGULAR = Pattern.compile(
            "\\b(?:was|has been|had been|is being|got)\\s+(?:\\w+\\s+)?$");
    private static final Pattern OBJECT_SINGULAR = Pattern.compile(
            "^\\s+(?:(?:last|this) (?:week|month) )?(?:of\\s+)?(?:(?:a|an|the|one|another|their|his|her|its)\\s+)+");
    private static final Pattern SUBJECT_SINGULAR = Pattern.compile(
            "(?:\\b(?:he|she|He|She)|\\b(?:a|the|one|A|The|One)\\s+(?:[\\w-]+\\s+){0,3}[a-z]+|[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)*)"
                    + ",?\\s+(?:(?:who|has|had|was|is|also|then|later|reportedly|abruptly|formally)\\s+)*$");
    private static final Pattern PLURAL_GROUP = Pattern.compile(
            "\\b(?:they|officials|lawmakers|legislators|deputies|mps|members|ministers|judges|prosecutors|officers"
                    + "|policemen|mayors|councillors|councilors|representatives|employees|staff|commanders|diplomats"
                    + "|senators|workers|delegates|staffers)\\b");
    private static final Pattern WHOLE_GOVERNMENT = Pattern.compile(
            "\\band (?:his|her|its|their|the(?: whole| entire)?|the rest of the) (?:government|cabinet)\\b");
    private static final Pattern MASS = Pattern.compile("\\ben masse\\b|\\bmass\\b|\\bcollective(?:ly)?\\b");
    private static final Pattern GAP_BEFORE_BARE = Pattern.compile(
            "^\\s*(?:people\\s+|others\\s+)?(?:(?:were|was|have|has|had|been|are|reportedly|also|later|so far|confirmed)\\s+)*$");
    private static final Pattern PASSIVE_AUXILIARIES = Pattern.compile(
            "^\\s+(?:(?:were|was|have|has|had|been|are|is|being|reportedly|also|later|all|allegedly)\\s+)+$");
    private static final Pattern CHAIN = Pattern.compile("^\\s*(?:,|,? and|,? as well as)\\s*$");
    private static final Pattern LOCATION_CUE = Pattern.compile(
            "(?:\\bborder with\\s+|\\b(?:in|at|near|outside|around|across|from|into|to|of|on|inside|throughout)\\s+(?:the\\s+)?"
                    + "(?:(?:\\w+\\s+)?(?:town|city|village|region|province|district|capital|streets|area|municipality)"
                    + "\\s+(?:of\\s+)?)?)$");
    private static final Pattern BORDER_WITH = Pattern.compile("\\bborder with\\s+(?:the\\s+)?$");
    private static final Pattern SPEECH_VERB = Pattern.compile(
            "[,\\s]+(?:said|says|told|announced|stated|added|tweeted|wrote|indicated|noted|stressed|declared|described"
                    + "|termed)\\b");
    private static final Pattern INTRO = Pattern.compile(
            "^(?:in|on|for|after|following|speaking|addressing|earlier|later|meanwhile|separately|at|during|when|as|with"
                    + "|according|early|late|last|this (?:week|month|morning)|yesterday|today|overnight)\\b[^,]{0,120},\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern CLAUSE_WORD = Pattern.compile("\\b(?:and|but|after|before|while|when|as|in|since|of)\\s");
    private static final Pattern PASSIVE_PERSONNEL = Pattern.compile(
            "\\b(?:troops|soldiers|forces|police|officers|units?|personnel|peacekeepers|reinforcements|gendarmes|battalions?"
                    + "|brigades?|army|military|rangers|guards?|garda[ií]?|paramilitar(?:y|ies)|contingents?)"
                    + "\\s+(?:\\w+\\s+){0,3}(?:were|was|have been|has been|had been|will be|are being|is being|being|to be)"
                    + "\\s+(?:\\w+\\s+)?$");

    private static final Pattern RISEN_TO = Pattern.compile(
            "^(?:\\s+[\\w'’-]+){0,12}?\\s+(?:rose|rises|risen|climbed|climbs|increased|reached|jumped|stands|stood)\\s+(?:to|at)\\s+$");
    private static final Pattern DEATH_OF_ONE = Pattern.compile(
            "\\s+of\\s+(?:(?:a|an)\\s|(?:(?:the|young|teenage|local|\\d{1,2}-year-old|[a-z]+-year-old)\\s+)*"
                    + "(?:[A-Z][\\p{L}'’.-]+|(?:[a-z-]+\\s+)?(?:" + String.join("|", PersonNouns.SINGULAR) + "))\\b)");
    private static final Pattern POSSESSIVE_ONE = Pattern.compile("(?:\\b(?:his|her)|[A-Z][\\p{L}-]+(?:'s|’s))\\s+$");
    private static final Pattern UNLISTED_PLACE = Pattern.compile(
            "\\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\\s+(?:the\\s+)?(?:(?:town|city|village|district|province|region|suburb) of\\s+)?"
                    + "(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2})"
                    // a name used as a modifier ("in the Gen Z protests") is no place: the name must end its phrase
                    + "(?=\\s*(?:[,.;:)\\]]|$)|\\s+(?:on|in|and|after|where|to|as|when|during|for|by|with|was|were|is|are"
                    + "|near|at|from|since|amid|while|following|late|early|last|this|overnight|yesterday|today)\\b)");
    private static final Pattern NOT_A_PLACE = Pattern.compile(
            "^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
                    + "|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|His|Her|Their|Its|This|That|Mr|Mrs|Ms|Dr|President"
                    + "|Prime|Minister|General|Police|Army|Reuters|AFP|AP|Facebook|Twitter|Instagram|X|Telegram)\\b"
                    + "|\\b(?:Party|Ministry|Council|Court|Agency|Times|Post|News|Television|TV|Radio|University)\\b");
    private static final Pattern SUPERSEDED = Pattern.compile(
            "\\b(?:(?:earlier|previous|initial|preliminary|old) (?:figures?|tolls?|tally|tallies|counts?|estimates?)"
                    + "|had (?:spoken of|put (?:the|it) (?:toll |number )?at)|up from|from an earlier)\\b[^.;]*$");
    private static final Pattern ASIDE = Pattern.compile(
            ",\\s+(?:including|among them|among whom|of whom|most of them|many of them|mostly)\\b[^,;]{1,80},");
    private static final Pattern SUBJECT_AUXILIARIES = Pattern.compile(
            "\\s*,?\\s*(?:(?:were|was|have|has|had|been|are|is|being|reportedly|also|later|all|allegedly|seriously"
                    + "|critically|badly|slightly|lightly|severely|fatally|mortally|gravely|now|since|subsequently"
                    + "|either|each|both)\\s+)*");
    private static final Pattern SUBSET = Pattern.compile("\\b(?:including|among them|among whom|of whom|of them)\\b");

    private record Hit(Trigger trigger, int start, int end) {
    }

    private final TriggerLexicon lexicon;
    private final CountPhraseParser counts;
    private final DateResolver dates;
    private final Gazetteer gazetteer;
    private final ActorNormalizer actors;
    private final FactualityFilter factuality;

    SentenceAnalyzer(TriggerLexicon lexicon, CountPhraseParser counts, DateResolver dates, Gazetteer gazetteer,
            ActorNormalizer actors, FactualityFilter factuality) {
        this.lexicon = lexicon;
        this.counts = counts;
        this.dates = dates;
        this.gazetteer = gazetteer;
        this.actors = actors;
        this.factuality = factuality;
    }

    /** The events the sentence reports, possibly none. */
    List<ExtractedEvent> analyze(Sentence s, ArticleContext ctx) {
        List<Trigger> candidates = lexicon.candidates(s.lower());
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = findHits(s, candidates);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<CountMention> figures = counts.find(s);
        List<DateMention> times = dates.find(s, ctx.published());
        int[] boundaries = boundaries(s.lower());
        List<Hit> factual = new ArrayList<>();
        for (Hit h : hits) {
            int[] seg = segment(boundaries, h.start(), s.lower().length());
            if (!meetsRequirement(s, h, figures, seg)) {
                continue;
            }
            if (factuality.reason(s, seg[0], seg[1], h.start(), h.end(), h.trigger().type(), times) == null) {
                factual.add(h);
            }
        }
        if (factual.isEmpty()) {
            return List.of();
        }
        List<List<CountMention>> attached = attachCounts(s, factual, figures, boundaries);
        List<Place> places = gazetteer.find(s.text());
        List<ExtractedEvent> out = new ArrayList<>();
        for (int i = 0; i < factual.size(); i++) {
            buildEvents(s, ctx, factual.get(i), attached.get(i), times, places, boundaries, out);
        }
        return onePerTypeUnlessCounted(out);
    }

    /** A sentence that names a type twice reports one event, unless it gives different figures. */
    private static List<ExtractedEvent> onePerTypeUnlessCounted(List<ExtractedEvent> events) {
        List<ExtractedEvent> out = new ArrayList<>();
        for (ExtractedEvent e : events) {
            boolean typeCounted = events.stream().anyMatch(o -> o.type() == e.type() && o.count() != null);
            if (e.count() == null && typeCounted) {
                continue;
            }
            boolean dup = out.stream().anyMatch(o -> o.type() == e.type() && java.util.Objects.equals(o.count(), e.count())
                    && (e.count() == null || java.util.Objects.equals(o.actor(), e.actor())));
            if (!dup) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Hit> findHits(Sentence s, List<Trigger> candidates) {
        String lower = s.lower();
        List<Hit> hits = new ArrayList<>();
        for (Trigger t : candidates) {
            BoundaryFind f = new BoundaryFind(t.pattern(), lower);
            Matcher m = f.matcher();
            while (f.find()) {
                if (vetoed(t, lower, m.start(), m.end()) || overlapsSameType(hits, t.type(), m.start(), m.end())) {
                    continue;
                }
                hits.add(new Hit(t, m.start(), m.end()));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return hits;
    }

    private static boolean overlapsSameType(List<Hit> hits, EventType type, int start, int end) {
        for (Hit h : hits) {
            if (h.trigger().type() == type && start < h.end() && h.start() < end) {
                return true;
            }
        }
        return false;
    }

    private static boolean vetoed(Trigger t, String lower, int start, int end) {
        if (t.vetoBefore() != null && t.vetoBefore().matcher(lower.substring(Math.max(0, start - 80), start)).find()) {
            return true;
        }
        return t.vetoAfter() != null
                && t.vetoAfter().matcher(lower.substring(end, Math.min(lower.length(), end + 60))).find();
    }

    private boolean meetsRequirement(Sentence s, Hit h, List<CountMention> figures, int[] seg) {
        String lower = s.lower();
        Requirement r = h.trigger().requirement();
        String before = lower.substring(Math.max(seg[0], h.start() - 60), h.start());
        String after = lower.substring(h.end(), Math.min(seg[1], h.end() + 60));
        return switch (r) {
            case NONE -> true;
            case PEOPLE_BEFORE -> PEOPLE_WORD.matcher(before).find()
                    || CAPITAL_PLURAL.matcher(s.text().substring(Math.max(seg[0], h.start() - 60), h.start())).find()
                    || figures.stream().anyMatch(c -> c.countsPeople() && c.groupEnd() <= h.start()
                            && h.start() - c.groupEnd() < 40);
            case PEOPLE_COUNT -> figures.stream().anyMatch(c -> c.countsPeople() && c.end() <= h.start()
                    && c.groupEnd() >= h.end());
            case PHYSICAL -> PHYSICAL.matcher(lower).find();
            case MILITARY -> MILITARY.matcher(lower).find();
            case PERSONNEL -> personnelSent(lower, h, after);
            case RESTRAINT -> RESTRAINT.matcher(lower.substring(h.end(), Math.min(lower.length(), h.end() + 220))).find();
            case ROLE -> ROLE.matcher(before).find() || ROLE.matcher(after).find()
                    || PROPER_BEFORE_PASSIVE.matcher(s.text().substring(Math.max(seg[0], h.start() - 60), h.start())).find()
                    || PROPER_AFTER.matcher(s.text().substring(h.end(), Math.min(seg[1], h.end() + 60))).find();
            case PERSON -> figures.stream().anyMatch(CountMention::countsPeople)
                    || PEOPLE_WORD.matcher(after).find() || PEOPLE_WORD.matcher(before).find();
            case SPEECH -> SPEECH.matcher(lower).find();
        };
    }

    private static boolean personnelSent(String lower, Hit h, String after) {
        String trigger = lower.substring(h.start(), h.end());
        if (trigger.equals("reinforcements")) {
            return true;
        }
        Matcher p = PERSONNEL.matcher(after);
        if (p.find() && p.start() <= 45 && !CARGO.matcher(after.substring(0, p.start())).find()) {
            return true;
        }
        // passive: "troops were deployed", "police units have been sent"
        String before = lower.substring(Math.max(0, h.start() - 50), h.start());
        return PASSIVE_PERSONNEL.matcher(before).find();
    }

    private static int[] boundaries(String lower) {
        List<Integer> b = new ArrayList<>();
        // Same matches as SEGMENT_BOUNDARY.find() in a loop, but the regex is only tried where a match can start.
        Matcher m = SEGMENT_BOUNDARY.matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if ((c == ';' || c == ':' || c == ' ' || c == ',' || c == '(' || c == ')')
                    && m.region(i, n).lookingAt()) {
                b.add(i);
                i = m.end();
            } else {
                i++;
            }
        }
        int[] out = new int[b.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = b.get(k);
        }
        return out;
    }

    private static int[] segment(int[] boundaries, int position, int length) {
        int start = 0;
        int end = length;
        for (int b : boundaries) {
            if (b <= position) {
                start = b;
            } else {
                end = b;
                break;
            }
        }
        return new int[] {start, end};
    }

    /** For each hit, the figures it counts: each figure goes to the nearest counted trigger that can take it. */
    private static List<List<CountMention>> attachCounts(Sentence s, List<Hit> hits, List<CountMention> figures,
            int[] boundaries) {
        List<List<CountMention>> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            out.add(new ArrayList<>());
        }
        String lower = s.lower();
        boolean[] hasObject = new boolean[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            for (CountMention c : figures) {
                if (c.start() >= h.end() && c.countsPeople() && blank(lower, h.end(), c.start())) {
                    hasObject[i] = true; // "detaining 17 people": the verb's own figure follows it
                }
            }
        }
        int[] own = ownVerbs(lower, hits, figures);
        int previousHit = -1;
        CountMention previous = null;
        for (int k = 0; k < figures.size(); k++) {
            CountMention c = figures.get(k);
            if (own[k] >= 0) {
                out.get(own[k]).add(c);
                previousHit = own[k];
                previous = c;
                continue;
            }
            int best = -1;
            int bestGap = Integer.MAX_VALUE;
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                EventType type = h.trigger().type();
                if (!COUNTED.contains(type)) {
                    continue;
                }
                if (segment(boundaries, h.start(), lower.length())[0] != segment(boundaries, c.start(), lower.length())[0]) {
                    continue;
                }
                if (hasObject[i] && c.groupEnd() <= h.start()) {
                    continue; // "to disperse thousands of protesters, detaining 17 people": the crowd is not detained
                }
                int gap = gap(lower, h, c, type);
                if (gap >= 0 && gap < bestGap) {
                    best = i;
                    bestGap = gap;
                }
            }
            if (best < 0 && previous != null && previousHit >= 0 && c.countsPeople()
                    && c.start() >= previous.groupEnd()
                    && CHAIN.matcher(lower.substring(previous.groupEnd(), c.start())).matches()) {
                best = previousHit; // "injured 30 soldiers and more than 50 Serbs"
            }
            if (best >= 0) {
                out.get(best).add(c);
                previousHit = best;
                previous = c;
            }
        }
        return out;
    }

    /**
     * For each figure, the counted trigger it is the subject of, or -1: "three others, including a child, were
     * seriously injured", "79 police officers injured"; in a chain "100 police officers and 20 protesters were
     * injured" every figure of the chain takes the verb of its last.
     */
    private static int[] ownVerbs(String lower, List<Hit> hits, List<CountMention> figures) {
        int[] own = new int[figures.size()];
        java.util.Arrays.fill(own, -1);
        for (int k = figures.size() - 1; k >= 0; k--) {
            CountMention c = figures.get(k);
            if (!c.mayCountPeople()) {
                continue;
            }
            int at = c.groupEnd();
            Matcher aside = ASIDE.matcher(lower).region(at, lower.length());
            if (aside.lookingAt()) {
                at = aside.end();
            }
            Matcher aux = SUBJECT_AUXILIARIES.matcher(lower).region(at, lower.length());
            if (aux.lookingAt()) {
                at = aux.end();
            }
            for (int i = 0; i < hits.size(); i++) {
                Hit h = hits.get(i);
                if (h.start() == at && BARE_COUNTS.contains(h.trigger().type()) && at > c.groupEnd()) {
                    own[k] = i;
                }
            }
            if (own[k] < 0 && k + 1 < figures.size() && own[k + 1] >= 0 && c.countsPeople()
                    && c.groupEnd() <= figures.get(k + 1).start() && !countsOwnTrigger(c, hits)
                    && CHAIN.matcher(withoutAside(lower.substring(c.groupEnd(), figures.get(k + 1).start()))).matches()) {
                own[k] = own[k + 1];
            }
        }
        return own;
    }

    /** "300 injured": the figure's group is itself a casualty word, so it has a verb of its own. */
    private static boolean countsOwnTrigger(CountMention c, List<Hit> hits) {
        for (Hit h : hits) {
            if (h.start() >= c.end() && h.start() < c.groupEnd()) {
                return true;
            }
        }
        return false;
    }

    private static String withoutAside(String between) {
        Matcher aside = ASIDE.matcher(between);
        return aside.lookingAt() ? " " + between.substring(aside.end()) : between;
    }

    private static boolean blank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Characters between a trigger and a figure it may count, or -1 when it cannot count it. */
    private static int gap(String lower, Hit h, CountMention c, EventType type) {
        boolean people = c.countsPeople();
        if (!people && !c.things() && type == EventType.PROTEST && c.groupEnd() <= h.start()
                && blank(lower, c.end(), h.start())) {
            return 0; // "Thousands protest", "Hundreds rallied": the figure is the crowd
        }
        if (c.things() || !people && !BARE_COUNTS.contains(type)) {
            return -1;
        }
        if (c.start() >= h.end()) {
            int gap = c.start() - h.end();
            String between = lower.substring(h.end(), c.start());
            if (RISEN_TO.matcher(between).find()) {
                return 1; // "the number of injured peacekeepers rose to 41"
            }
            if (SUBSET.matcher(between).find()) {
                return -1; // "seven arrested, including two men": a part of the group, not another group
            }
            if (gap > 12 && CLAUSE_WORD.matcher(between).find()) {
                return -1;
            }
            return gap <= (people ? 45 : 12) ? gap : -1;
        }
        if (c.groupEnd() <= h.start()) {
            int gap = h.start() - c.groupEnd();
            if (!people) {
                return GAP_BEFORE_BARE.matcher(lower.substring(c.end(), h.start())).matches() ? gap : -1;
            }
            if (gap > 0 && gap <= 40 && PASSIVE_AUXILIARIES.matcher(lower.substring(c.groupEnd(), h.start())).matches()) {
                return 0; // "41 people had been detained": the subject of its own verb, not another clause's object
            }
            return gap <= (type == EventType.PROTEST ? 70 : 50) ? gap : -1;
        }
        if (people && c.start() < h.start() && c.groupEnd() >= h.end()) {
            // "17 killed and 14 injured": the casualty word is the counted noun; "5,000 protesters" counts a crowd
            // only when no arrest or injury claims them
            return h.trigger().requirement() == Requirement.PEOPLE_COUNT ? 200 : 0;
        }
        return -1;
    }

    private void buildEvents(Sentence s, ArticleContext ctx, Hit h, List<CountMention> figures, List<DateMention> times,
            List<Place> places, int[] boundaries, List<ExtractedEvent> out) {
        EventType type = h.trigger().type();
        int[] seg = segment(boundaries, h.start(), s.lower().length());
        // a statement's day is said before what it is about: "condemned the violence of 1 to 10 August" is not dated
        DateMention time = SPEAKER_TYPES.contains(type) && type != EventType.MILITARY_ALERT
                ? DateResolver.nearestMention(times.stream().filter(d -> d.end() <= h.start()).toList(), h.start(), null)
                : DateResolver.nearestMention(times, h.start(), s.lower());
        LocalDate when = time == null ? null : time.date();
        DayRange within = time == null || when != null ? null : time.span();
        String clause = subjectBefore(s, seg[0], h.start());
        String subject = lastWords(clause, 9);
        String actor = type == EventType.PROTEST && clause != null
                && SUPPRESSION.matcher(clause.toLowerCase(java.util.Locale.ROOT)).find()
                ? null // "riot police disperse Tbilisi rally": whoever breaks up a protest is not protesting
                : actors.normalize(ActorPhrase.of(clause));
        Place where = location(s, places, h.start());
        String location = where == null ? unlistedPlace(s.text(), h.start()) : where.name();
        String country = where == null ? null : where.countryCode();
        if (where != null && BORDER_WITH.matcher(s.text().substring(Math.max(0, where.start() - 20), where.start())).find()) {
            location = "border with " + where.name();
            country = actorCountry(subject);
        }
        if (type == EventType.MILITARY_ALERT) {
            country = lastCountryBefore(s, places, h.start());
        } else if (SPEAKER_TYPES.contains(type)) {
            country = speakerCountry(subject, country, ctx);
        } else if (country == null) {
            country = ctx.defaultCountry() != null ? ctx.defaultCountry() : firstCountry(s.lower(), places);
        }
        AlertLevel level = type == EventType.MILITARY_ALERT ? level(s.lower().substring(h.start(), h.end())) : null;
        boolean police = type == EventType.DEPLOYMENT
                && POLICE.matcher(s.lower().substring(h.end(), Math.min(s.lower().length(), h.end() + 40))).find();
        var codes = InteropTable.codes(type, h.trigger().violence(), police);
        double base = h.trigger().strength() + (when != null ? 0.04 : 0) + (location != null ? 0.03 : 0);
        if (figures.isEmpty()) {
            Long count = null;
            Qualifier qualifier = null;
            if (SINGULAR_COUNTS.contains(type)) {
                int n = singularOrMass(s, h, seg);
                if (n == 1) {
                    count = 1L;
                    qualifier = Qualifier.EXACT;
                } else if (n == 0 && type == EventType.RESIGNATION) {
                    qualifier = Qualifier.VAGUE;
                }
            }
            if (type == EventType.PROTEST && h.trigger().requirement() == Requirement.PEOPLE_COUNT) {
                return;
            }
            out.add(new ExtractedEvent(type, count, qualifier, level, victimsFromSubject(type, actor), location, country,
                    when, within, s.text(),
                    clamp(base), codes));
            return;
        }
        for (CountMention c : figures) {
            if (SUPERSEDED.matcher(s.lower().substring(Math.max(0, c.start() - 50), c.start())).find()) {
                continue; // "updating earlier figures that spoke of almost 1,000 arrests": the figure it replaces
            }
            String group = c.group() != null ? actors.normalize(c.group()) : victimsFromSubject(type, actor);
            if (type == EventType.INJURY && c.group() != null && OTHERS.matcher(c.group()).matches()) {
                String antecedent = othersOf(s.text(), c.start());
                group = antecedent != null ? antecedent : group;
            }
            if (type == EventType.DEPLOYMENT || type == EventType.RESIGNATION || type == EventType.DISMISSAL) {
                group = actor != null ? actor : group;
            }
            out.add(new ExtractedEvent(type, c.value(), c.qualifier(), level, group, location, country, when, within,
                    s.text(),
                    clamp(base + 0.05), codes));
        }
    }

    /**
     * Who a bare figure counts, from the clause's subject: for casualties and arrests only a group of people the
     * subject names ("Protesters ... 12 of them hurt"), never a speaker or perpetrator ("Prime Minister Oli ... 19
     * dead", "Gunmen killed 5"), since a wrong victim group makes the same dead two events across outlets.
     */
    private static String victimsFromSubject(EventType type, String actor) {
        if (actor == null || !BARE_COUNTS.contains(type)) {
            return actor;
        }
        String[] words = RE_WS.split(actor.toLowerCase(java.util.Locale.ROOT).strip());
        String head = words[words.length - 1];
        return PersonNouns.isPlural(head) && !PERPETRATORS.contains(head) ? actor : null;
    }

    private static final Pattern OTHERS = Pattern.compile("(?i)(?:\\w+\\s+)?others");
    /** A death in the clause before "N others were injured", whose victims the others are of a kind with. */
    private static final Pattern DEATH_WORD = Pattern.compile("(?i)\\b(?:killed|dead|died|deaths?|lost their lives)\\b");
    private static final Pattern INCLUDING = Pattern.compile("(?i),?\\s*including\\s[^,;]*,?");
    private static final Set<String> NOT_A_KIND = Set.of("others", "people", "persons", "person", "individuals",
            "individual", "children", "child", "women", "woman", "men", "man", "victims", "casualties", "dead", "injured",
            "wounded");

    /**
     * Who the injured "others" are, where the same sentence first tells of deaths of a kind of people: "One civilian
     * was killed and three others injured", "the deaths of nine civilians, including a child, and injuries to
     * fourteen others" are injured civilians. Not "two soldiers and three others were injured", where the others are
     * set apart from the soldiers; null where no such kind is named.
     */
    static String othersOf(String text, int figureStart) {
        String before = text.substring(Math.max(0, figureStart - 160), figureStart);
        if (!DEATH_WORD.matcher(before).find()) {
            return null;
        }
        String plain = INCLUDING.matcher(before).replaceAll(" ");
        String[] words = plain.split("[^\\p{L}'-]+");
        for (int i = words.length - 1; i >= 0; i--) {
            String word = words[i].toLowerCase(java.util.Locale.ROOT);
            if (PersonNouns.isPlural(word) || PersonNouns.isSingular(word)) {
                if (NOT_A_KIND.contains(word)) {
                    return null; // "19 people dead and over 300 others injured": the nearest dead are of no kind
                }
                String rest = plain.substring(plain.toLowerCase(java.util.Locale.ROOT).lastIndexOf(word) + word.length());
                if (rest.matches("(?is)\\s*and\\s*")) {
                    return null; // "two soldiers and three others": others than the soldiers
                }
                return PersonNouns.isPlural(word + "s") ? word + "s" : word;
            }
        }
        return null;
    }

    private static final Set<String> PERPETRATORS = Set.of("gunmen", "attackers", "militants", "rebels", "insurgents",
            "assailants", "police", "policemen", "troops", "soldiers", "forces", "officers", "jihadists", "extremists",
            "fighters", "militiamen", "authorities", "agents", "guards");

    /** 1 for one person ("was suspended", "dismissed a police officer"), 0 for a group or en masse, -1 when unclear. */
    private static int singularOrMass(Sentence s, Hit h, int[] seg) {
        String lower = s.lower();
        String text = s.text();
        String beforeText = text.substring(Math.max(seg[0], h.start() - 80), h.start());
        String before = beforeText.toLowerCase(java.util.Locale.ROOT);
        String afterLower = lower.substring(h.end(), Math.min(seg[1], h.end() + 60));
        String trigger = lower.substring(h.start(), h.end());
        if (MASS.matcher(trigger).find() || MASS.matcher(afterLower).find() && afterLower.indexOf("masse") >= 0) {
            return 0;
        }
        if (trigger.endsWith("ations") || trigger.endsWith("ings")) {
            return -1;
        }
        if (h.trigger().type() == EventType.DISMISSAL && WHOLE_GOVERNMENT.matcher(afterLower).find()) {
            return 0; // "dismissed the prime minister and his government": everyone in it, not one
        }
        if (trigger.equals("death")) {
            // "the death of young Nahel", "the death of a delivery rider", "his death": one person
            return DEATH_OF_ONE.matcher(text.substring(h.end(), Math.min(seg[1], h.end() + 60))).lookingAt()
                    || POSSESSIVE_ONE.matcher(before).find() ? 1 : -1;
        }
        if (h.trigger().type() == EventType.RESIGNATION) {
            String near = before.substring(Math.max(0, before.length() - 60));
            if (PLURAL_GROUP.matcher(near).find() && !RE_HE_SHE.matcher(near).matches()) {
                return 0;
            }
            return SUBJECT_SINGULAR.matcher(beforeText).find() ? 1 : -1;
        }
        if (PASSIVE_SINGULAR.matcher(before).find()) {
            return 1;
        }
        Matcher o = OBJECT_SINGULAR.matcher(afterLower);
        if (o.find()) {
            for (String w : RE_NONWORD.split(afterLower.substring(o.end()).trim(), 5)) {
                if (PersonNouns.isSingular(w)) {
                    return 1;
                }
                if (PersonNouns.isPlural(w) && !w.equals("police") || w.isEmpty()) {
                    break;
                }
            }
        }
        Matcher p = PROPER_AFTER.matcher(text.substring(h.end(), Math.min(seg[1], h.end() + 60)));
        if (p.find() && !p.group().trim().endsWith("s")) {
            return 1;
        }
        return -1;
    }

    private static AlertLevel level(String trigger) {
        if (RE_HIGHEST.matcher(trigger).matches()) {
            return AlertLevel.HIGHEST;
        }
        if (RE_HIGH.matcher(trigger).matches()) {
            return AlertLevel.HIGH;
        }
        return AlertLevel.RAISED;
    }

    /** The actor: the noun phrase before the trigger, or before the reporting verb that introduces it. */
    private static String subjectBefore(Sentence s, int segmentStart, int triggerStart) {
        String pre = s.text().substring(segmentStart, triggerStart);
        pre = RE_LEAD_PUNCT.matcher(pre).replaceAll("");
        Matcher speech = SPEECH_VERB.matcher(pre);
        int cut = -1;
        while (speech.find()) {
            cut = speech.start();
        }
        if (cut > 0) {
            pre = pre.substring(0, cut);
        } else {
            int that = pre.lastIndexOf(" that ");
            if (that > 0) {
                pre = pre.substring(that + 6);
            }
        }
        pre = INTRO.matcher(pre).replaceFirst("");
        pre = pre.strip();
        return pre.isEmpty() ? null : pre;
    }

    private static String lastWords(String text, int max) {
        if (text == null) {
            return null;
        }
        String[] words = RE_WS.split(text);
        return words.length <= max ? text : String.join(" ", java.util.Arrays.copyOfRange(words, words.length - max, words.length));
    }

    /**
     * The country of an appeal or condemnation, as the gold annotates it: the speaker's own country when the speaker
     * is named by one ("Serbia's foreign ministry", "Russian diplomats"); none for an international body or several
     * countries speaking together ("the EU", "the UN Secretary-General", "the EU and the United States"); otherwise a
     * domestic speaker ("the army", "the RSF", "rights groups"), whose statement belongs to where the sentence places
     * it or to the article's main country.
     */
    private String speakerCountry(String subject, String sentenceCountry, ArticleContext ctx) {
        String fallback = sentenceCountry != null ? sentenceCountry : ctx.defaultCountry();
        if (subject == null) {
            return fallback;
        }
        if (INTERNATIONAL.matcher(subject).find()) {
            return null;
        }
        String found = null;
        for (Place p : gazetteer.find(subject)) {
            if (PLACE_OF_OFFICE.matcher(subject.substring(Math.max(0, p.start() - 12), p.start())).find()) {
                continue; // "the U.S. embassy in Pristina", "the office for Kosovo": not whose the speaker is
            }
            if (found != null && !found.equals(p.countryCode())) {
                return null; // "the United States and Britain"
            }
            found = p.countryCode();
        }
        return found != null ? found : fallback;
    }

    private String actorCountry(String subject) {
        if (subject == null) {
            return null;
        }
        for (Place p : gazetteer.find(subject)) {
            return p.countryCode();
        }
        return null;
    }

    private static Place location(Sentence s, List<Place> places, int triggerStart) {
        Place best = null;
        int bestScore = Integer.MAX_VALUE;
        for (Place p : places) {
            if (!p.isLocation() || Gazetteer.isCounterpart(s.lower(), p)) {
                continue;
            }
            String before = s.lower().substring(Math.max(0, p.start() - 40), p.start());
            boolean cued = LOCATION_CUE.matcher(before).find() || before.endsWith("northern ") || before.endsWith("southern ")
                    || before.endsWith("eastern ") || before.endsWith("western ") || before.endsWith("in central ");
            if (!cued) {
                continue;
            }
            int distance = Math.abs(p.start() - triggerStart);
            if (distance > 100) {
                continue;
            }
            int score = distance + (p.kind() == Place.Kind.COUNTRY ? 60 : 0) + (p.kind() == Place.Kind.CAPITAL ? 20 : 0);
            if (score < bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * A place the gazetteer does not list, as the sentence names it near the trigger: capitalised words after "in",
     * "at", "near" or "outside" ("in Temuco", "at Zero Point"); its country is the article's.
     */
    private static String unlistedPlace(String text, int triggerStart) {
        Matcher m = UNLISTED_PLACE.matcher(text);
        String best = null;
        int bestDistance = 101;
        while (m.find()) {
            String name = m.group("name");
            if (NOT_A_PLACE.matcher(name).find()) {
                continue;
            }
            int distance = Math.abs(m.start("name") - triggerStart);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String lastCountryBefore(Sentence s, List<Place> places, int position) {
        String cc = null;
        for (Place p : places) {
            if (p.end() <= position) {
                cc = p.countryCode();
            }
        }
        return cc;
    }

    private static String firstCountry(String lower, List<Place> places) {
        for (Place p : places) {
            if (p.isLocation() && !Gazetteer.isCounterpart(lower, p)) {
                return p.countryCode();
            }
        }
        for (Place p : places) {
            if (!Gazetteer.isCounterpart(lower, p)) {
                return p.countryCode(); // a demonym: "Georgian police"
            }
        }
        return null;
    }

    private static double clamp(double v) {
        return Math.max(0.05, Math.min(0.95, v));
    }
}

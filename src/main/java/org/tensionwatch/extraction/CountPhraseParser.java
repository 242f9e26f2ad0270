package org.tensionwatch.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensionwatch.domain.Qualifier;

/**
 * Finds figures in a sentence, written in digits or words, with their qualifier ("more than", "about",
 * "up to", "hundreds of") and the group of people they count; years, dates, ages, percentages, distances
 * and population figures are never returned.
 */
public final class CountPhraseParser {
    private static final java.util.regex.Pattern RE_DASH_SPACE = java.util.regex.Pattern.compile("[- ]");

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80,
            "ninety", 90);

    private static final String QUALIFIER = "(?<qual>more than|over|at least|upwards of|in excess of|no fewer than"
            + "|no less than|not less than|just over|well over|some|about|around|nearly|almost|approximately"
            + "|roughly|an estimated|estimated|close to|up to|as many as|fewer than|less than|at most|no more than"
            + "|just under|a total of|a further|another|at least another)\\s+";
    private static final String WORD_NUMBER = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]"
            + "(?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten";
    private static final String VAGUE = "tens of thousands|hundreds of thousands|dozens|hundreds|thousands|scores"
            + "|several (?:dozen|hundred|thousand)|a few (?:dozen|hundred|thousand)|a couple of hundred";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.,$€£-])(?:" + QUALIFIER + ")?(?:"
                    + "(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?<dmult>million|thousand|hundred))?"
                    + "|(?<vague>" + VAGUE + ")"
                    + "|(?<dozen>a|one|two|three|four|five|six|several|a few) dozen"
                    + "|(?<word>" + WORD_NUMBER + "|an?)(?:\\s+(?<wmult>hundred|thousand|million))?"
                    + ")(?![\\w%-]|,\\d|\\.\\d|:\\d)");

    /** The first words of NUMBER's alternatives (qualifiers, vague amounts, dozens, number words). */
    private static final Set<String> FIRST_WORDS = Set.of(
            "more", "over", "at", "upwards", "in", "no", "not", "just", "well", "some", "about", "around", "nearly",
            "almost", "approximately", "roughly", "an", "estimated", "close", "up", "as", "fewer", "less", "a",
            "another", "tens", "hundreds", "dozens", "thousands", "scores", "several", "one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    private static final int MAX_FIRST_WORD = 13;

    private static final Set<String> SKIPPABLE = Set.of(
            "more", "additional", "extra", "other", "of", "the", "them", "those", "these", "unarmed", "armed",
            "ethnic", "foreign", "local", "young", "new", "fresh", "elite", "senior", "junior", "police", "security",
            "army", "military", "government", "opposition", "rebel", "special", "civilian", "innocent", "peaceful",
            "anti-government", "pro-government", "riot", "border", "federal", "state", "national", "municipal",
            "palestinian", "israeli", "ukrainian", "russian", "serb", "albanian", "kosovo", "alleged", "suspected",
            "off-duty", "female", "male", "elderly", "masked", "unidentified", "unknown", "active", "trained");

    /** Nouns of things a figure may count instead of people: a figure of them is no casualty, arrest or crowd. */
    private static final Set<String> THINGS = Set.of(
            "vehicles", "vehicle", "cars", "car", "buses", "bus", "trucks", "truck", "lorries", "vans", "van",
            "motorcycles", "motorbikes", "bicycles", "buildings", "building", "homes", "home", "houses", "house",
            "shops", "shop", "stores", "store", "businesses", "fires", "blazes", "stations", "station", "posts", "post",
            "offices", "office", "banks", "properties", "structures", "tyres", "tires", "barricades", "rockets",
            "missiles", "drones", "shells", "bombs", "projectiles", "mortars", "weapons", "guns", "rifles", "rounds",
            "bullets", "villages", "towns", "cities", "districts", "provinces", "regions", "incidents", "attacks",
            "airstrikes", "strikes", "cases", "complaints", "tents", "schools", "hospitals", "churches", "mosques",
            "flights", "trains", "ships", "boats", "aircraft", "planes", "jets", "votes", "seats", "messages",
            "videos", "accounts", "cameras", "warrants", "sites", "locations", "roads", "streets", "bridges",
            "crossings", "checkpoints", "municipalities", "countries", "companies", "firms", "organisations",
            "organizations", "parties", "facilities", "apartments", "flats", "premises", "restaurants", "warehouses",
            "factories", "animals", "cattle", "livestock", "items", "bottles", "stones", "grenades", "explosives",
            "devices", "fireworks", "flares", "kilos", "litres", "liters", "hectares", "acres", "pages", "copies",
            "petitions", "signatures", "prisons", "courts", "hours", "trips", "tanks");

    private static final int[] THING_GROUP = {-1, -1};

    private static final Set<String> STOP = Set.of(
            "in", "at", "on", "from", "to", "were", "was", "have", "has", "had", "are", "is", "and", "or", "who", "that",
            "with", "by", "for", "after", "during", "before", "since", "into", "per", "than", "a", "an", "be", "been",
            "will", "would", "said", "says", "as", "while", "when", "where", "which", "but");

    private static final Pattern BLOCKED_BEFORE = Pattern.compile(
            "(?:aged|age|ages|population of|home to|route|article|resolution|chapter|paragraph|section|page|flight"
                    + "|number|no\\.|code|year|years"
                    + "|january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\.|per|top|bottom|\\$|€|£)\\s*$");
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "^(?:-|\\s)?(?:years?|year-olds?|months?|weeks?|days?|hours?|minutes?|seconds?|percent|per cent|%|km"
                    + "|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|kg|kilograms?|tons?|tonnes?|dollars|euros"
                    + "|pounds|points|am|pm|a\\.m\\.|p\\.m\\.|gmt|bc|ad|times|degrees|square|acres|hectares"
                    + "|january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|st|nd|rd|th)\\b");
    private static final Pattern POPULATION_AFTER = Pattern.compile(
            "^(?:\\s+\\w+){0,3}\\s+(?:inhabitants|population|minority|community|live|living)\\b");

    private static final Pattern RANGE_JOIN = Pattern.compile("^\\s*(?:to|or)\\s*$");
    private static final Pattern DASH_RANGE = Pattern.compile(
            "(?<![\\w.,$€£-])(?<lo>\\d{1,3}(?:,\\d{3})*)\\s?[-–]\\s?(?<hi>\\d{1,3}(?:,\\d{3})*)"
                    + "(?:\\s+(?<mult>thousand|million|hundred))?(?![\\w%-]|,\\d|\\.\\d|:\\d)");

    /**
     * The figures in the sentence, in order of appearance. A range ("between 20 and 30 people", "15 to 20",
     * "10-15 thousand") is one figure: its low end, {@code at_least}, as an analyst counts it.
     */
    public List<CountMention> find(Sentence sentence) {
        return ranges(sentence, single(sentence));
    }

    private List<CountMention> ranges(Sentence sentence, List<CountMention> figures) {
        String lower = sentence.lower();
        List<CountMention> out = new ArrayList<>();
        for (int k = 0; k < figures.size(); k++) {
            CountMention a = figures.get(k);
            CountMention b = k + 1 < figures.size() ? figures.get(k + 1) : null;
            if (b != null && a.group() == null && !a.things() && a.value() != null && b.value() != null
                    && a.value() < b.value() && a.end() <= b.start()) {
                String between = lower.substring(a.end(), b.start());
                boolean betweenAnd = between.strip().equals("and") && lower.startsWith("between ", Math.max(0, a.start() - 8))
                        && a.start() >= 8;
                if (RANGE_JOIN.matcher(between).matches() || betweenAnd) {
                    long low = a.value() * scale(lower.substring(b.start(), b.end()), lower.substring(a.start(), a.end()));
                    out.add(new CountMention(betweenAnd ? a.start() - 8 : a.start(), b.end(), low, Qualifier.AT_LEAST,
                            b.group(), b.groupEnd(), b.things()));
                    k++;
                    continue;
                }
            }
            out.add(a);
        }
        if (sentence.text().indexOf('-') >= 0 || sentence.text().indexOf('–') >= 0) {
            Matcher m = DASH_RANGE.matcher(lower);
            while (m.find()) {
                CountMention range = dashRange(sentence, m);
                if (range != null) {
                    out.add(range);
                }
            }
            out.sort(java.util.Comparator.comparingInt(CountMention::start));
        }
        return out;
    }

    /** "10-15 thousand": the multiplier written once, after the high end, applies to the low end too. */
    private static long scale(String high, String low) {
        for (String mult : new String[] {"million", "thousand", "hundred"}) {
            if (high.contains(mult) && !low.contains(mult)) {
                return (long) multiplier(mult);
            }
        }
        return 1;
    }

    private static CountMention dashRange(Sentence sentence, Matcher m) {
        String lower = sentence.lower();
        long lo = Long.parseLong(m.group("lo").replace(",", ""));
        long hi = Long.parseLong(m.group("hi").replace(",", ""));
        if (lo >= hi || lo >= 1900 && lo <= 2100 || m.group("lo").length() == 4 && m.group("hi").length() == 2) {
            return null; // "1998-99", a score "3-1"
        }
        String before = lower.substring(Math.max(0, m.start() - 25), m.start());
        String after = lower.substring(m.end(), Math.min(lower.length(), m.end() + 30));
        if (BLOCKED_BEFORE.matcher(before).find() || UNIT_AFTER.matcher(after).find()) {
            return null;
        }
        return counting(sentence, m.start(), m.end(), lo * (long) multiplier(m.group("mult")), Qualifier.AT_LEAST);
    }

    private List<CountMention> single(Sentence sentence) {
        String lower = sentence.lower();
        List<CountMention> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int at = nextStart(lower, i, n);
            if (at < 0) {
                break;
            }
            if (m.region(at, n).lookingAt()) {
                CountMention c = toMention(sentence, m);
                if (c != null) {
                    out.add(c);
                }
                i = m.end() == m.start() ? m.end() + 1 : m.end();
            } else {
                i = at + 1;
            }
        }
        return out;
    }

    /**
     * The first position at or after {@code from} where NUMBER may match: an ASCII digit, or a run of ASCII
     * letters that is the first word of one of its alternatives, not preceded by a character of its
     * look-behind. Every alternative starts with a digit or with such a whole word (followed by a space, a hyphen
     * or a non-word character), so skipping other positions gives exactly the matches of {@code find()}.
     */
    private static int nextStart(String lower, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = lower.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !(c >= 'a' && c <= 'z')) {
                continue;
            }
            if (i > 0) {
                char p = lower.charAt(i - 1);
                if (p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9' || p == '_' || p == '.'
                        || p == ',' || p == '$' || p == '€' || p == '£' || p == '-') {
                    continue;
                }
            }
            if (digit) {
                return i;
            }
            int j = i + 1;
            while (j < n && lower.charAt(j) >= 'a' && lower.charAt(j) <= 'z') {
                j++;
            }
            if (j - i <= MAX_FIRST_WORD && FIRST_WORDS.contains(lower.substring(i, j))) {
                return i;
            }
            i = j - 1;
        }
        return -1;
    }

    private CountMention toMention(Sentence sentence, Matcher m) {
        String lower = sentence.lower();
        String word = m.group("word");
        boolean article = word != null && (word.equals("a") || word.equals("an"));
        if (article && m.group("wmult") == null) {
            return null;
        }
        String before = lower.substring(Math.max(0, m.start() - 25), m.start());
        String after = lower.substring(m.end(), Math.min(lower.length(), m.end() + 30));
        if (m.group("qual") == null && BLOCKED_BEFORE.matcher(before).find()) {
            return null;
        }
        if (UNIT_AFTER.matcher(after).find() || POPULATION_AFTER.matcher(after).find()) {
            return null;
        }
        Long value = value(m);
        if (value == null && m.group("vague") == null && m.group("dozen") == null) {
            return null;
        }
        String digits = m.group("digits");
        if (digits != null && digits.length() == 4 && value != null && value >= 1900 && value <= 2100) {
            return null; // a year, however it is used
        }
        return counting(sentence, m.start(), m.end(), value, qualifier(m));
    }

    /** The figure from {@code start} to {@code end} with what it counts: the people after it, things, or nothing said. */
    private static CountMention counting(Sentence sentence, int start, int end, Long value, Qualifier qualifier) {
        int[] group = group(sentence, end);
        if (group == THING_GROUP) {
            return new CountMention(start, end, value, qualifier, null, end, true);
        }
        if (group == null) {
            return new CountMention(start, end, value, qualifier, null, end, countsThings(sentence.lower(), end));
        }
        return new CountMention(start, end, value, qualifier, sentence.text().substring(group[0], group[1]), group[1]);
    }

    private static Long value(Matcher m) {
        if (m.group("digits") != null) {
            double v;
            try {
                v = Double.parseDouble(m.group("digits").replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
            v *= multiplier(m.group("dmult"));
            return v > 1e10 ? null : Math.round(v);
        }
        if (m.group("vague") != null) {
            String v = m.group("vague");
            if (v.startsWith("tens of thousands")) {
                return 10_000L;
            }
            if (v.startsWith("hundreds of thousands")) {
                return 100_000L;
            }
            if (v.contains("dozen")) {
                return null; // "dozens": vague, and no figure an analyst would add up
            }
            if (v.contains("hundred")) {
                return 100L;
            }
            if (v.contains("thousand")) {
                return 1_000L;
            }
            return null; // "scores"
        }
        if (m.group("dozen") != null) {
            String d = m.group("dozen");
            if (d.equals("several") || d.equals("a few")) {
                return null;
            }
            return 12L * (d.equals("a") ? 1 : wordValue(d));
        }
        String w = m.group("word");
        long base = w.equals("a") || w.equals("an") ? 1 : wordValue(w);
        return Math.round(base * multiplier(m.group("wmult")));
    }

    private static double multiplier(String mult) {
        if (mult == null) {
            return 1;
        }
        return switch (mult) {
            case "million" -> 1_000_000;
            case "thousand" -> 1_000;
            default -> 100;
        };
    }

    static int wordValue(String w) {
        String[] parts = RE_DASH_SPACE.split(w);
        int total = 0;
        for (String p : parts) {
            Integer v = UNITS.get(p);
            if (v == null) {
                v = TENS.get(p);
            }
            total += v == null ? 0 : v;
        }
        return total;
    }

    private static Qualifier qualifier(Matcher m) {
        String vague = m.group("vague");
        String dozen = m.group("dozen");
        if (vague != null || (dozen != null && (dozen.equals("several") || dozen.equals("a few")))) {
            return Qualifier.VAGUE;
        }
        String q = m.group("qual");
        if (q == null) {
            return dozen != null ? Qualifier.ABOUT : Qualifier.EXACT;
        }
        return switch (q) {
            case "more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than",
                    "not less than", "just over", "well over", "at least another" -> Qualifier.AT_LEAST;
            case "up to", "as many as", "fewer than", "less than", "at most", "no more than", "just under" ->
                    Qualifier.AT_MOST;
            case "a total of", "a further", "another" -> Qualifier.EXACT;
            default -> Qualifier.ABOUT;
        };
    }

    /** Start and end of the group of people after the number, or null when no person noun follows. */
    private static int[] group(Sentence sentence, int from) {
        String text = sentence.text();
        String lower = sentence.lower();
        int i = from;
        int words = 0;
        int unknown = 0;
        int groupStart = -1;
        while (words < 5) {
            while (i < lower.length() && lower.charAt(i) == ' ') {
                i++;
            }
            int s = i;
            while (i < lower.length() && (Character.isLetter(lower.charAt(i)) || lower.charAt(i) == '-'
                    || lower.charAt(i) == '\'')) {
                i++;
            }
            if (i == s) {
                return null;
            }
            String w = lower.substring(s, i);
            if (groupStart < 0 && !w.equals("of")) {
                groupStart = s;
            }
            boolean capitalized = Character.isUpperCase(text.charAt(s));
            boolean demonymPlural = capitalized && w.length() > 3 && w.endsWith("s") && !isMonthOrDay(w);
            if (PersonNouns.isPlural(w) || PersonNouns.isSingular(w) || demonymPlural) {
                return compound(lower, groupStart, i);
            }
            if (THINGS.contains(w)) {
                return THING_GROUP;
            }
            if (STOP.contains(w)) {
                return null;
            }
            if (!SKIPPABLE.contains(w) && !capitalized && ++unknown > 2) {
                return null;
            }
            words++;
        }
        return null;
    }

    /**
     * The group that starts with a person noun ending at {@code end}, through the person nouns that follow it
     * ("police officers", "security personnel"); {@link #THING_GROUP} when a thing follows ("police vehicles").
     */
    private static int[] compound(String lower, int groupStart, int end) {
        while (true) {
            int s = end;
            while (s < lower.length() && lower.charAt(s) == ' ') {
                s++;
            }
            int e = s;
            while (e < lower.length() && (Character.isLetter(lower.charAt(e)) || lower.charAt(e) == '-')) {
                e++;
            }
            if (e == s || s == end) {
                return new int[] {groupStart, extendGroup(lower, end)};
            }
            String next = lower.substring(s, e);
            if (THINGS.contains(next)) {
                return THING_GROUP;
            }
            if (!(PersonNouns.isPlural(next) || PersonNouns.isSingular(next)) || STOP.contains(next)
                    || next.equals("dead") || next.equals("injured") || next.equals("wounded")) {
                return new int[] {groupStart, extendGroup(lower, end)};
            }
            end = e;
        }
    }

    /** Whether the word after a bare figure names things it counts ("some 1,350 vehicles burned"). */
    private static boolean countsThings(String lower, int from) {
        int s = from;
        for (int words = 0; words < 3; words++) {
            while (s < lower.length() && lower.charAt(s) == ' ') {
                s++;
            }
            int e = s;
            while (e < lower.length() && Character.isLetter(lower.charAt(e))) {
                e++;
            }
            if (e == s) {
                return false;
            }
            String w = lower.substring(s, e);
            if (THINGS.contains(w)) {
                return true;
            }
            if (!SKIPPABLE.contains(w) || w.equals("of") && words > 0) {
                return false;
            }
            s = e;
        }
        return false;
    }

    private static boolean isMonthOrDay(String w) {
        return w.endsWith("days") && (w.startsWith("mon") || w.startsWith("tue") || w.startsWith("wed")
                || w.startsWith("thu") || w.startsWith("fri") || w.startsWith("sat") || w.startsWith("sun"));
    }

    private static final Pattern TAIL_STOP = Pattern.compile(
            " (?:and|in|on|at|were|was|who|have|had|after|during|when|while|as|to|into|with)\\b");
    private static final Pattern GROUP_TAIL = Pattern.compile("^ (?:from|of) (?:the |a |an )?[\\w-]+(?: [\\w-]+){0,3}");

    /** Extends "soldiers" to "soldiers from a Nato-led peacekeeping force", stopping at "and", commas or verbs. */
    private static int extendGroup(String lower, int end) {
        Matcher t = GROUP_TAIL.matcher(lower.substring(end, Math.min(lower.length(), end + 60)));
        if (!t.find()) {
            return end;
        }
        String tail = t.group();
        Matcher stop = TAIL_STOP.matcher(tail);
        int cut = stop.find(3) ? stop.start() : tail.length();
        return end + cut;
    }
}

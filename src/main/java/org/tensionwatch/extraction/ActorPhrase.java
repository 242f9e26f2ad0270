package org.tensionwatch.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the noun phrase that names who acted out of the words before a trigger, or {@code null} when those words
 * are a clause that names no actor ("Nine police officers were injured in the" before "scuffles" names victims).
 *
 * <p>Downstream, reports are merged on the actor's head noun, so a clause fragment would split one incident into
 * several; no actor is always better than a wrong one. The rules are word-class heuristics, not a parser: walk back
 * from the trigger over noun-phrase words; a preposition ends a modifier of the trigger ("in border shooting"), so
 * look before it; an active verb ("police fired") makes its subject the actor; a passive one ("were hurt") gives none.
 */
final class ActorPhrase {
    private static final java.util.regex.Pattern RE_WS = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern RE_EDGE_PUNCT = java.util.regex.Pattern.compile("^[\"“”'‘(\\[,.;:]+|[\"“”'’)\\],.;:]+$");
    private static final java.util.regex.Pattern RE_TRAIL_COMMA = java.util.regex.Pattern.compile("[,\\s]+$");
    private static final java.util.regex.Pattern RE_NUMERIC = java.util.regex.Pattern.compile("[\\d.,]+");
    private static final java.util.regex.Pattern RE_HAS_LETTER = java.util.regex.Pattern.compile(".*\\p{L}.*");

    /** "..., with NP" right before the trigger: a participle clause whose subject is NP. */
    private static final Pattern ABSOLUTE_WITH = Pattern.compile("(?:^|,\\s*)[Ww]ith\\s+([^,;]+?)\\s*$");
    private static final Pattern TIME_ADJUNCT = Pattern.compile(
            "\\b(?:(?:on|late|early|last|this|on the night of)\\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday"
                    + "|saturday|sunday|yesterday|today|tonight|overnight)(?:\\s+(?:morning|afternoon|evening|night))?"
                    + "|(?:january|february|march|april|may|june|july|august|september|october|november|december)\\s+\\d{1,2}"
                    + "|\\d{1,2}\\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))"
                    + "(?:,\\s*\\d{4})?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY_PREFIX = Pattern.compile(
            "\\b(?:at least|more than|fewer than|less than|up to|as many as|at most|an estimated|some|about|around"
                    + "|nearly|almost|roughly|approximately|over)\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);

    /** Offices named for their field with "for": "Minister for Justice", "High Commissioner for Human Rights". */
    private static final Set<String> OFFICES_FOR = Set.of("minister", "ministry", "secretary", "commissioner",
            "commission", "spokesperson", "spokesman", "spokeswoman", "representative", "envoy", "rapporteur", "office",
            "council", "committee", "director", "coordinator", "department", "centre", "center");

    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "near", "on", "during", "after", "amid", "with",
            "from", "over", "outside", "inside", "across", "into", "against", "between", "among", "following", "before",
            "since", "for", "to", "through", "throughout", "around", "along", "under", "within", "toward", "towards");
    private static final Set<String> SUBORDINATORS = Set.of("when", "as", "while", "because", "where", "after", "then",
            "but", "so", "once", "before", "since", "until", "whereas", "although", "though", "that", "who", "which", "whom", "and", "or",
            "whose", "if", "unless");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been", "being", "has",
            "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "shall", "should",
            "must", "got", "get", "gets", "not", "never", "reportedly", "allegedly");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "got", "get", "gets");
    private static final Set<String> IRREGULAR_VERBS = Set.of("hurt", "shot", "threw", "thrown", "set", "fought", "broke",
            "broken", "took", "taken", "led", "held", "began", "begun", "came", "went", "saw", "seen", "left", "fled",
            "hit", "struck", "beat", "beaten", "stormed", "ran", "run", "drove", "driven", "met", "gave", "given", "made",
            "sent", "brought", "caught", "tore", "torn", "burnt", "blew", "blown", "lit", "stood", "opened", "fire",
            "fires", "opens", "use", "uses", "throw", "throws", "clash", "attack", "attacks", "say", "says", "said");
    /** Participles that, without an auxiliary ("twelve soldiers wounded in ..."), say what happened to the subject. */
    private static final Set<String> VICTIM_PARTICIPLES = Set.of("wounded", "injured", "hurt", "killed", "shot",
            "hospitalised", "hospitalized", "arrested", "detained", "beaten", "attacked", "targeted", "caught", "trapped",
            "evacuated", "dead", "dispersed", "stabbed");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "their", "his", "her", "its", "our",
            "these", "those", "this", "both", "all", "other", "several", "many", "few", "dozens", "hundreds",
            "thousands", "scores", "tens", "dozen", "hundred", "thousand", "million", "millions", "numerous", "groups",
            "group", "number", "crowds");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
    private static final Set<String> MODIFIER_ED = Set.of("armed", "masked", "hooded", "uniformed", "unidentified",
            "alleged", "suspected", "organised", "organized", "unarmed", "armoured", "armored", "united", "led",
            "backed", "based", "affiliated", "aligned", "allied", "elected", "appointed", "retired", "detained",
            "injured", "wounded", "displaced", "specialised", "specialized", "advanced", "disaffected", "disgruntled");
    private static final Set<String> LY_NOUNS = Set.of("rally", "ally", "family", "assembly", "italy", "july", "supply",
            "reply", "anomaly", "monopoly", "bully", "fly", "jolly");
    private static final Set<String> COLLECTIVE = Set.of("police", "army", "military", "government", "crowd", "mob",
            "youth", "gendarmerie", "public", "opposition", "leadership", "parliament", "council", "ministry",
            "administration", "junta", "navy", "militia", "guard", "coalition", "alliance", "union", "party", "movement",
            "kfor", "nato", "eu", "un", "staff", "personnel", "security", "authorities", "regime", "cabinet", "embassy",
            "presidency", "commission", "office", "committee", "agency", "force", "unit", "group");
    private static final Set<String> NOT_ACTORS = Set.of("this", "that", "it", "they", "he", "she", "there", "which",
            "what", "who", "people", "others", "violence", "tensions", "area", "region", "city", "town", "village",
            "situation", "incident", "incidents", "clashes", "protests", "attacks", "news", "reports", "media",
            "number", "total", "toll", "weekend", "week", "month", "year", "years", "months", "weeks", "days", "hours");
    private static final int MAX_WORDS = 7;

    private ActorPhrase() {
    }

    /** The actor named at the end of {@code pre}, the text between clause start and trigger; null if none. */
    static String of(String pre) {
        if (pre == null) {
            return null;
        }
        Matcher absolute = ABSOLUTE_WITH.matcher(pre);
        if (absolute.find()) {
            return of(absolute.group(1)); // "..., with Thailand accusing Cambodia": the subject of the absolute clause
        }
        String cleaned = BoundaryFind.replaceAll(QUANTITY_PREFIX, BoundaryFind.replaceAll(TIME_ADJUNCT, pre, " "), "");
        List<String> tokens = new ArrayList<>();
        for (String raw : RE_WS.split(cleaned)) {
            String t = RE_EDGE_PUNCT.matcher(raw).replaceAll("");
            if (!t.isEmpty() && !isAdverb(t)) {
                tokens.add(t);
            }
        }
        String actor = actorEndingAt(tokens, tokens.size(), 0);
        String trimmed = RE_TRAIL_COMMA.matcher(pre.strip()).replaceAll("");
        int comma = trimmed.lastIndexOf(", ");
        if (actor == null && comma > 0) {
            return of(trimmed.substring(0, comma)); // "Albania, concerned about the escalation, asked": skip the aside
        }
        return actor;
    }

    private static String actorEndingAt(List<String> tokens, int end, int depth) {
        if (end <= 0 || depth > 4) {
            return null;
        }
        int i = end - 1;
        while (i >= 0 && isNounPhraseWord(tokens, i, end)) {
            i--;
        }
        List<String> np = tokens.subList(i + 1, end);
        if (i < 0) {
            return head(np);
        }
        String stop = lower(tokens.get(i));
        if (stop.equals("of") && i > 0 && isQuantity(lower(tokens.get(i - 1)))) {
            return head(np); // "dozens of Armenian soldiers"
        }
        if (stop.equals("of") && !np.isEmpty() && i > 0) {
            String whole = actorEndingAt(tokens, i, depth + 1); // "supporters of the opposition": keep the whole
            return whole == null ? null : head(concat(whole, "of", np));
        }
        if (stop.equals("for") && i > 0 && OFFICES_FOR.contains(lower(tokens.get(i - 1))) && !np.isEmpty()
                && Character.isUpperCase(np.get(0).charAt(0))) {
            // "Minister for Justice Helen McEntee", "the Commissioner for Human Rights": an office named for its field
            String office = actorEndingAt(tokens, i, depth + 1);
            return office == null ? null : head(concat(office, "for", np));
        }
        if (stop.equals("by")) {
            return head(np); // the agent of a passive: "dispersed by police"
        }
        if (stop.equals("and") && !np.isEmpty() && head(np) != null) {
            String first = actorEndingAt(tokens, i, depth + 1);
            return first != null ? first + " and " + head(np) : head(np);
        }
        if (SUBORDINATORS.contains(stop) && head(np) != null) {
            return head(np); // "after the government accused": the subject of the clause that holds the trigger
        }
        if (PREPOSITIONS.contains(stop)) {
            return actorBeforeModifier(tokens, i, depth); // "in border shooting": the words after modify the trigger
        }
        if (SUBORDINATORS.contains(stop)) {
            return head(np); // "when troops", "who"
        }
        if (isVerb(tokens, i, end)) {
            if (passive(tokens, i) || BE.contains(lower(tokens.get(i)))) {
                return null; // "were injured", "wounded": the subject suffered, it did not act
            }
            int j = i;
            while (j > 0 && AUXILIARIES.contains(lower(tokens.get(j - 1))) && !BE.contains(lower(tokens.get(j - 1)))) {
                j--;
            }
            return subjectEndingAt(tokens, j, depth); // "police fired" tear gas
        }
        return head(np);
    }

    /** Before a prepositional modifier of the trigger: an actor only if a noun phrase or active subject precedes. */
    private static String actorBeforeModifier(List<String> tokens, int prep, int depth) {
        if (prep == 0) {
            return null;
        }
        return actorEndingAt(tokens, prep, depth + 1);
    }

    /** The subject that ends right before a verb: a bare noun phrase, else nothing. */
    private static String subjectEndingAt(List<String> tokens, int end, int depth) {
        if (end <= 0) {
            return null;
        }
        String last = lower(tokens.get(end - 1));
        if (!isNounPhraseWord(tokens, end - 1, end) || BE.contains(last)) {
            return null;
        }
        return actorEndingAt(tokens, end, depth + 1);
    }

    private static boolean passive(List<String> tokens, int verb) {
        String v = lower(tokens.get(verb));
        for (int j = verb - 1; j >= 0 && j >= verb - 2; j--) {
            String w = lower(tokens.get(j));
            if (BE.contains(w)) {
                return true;
            }
            if (!AUXILIARIES.contains(w)) {
                break;
            }
        }
        if (VICTIM_PARTICIPLES.contains(v)) {
            return verb == 0 || !AUXILIARIES.contains(lower(tokens.get(verb - 1))); // "have injured" is active
        }
        return false;
    }

    private static boolean isNounPhraseWord(List<String> tokens, int i, int end) {
        String w = lower(tokens.get(i));
        if (PREPOSITIONS.contains(w) || SUBORDINATORS.contains(w) || AUXILIARIES.contains(w) || w.equals("of")
                || w.equals("by")) {
            return false;
        }
        return !isVerb(tokens, i, end);
    }

    /** Verbs by form: auxiliaries and common irregulars, and -ed/-ing words that do not modify a following noun. */
    private static boolean isVerb(List<String> tokens, int i, int end) {
        String raw = tokens.get(i);
        String w = lower(raw);
        if (AUXILIARIES.contains(w)) {
            return true;
        }
        boolean modifiesNext = i + 1 < end && !DETERMINERS.contains(lower(tokens.get(i + 1)))
                && !PREPOSITIONS.contains(lower(tokens.get(i + 1))) && !AUXILIARIES.contains(lower(tokens.get(i + 1)));
        if (Character.isUpperCase(raw.charAt(0)) && i > 0 && !w.endsWith("ed")) {
            return false; // a name inside the sentence
        }
        if (IRREGULAR_VERBS.contains(w)) {
            return !(modifiesNext && (w.equals("fire") || w.equals("set") || w.equals("use")));
        }
        if (w.length() > 4 && (w.endsWith("ed") || w.endsWith("ing")) && !w.contains("-")) {
            if (MODIFIER_ED.contains(w) && modifiesNext) {
                return false;
            }
            return !modifiesNext || VICTIM_PARTICIPLES.contains(w) && !MODIFIER_ED.contains(w);
        }
        return false;
    }

    private static boolean isAdverb(String t) {
        String w = lower(t);
        return Character.isLowerCase(t.charAt(0)) && (w.length() > 4 && w.endsWith("ly") && !LY_NOUNS.contains(w)
                || Set.of("also", "again", "later", "earlier", "still", "already", "then", "first", "now", "just",
                        "reportedly", "allegedly", "briefly", "once").contains(w));
    }

    private static boolean isQuantity(String w) {
        return DETERMINERS.contains(w) || NUMBER_WORDS.contains(w) || w.chars().allMatch(Character::isDigit);
    }

    /** The noun phrase without leading numbers and determiners, if its last word can name a group; else null. */
    private static String head(List<String> np) {
        int from = 0;
        while (from < np.size() && (isQuantity(lower(np.get(from))) || RE_NUMERIC.matcher(lower(np.get(from))).matches())) {
            from++;
        }
        List<String> words = np.subList(from, np.size());
        if (words.isEmpty()) {
            return null;
        }
        if (words.size() > MAX_WORDS) {
            words = words.subList(words.size() - MAX_WORDS, words.size());
        }
        String last = words.get(words.size() - 1);
        String lastLower = lower(last);
        if (NOT_ACTORS.contains(lastLower) || !RE_HAS_LETTER.matcher(lastLower).matches()) {
            return null;
        }
        boolean named = Character.isUpperCase(last.charAt(0)) || COLLECTIVE.contains(lastLower)
                || PersonNouns.isPlural(lastLower) || PersonNouns.isSingular(lastLower)
                || lastLower.length() > 3 && lastLower.endsWith("s") && !lastLower.endsWith("ss");
        return named ? String.join(" ", words) : null;
    }

    private static List<String> concat(String first, String link, List<String> rest) {
        List<String> out = new ArrayList<>(Arrays.asList(first.split(" ")));
        out.add(link);
        out.addAll(rest);
        return out;
    }

    private static String lower(String w) {
        return w.toLowerCase(Locale.ROOT);
    }
}

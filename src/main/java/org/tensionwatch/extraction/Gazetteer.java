package org.tensionwatch.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds country names, demonyms, capitals and conflict-region places in a sentence and gives their ISO 3166-1
 * alpha-2 country code; the names are data, loaded once from {@code extraction/countries.tsv} and
 * {@code extraction/places.tsv}.
 */
public final class Gazetteer {

    private record Entry(String countryCode, Place.Kind kind) {
    }

    private static final int MAX_WORDS = 5;
    private static final Pattern STREET_AFTER = Pattern.compile(
            "\\s+(?:Highway|Road|Street|Avenue|Expressway|Motorway|Boulevard|Bridge|Gate|Square|Lane)\\b");
    private static final Pattern DIRECTION = Pattern.compile(
            "(?i)\\b((?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?)\\s+$");

    /** Lower-cased names, and names that only match in capitals (US, UK, DRC), by exact spelling. */
    private final Map<String, Entry> byLowerName = new HashMap<>();
    private final Map<String, Entry> byExactName = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();
    /** For each lower-cased first word of a name, the most words a name starting with it has. */
    private final Map<String, Integer> firstWords = new HashMap<>();

    private Gazetteer() {
    }

    /** The gazetteer shipped with the extractor. */
    public static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        for (String[] row : rows("extraction/countries.tsv")) {
            String cc = row[0];
            String[] names = row.length > 1 ? row[1].split(";") : new String[0];
            if (names.length > 0) {
                g.countryNames.put(cc, names[0]);
            }
            g.put(names, cc, Place.Kind.COUNTRY);
            g.put(row.length > 2 ? row[2].split(";") : new String[0], cc, Place.Kind.DEMONYM);
            g.put(row.length > 3 ? row[3].split(";") : new String[0], cc, Place.Kind.CAPITAL);
        }
        for (String[] row : rows("extraction/places.tsv")) {
            g.put(row[0].split(";"), row[1], Place.Kind.PLACE);
        }
        return g;
    }

    /**
     * Words before a name that make it the other party of a relation, not a place where something happens:
     * "the ambassador to Lithuania", "envoy to the UN", "talks with Moscow", "relations with Iran", "joining the EU".
     */
    private static final Pattern COUNTERPART = Pattern.compile(
            "\\b(?:(?:ambassadors?|envoys?|emissar(?:y|ies)|consuls?(?: general)?|high commissioners?|charg[eé]s? d'affaires"
                    + "|representatives?|delegates?|delegations?)\\s+(?:to|at|for)"
                    + "|(?:talks|relations|ties|negotiations|dialogue|agreement|deal|treaty|accord|trade|cooperation|rapprochement"
                    + "|normali[sz]ation|reconciliation|dispute|row|spat|rift|standoff|summit|phone call|alliance|partnership"
                    + "|integration|accession|membership|friendship|rivalry)\\s+(?:with|between)"
                    + "|\\bjoin(?:ing|ed|s)?)\\s+(?:the\\s+)?(?:\\p{L}+\\s+(?:and|or)\\s+(?:the\\s+)?)?$");
    private static final int COUNTERPART_REACH = 45;

    /**
     * Whether the name at {@code place} is the other party of a relation ("ambassador to X", "talks with X");
     * {@code lower} is the lower-cased sentence.
     */
    public static boolean isCounterpart(String lower, Place place) {
        int from = Math.max(0, place.start() - COUNTERPART_REACH);
        int to = place.start();
        if (!within(lower, " to ", from, to) && !within(lower, " with ", from, to) && !within(lower, " at ", from, to)
                && !within(lower, " for ", from, to) && !within(lower, " between ", from, to)
                && !within(lower, "join", from, to)) {
            return false;
        }
        return COUNTERPART.matcher(lower).region(from, to).useTransparentBounds(true).find();
    }

    private static boolean within(String s, String word, int from, int to) {
        int i = s.indexOf(word, from);
        return i >= 0 && i + word.length() <= to + 1;
    }

    /** The English short name of a country code, or {@code null}. */
    public String countryName(String countryCode) {
        return countryNames.get(countryCode);
    }

    private void put(String[] names, String cc, Place.Kind kind) {
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Entry e = new Entry(cc, kind);
            String[] parts = name.split(" ");
            firstWords.merge(parts[0].toLowerCase(Locale.ROOT).replace('’', '\''), parts.length, Math::max);
            boolean acronym = name.length() <= 4 && name.replace(".", "").chars().allMatch(Character::isUpperCase);
            if (acronym) {
                byExactName.putIfAbsent(name, e);
            } else {
                byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), e);
            }
        }
    }

    /** The names in the sentence, longest match first at each position, in order of appearance. */
    public List<Place> find(String sentence) {
        List<Place> out = new ArrayList<>();
        List<int[]> words = words(sentence);
        int i = 0;
        while (i < words.size()) {
            int[] w = words.get(i);
            if (!Character.isUpperCase(sentence.charAt(w[0]))) {
                i++;
                continue;
            }
            int matchedWords = 0;
            Entry matched = null;
            String first = sentence.substring(w[0], w[1]).toLowerCase(Locale.ROOT).replace('’', '\'');
            Integer longest = firstWords.get(first);
            if (longest == null && first.endsWith("'s")) {
                longest = firstWords.get(first.substring(0, first.length() - 2));
            }
            if (longest == null) {
                i++;
                continue;
            }
            for (int n = Math.min(Math.min(MAX_WORDS, longest), words.size() - i); n >= 1 && matched == null; n--) {
                int end = words.get(i + n - 1)[1];
                String candidate = sentence.substring(w[0], end).replace('’', '\'');
                Entry e = byExactName.get(candidate);
                if (e == null) {
                    e = byLowerName.get(candidate.toLowerCase(Locale.ROOT));
                }
                if (e == null && candidate.endsWith("'s")) {
                    e = byLowerName.get(candidate.substring(0, candidate.length() - 2).toLowerCase(Locale.ROOT));
                }
                if (e != null) {
                    matched = e;
                    matchedWords = n;
                }
            }
            if (matched == null) {
                i++;
                continue;
            }
            int start = w[0];
            int end = words.get(i + matchedWords - 1)[1];
            if (matched.kind() != Place.Kind.DEMONYM && STREET_AFTER.matcher(sentence).region(end, sentence.length()).lookingAt()) {
                i += matchedWords; // "the Srinagar Highway" in Islamabad, "Kabul Road": a street named after a place
                continue;
            }
            String name = sentence.substring(start, end);
            if (name.endsWith("'s") || name.endsWith("’s")) {
                name = name.substring(0, name.length() - 2);
            }
            Matcher d = DIRECTION.matcher(sentence.substring(Math.max(0, start - 20), start));
            if (matched.kind() != Place.Kind.DEMONYM && d.find()) {
                name = d.group(1).toLowerCase(Locale.ROOT) + " " + name;
            }
            out.add(new Place(start, end, name, matched.countryCode(), matched.kind()));
            i += matchedWords;
        }
        return out;
    }

    /** Word spans: letters, digits, apostrophes, hyphens and the dots of "U.S.". */
    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n) {
                char c = s.charAt(i);
                boolean inner = (c == '\'' || c == '’' || c == '-' || c == '.') && i + 1 < n
                        && Character.isLetter(s.charAt(i + 1));
                if (Character.isLetterOrDigit(c) || inner) {
                    i++;
                } else if (c == '.' && s.indexOf('.', start) > start && s.indexOf('.', start) < i
                        && Character.isUpperCase(s.charAt(i - 1))) {
                    i++; // the closing dot of "U.S."
                } else {
                    break;
                }
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

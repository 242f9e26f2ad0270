package org.tensionwatch.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences without a model: line breaks end a sentence, and so does a full stop,
 * question or exclamation mark followed by space and a capital, except after abbreviations ("Mr.", "U.S."),
 * initials and inside numbers.
 */
public final class SentenceSplitter {

    /** Longer sentences are cut so that no regular expression ever runs over unbounded text. */
    static final int MAX_SENTENCE_CHARS = 1_500;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "cmdr",
            "gov", "sen", "rep", "prof", "jr", "sr", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "etc",
            "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
            "dept", "est", "fig", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "pp", "vol", "ave", "blvd");

    /** Words that start a new sentence even after an ambiguous abbreviation such as "U.S.". */
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            "The", "He", "She", "It", "They", "We", "I", "In", "On", "But", "A", "An", "This", "That", "There",
            "His", "Her", "Their", "Its", "At", "After", "When", "Meanwhile", "However");

    /** The sentences of {@code text}, in order, trimmed, empty ones left out. */
    public List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                emit(text, start, i, out);
                start = i + 1;
            } else if ((c == '.' || c == '?' || c == '!') && isBoundary(text, i)) {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                emit(text, start, end, out);
                start = end;
                i = end - 1;
            } else if (i - start >= MAX_SENTENCE_CHARS && Character.isWhitespace(c)) {
                emit(text, start, i, out);
                start = i + 1;
            }
        }
        emit(text, start, n, out);
        return out;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' || c == '.';
    }

    private static boolean isBoundary(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && isCloser(text.charAt(j))) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return false; // 3.5, t.co, U.S.-led
        }
        while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        if (j >= n || text.charAt(j) == '\n' || text.charAt(j) == '\r') {
            return true;
        }
        char next = text.charAt(j);
        boolean startsLikeSentence = Character.isUpperCase(next) || Character.isDigit(next)
                || next == '"' || next == '\u201c' || next == '\'' || next == '\u2018' || next == '(' || next == '[';
        if (!startsLikeSentence) {
            return false;
        }
        if (text.charAt(i) != '.') {
            return true;
        }
        String word = wordBefore(text, i);
        if (word.isEmpty()) {
            return true;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial: "John F. Kennedy"
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (ABBREVIATIONS.contains(lower) || isDottedAcronym(word)) {
            return SENTENCE_STARTERS.contains(nextWord(text, j)) && isDottedAcronym(word);
        }
        return true;
    }

    private static boolean isDottedAcronym(String word) {
        return word.length() >= 3 && word.indexOf('.') > 0;
    }

    private static String wordBefore(String text, int dot) {
        int k = dot;
        while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
            k--;
        }
        return text.substring(k, dot);
    }

    private static String nextWord(String text, int from) {
        int k = from;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return text.substring(from, k);
    }

    private static void emit(String text, int from, int to, List<Sentence> out) {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        if (b > a) {
            out.add(Sentence.of(text.substring(a, b), a));
        }
    }
}

package org.tensionwatch.extraction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for patterns whose every top-level alternative starts with {@code \b}: such a match can
 * only start where a word boundary may be, so the pattern is only tried there ({@link Matcher#lookingAt()} over
 * a region with transparent bounds), instead of at every character. Gives exactly the matches of
 * {@code find()}; patterns of any other shape simply use {@code find()}.
 */
final class BoundaryFind {

    private static final Map<Pattern, Boolean> ELIGIBLE = new ConcurrentHashMap<>();
    /** The ASCII characters a match may start with after its {@code \b}, or an empty array when unknown. */
    private static final Map<Pattern, boolean[]> FIRST = new ConcurrentHashMap<>();
    private static final boolean[] ANY = new boolean[0];

    private final Matcher m;
    private final String text;
    private final boolean fast;
    private final boolean[] first;
    private int from;

    BoundaryFind(Pattern p, String text) {
        this.m = p.matcher(text);
        this.text = text;
        this.fast = ELIGIBLE.computeIfAbsent(p, BoundaryFind::everyAlternativeStartsWithBoundary);
        this.first = fast ? FIRST.computeIfAbsent(p, BoundaryFind::firstChars) : ANY;
        if (fast) {
            m.useTransparentBounds(true).useAnchoringBounds(false);
        }
    }

    /** Whether {@code p} occurs in {@code text}, as {@code p.matcher(text).find()}. */
    static boolean found(Pattern p, String text) {
        return new BoundaryFind(p, text).find();
    }

    /**
     * {@code p.matcher(text).replaceAll(replacement)} for a replacement without group references or escapes
     * ({@code $} or {@code \\}), using {@link #find()}.
     */
    static String replaceAll(Pattern p, String text, String replacement) {
        BoundaryFind f = new BoundaryFind(p, text);
        if (!f.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        do {
            sb.append(text, last, f.m.start()).append(replacement);
            last = f.m.end();
        } while (f.find());
        return sb.append(text, last, text.length()).toString();
    }

    Matcher matcher() {
        return m;
    }

    /** The next match, as {@code find()} would give it. */
    boolean find() {
        if (!fast) {
            return m.find();
        }
        int n = text.length();
        for (int i = from; i <= n; i++) {
            if (first.length > 0 && (i == n || text.charAt(i) >= 128 || !first[text.charAt(i)])) {
                continue;
            }
            if (mayBeBoundary(i, n) && m.region(i, n).lookingAt()) {
                from = m.end() == m.start() ? m.end() + 1 : m.end();
                return true;
            }
        }
        from = n + 1;
        return false;
    }

    /**
     * Whether a word boundary may be at {@code i}. Conservative: next to any non-ASCII character (letters, marks,
     * surrogates) the regex itself decides, so the answer is a superset of real boundaries under any definition.
     */
    private boolean mayBeBoundary(int i, int n) {
        if (i == 0 || i == n) {
            return true;
        }
        int a = kind(text.charAt(i - 1));
        int b = kind(text.charAt(i));
        return a != b || a == 2;
    }

    private static int kind(char c) {
        if (c >= 0x80) {
            return 2;
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ? 1 : 0;
    }

    static boolean everyAlternativeStartsWithBoundary(Pattern p) {
        if (p.flags() != 0 && (p.flags() & ~Pattern.CASE_INSENSITIVE) != 0) {
            return false;
        }
        String src = p.pattern();
        int depth = 0;
        boolean inClass = false;
        int altStart = 0;
        for (int i = 0; i <= src.length(); i++) {
            if (i == src.length() || !inClass && depth == 0 && src.charAt(i) == '|') {
                if (!src.startsWith("\\b", altStart)) {
                    return false;
                }
                altStart = i + 1;
                continue;
            }
            char c = src.charAt(i);
            if (c == '\\') {
                if (src.startsWith("Q", i + 1)) {
                    return false; // quoted text: not worth parsing
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (src.startsWith("]", i + 1) || src.startsWith("^]", i + 1)) {
                    i += src.charAt(i + 1) == '^' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return depth == 0;
    }

    /** The first characters of an eligible pattern's matches (after the leading {@code \\b}), or ANY if unsure. */
    static boolean[] firstChars(Pattern p) {
        boolean[] set = new boolean[128];
        String src = p.pattern();
        for (String alt : alternatives(src, 0, src.length())) {
            if (!alt.startsWith("\\b") || !addFirst(alt.substring(2), set)) {
                return ANY;
            }
        }
        if ((p.flags() & Pattern.CASE_INSENSITIVE) != 0) {
            for (char c = 'a'; c <= 'z'; c++) {
                boolean either = set[c] || set[Character.toUpperCase(c)];
                set[c] = either;
                set[Character.toUpperCase(c)] = either;
            }
        }
        return set;
    }

    /** Adds the possible first characters of {@code re}; false if they cannot be told simply. */
    private static boolean addFirst(String re, boolean[] set) {
        if (re.isEmpty()) {
            return false;
        }
        char c = re.charAt(0);
        int content = re.startsWith("(?:") ? 3 : -1;
        if (re.startsWith("(?<") && re.length() > 3 && Character.isLetter(re.charAt(3))) {
            content = re.indexOf('>') + 1; // a named group, not a look-behind
        } else if (c == '(' && !re.startsWith("(?")) {
            content = 1; // a plain capturing group
        }
        if (content > 0) {
            int close = closing(re, 0);
            if (close < 0) {
                return false;
            }
            for (String alt : alternatives(re, content, close)) {
                if (!addFirst(alt, set)) {
                    return false;
                }
            }
            if (!mayBeAbsent(re, close + 1)) {
                return true;
            }
            // an optional group: a match may also start with whatever follows it
            int next = close + 1;
            if (re.charAt(next) == '{') {
                return false;
            }
            next++;
            if (next < re.length() && (re.charAt(next) == '?' || re.charAt(next) == '+')) {
                next++;
            }
            return addFirst(re.substring(next), set);
        }
        if (re.startsWith("\\d")) {
            if (mayBeAbsent(re, 2)) {
                return false;
            }
            for (char d = '0'; d <= '9'; d++) {
                set[d] = true;
            }
            return true;
        }
        if (c >= 128 || "\\[](){}.^$?*+|".indexOf(c) >= 0) {
            return false;
        }
        if (mayBeAbsent(re, 1)) {
            return false;
        }
        set[c] = true;
        return true;
    }

    /** Whether the quantifier at {@code at} (if any) lets the atom before it match zero times. */
    private static boolean mayBeAbsent(String re, int at) {
        if (at >= re.length()) {
            return false;
        }
        char q = re.charAt(at);
        return q == '?' || q == '*' || q == '{' && !(at + 1 < re.length() && re.charAt(at + 1) >= '1'
                && re.charAt(at + 1) <= '9');
    }

    /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
    private static int closing(String re, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                return -1; // classes are not worth parsing here
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The top-level alternatives of {@code re} between {@code from} and {@code to}. */
    private static java.util.List<String> alternatives(String re, int from, int to) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int j = i + 1;
                if (j < to && re.charAt(j) == '^') {
                    j++;
                }
                if (j < to && re.charAt(j) == ']') {
                    j++;
                }
                while (j < to && re.charAt(j) != ']') {
                    j += re.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= to) {
                    return java.util.List.of(""); // unsure: the caller then gives up
                }
                i = j;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(re.substring(start, i));
                start = i + 1;
            }
        }
        out.add(re.substring(start, to));
        return out;
    }
}

package org.tensionwatch.extraction;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes raw article text safe and worth reading: refuses binary and non-English text, strips HTML markup,
 * and cuts text above a size limit so that one enormous input cannot exhaust the heap.
 */
public final class InputGuard {

    /** The default limit: one million characters, some two hundred times a long news article. */
    public static final int DEFAULT_MAX_CHARS = 1_000_000;

    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for", "on",
            "was", "with", "said", "as", "by", "at", "it", "from", "he", "his", "be", "are", "were", "has", "have",
            "an", "this", "not", "they", "who", "after", "its", "but", "had", "their", "will");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]{0,500}>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|noscript)\\b.*?</\\1\\s*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|title)\\b[^>]{0,500}>");

    /**
     * The outcome: the text to read (maybe cleaned or cut), or a refusal.
     *
     * @param text the text to read, or null when refused
     * @param note the refusal reason or what was done to the text, or null
     */
    public record Outcome(String text, String note) {
        boolean refused() {
            return text == null;
        }
    }

    private final int maxChars;

    public InputGuard(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars < 1: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Checks and cleans one article's text. */
    public Outcome check(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Outcome(null, "empty text");
        }
        String note = null;
        String text = raw;
        if (text.length() > maxChars) {
            int cut = text.lastIndexOf('\n', maxChars);
            text = text.substring(0, cut > maxChars / 2 ? cut : maxChars);
            note = "truncated from " + raw.length() + " to " + text.length() + " characters (limit " + maxChars + ")";
        }
        if (looksBinary(text)) {
            return new Outcome(null, "binary content, not text");
        }
        if (looksLikeHtml(text)) {
            text = stripHtml(text);
            note = note == null ? "HTML markup stripped" : note + "; HTML markup stripped";
        }
        String language = languageProblem(text);
        if (language != null) {
            return new Outcome(null, language);
        }
        return new Outcome(text, note);
    }

    static boolean looksBinary(String text) {
        int control = 0;
        int n = Math.min(text.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFD') {
                if (c == 0) {
                    return true;
                }
                control++;
            } else if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control > n / 100 + 2;
    }

    static boolean looksLikeHtml(String text) {
        if (text.indexOf('<') < 0) {
            return false;
        }
        Matcher m = TAG.matcher(text.length() > 50_000 ? text.substring(0, 50_000) : text);
        int tags = 0;
        while (m.find() && tags < 5) {
            tags++;
        }
        return tags >= 3;
    }

    static String stripHtml(String html) {
        String t = SCRIPT.matcher(html).replaceAll(" ");
        t = BLOCK.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll(" ");
        return t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&rsquo;", "’").replace("&lsquo;", "‘").replace("&ldquo;", "“").replace("&rdquo;", "”")
                .replace("&lt;", "<").replace("&gt;", ">").replaceAll("[ \\t]+", " ");
    }

    /** Why the text is not English prose, judged by its share of common English words, or null when it is. */
    static String languageProblem(String text) {
        int words = 0;
        int english = 0;
        int latin = 0;
        int letters = 0;
        int n = Math.min(text.length(), 1_500);
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                char c = text.charAt(i);
                letters++;
                if (c < 0x250) {
                    latin++;
                }
                i++;
            }
            if (i > start) {
                words++;
                if (i - start <= 5 && ENGLISH.contains(text.substring(start, i).toLowerCase(java.util.Locale.ROOT))) {
                    english++;
                }
            }
        }
        if (letters > 200 && latin < letters * 0.6) {
            return "not English: mostly non-Latin script";
        }
        if (words >= 30 && english < words * 0.08) {
            return "not English: too few common English words (" + english + " of " + words + ")";
        }
        return null;
    }
}

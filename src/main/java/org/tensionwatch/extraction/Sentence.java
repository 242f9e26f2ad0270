package org.tensionwatch.extraction;

import java.util.Locale;

/**
 * One sentence of an article: its text, where it starts in the article, and its lower-cased form,
 * which the trigger patterns run over.
 */
public record Sentence(String text, int start, String lower) {

    public Sentence {
        if (text == null) {
            throw new NullPointerException("text == null");
        }
        if (lower == null) {
            lower = text.toLowerCase(Locale.ROOT);
        }
    }

    /** A sentence whose lower-cased form is computed from its text. */
    public static Sentence of(String text, int start) {
        return new Sentence(text, start, text.toLowerCase(Locale.ROOT));
    }
}

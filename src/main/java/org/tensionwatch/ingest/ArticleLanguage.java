package org.tensionwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of an incoming article, by Apache OpenNLP's language detector (its 103-language model,
 * {@code langdetect-183.bin}), guarded so that English is never refused for being short or full of names: the
 * service reads English only, and refusing an English report loses an event, while letting a foreign one through
 * costs nothing but a read that finds no events.
 *
 * <p>An article is taken as English when the detector's best guess is English; when English scores at least
 * {@link #ENGLISH_SHARE_OF_BEST} of the best guess; when the text has fewer than {@link #MIN_WORDS} words (too
 * short to tell); or when common English function words make up at least {@link #MIN_FUNCTION_WORD_SHARE} of its
 * words. Otherwise it is refused, with the language detected.
 *
 * <p>Thread-safe: the model is loaded once (about 10 MB, a second) and each call makes its own detector.
 */
public final class ArticleLanguage {

    /** Below this many words a text is taken as English: a headline alone, or a placeholder, says too little. */
    public static final int MIN_WORDS = 8;
    /** English within this share of the best guess's confidence is enough. */
    public static final double ENGLISH_SHARE_OF_BEST = 0.5;
    /** English function words ("the", "of", "and" ...) are at least this share of the words of English prose. */
    public static final double MIN_FUNCTION_WORD_SHARE = 0.12;
    /** The detector reads at most this many characters: enough to tell, cheap for long pages. */
    static final int MAX_CHARS_READ = 5_000;

    private static final String MODEL = "/langdetect-183.bin";
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for",
            "on", "was", "with", "said", "as", "by", "at", "it", "from", "he", "his", "be", "are", "were", "has",
            "have", "an", "this", "not", "they", "who", "after", "its", "but", "had", "their", "will", "she", "her",
            "been", "which", "into", "over", "more", "than", "would", "when");
    private static final Map<String, String> ISO_639_1 = iso6391ByIso6393();

    /** What the detector made of a text. */
    public record Verdict(String language, double confidence, boolean english, String reason) {

        /** Why the article is refused, for the answer to a POST and the logs. */
        public String refusal() {
            return "not English: the text reads as " + displayName(language) + " (" + language + ", confidence "
                    + String.format(Locale.ROOT, "%.2f", confidence) + "); only English articles are read";
        }
    }

    private final LanguageDetectorModel model;

    private ArticleLanguage(LanguageDetectorModel model) {
        this.model = model;
    }

    /** The detector with OpenNLP's model from the class path. */
    public static ArticleLanguage load() {
        try (InputStream in = ArticleLanguage.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is not on the class path (opennlp-models-langdetect)");
            }
            return new ArticleLanguage(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL, e);
        }
    }

    /** The language of an article's title and body. */
    public Verdict detect(String title, String body) {
        String text = ((title == null ? "" : title) + "\n" + (body == null ? "" : body)).strip();
        if (text.length() > MAX_CHARS_READ) {
            text = text.substring(0, MAX_CHARS_READ);
        }
        long words = text.split("[^\\p{L}]+").length;
        Language[] guesses;
        try {
            guesses = new LanguageDetectorME(model).predictLanguages(text);
        } catch (RuntimeException e) {
            return new Verdict("en", 0, true, "the detector could not read the text (" + e.getClass().getSimpleName()
                    + "); taken as English");
        }
        if (guesses.length == 0) {
            return new Verdict("en", 0, true, "no language detected; taken as English");
        }
        Language best = guesses[0];
        double englishConfidence = 0;
        for (Language guess : guesses) {
            if (guess.getLang().equals("eng")) {
                englishConfidence = guess.getConfidence();
            }
        }
        String bestCode = iso6391(best.getLang());
        if (best.getLang().equals("eng")) {
            return new Verdict("en", best.getConfidence(), true, "detected English");
        }
        if (words < MIN_WORDS) {
            return new Verdict("en", englishConfidence, true, "too short to tell (" + words + " words); taken as English");
        }
        if (englishConfidence >= best.getConfidence() * ENGLISH_SHARE_OF_BEST) {
            return new Verdict("en", englishConfidence, true, "English close to the best guess (" + bestCode + ")");
        }
        double share = functionWordShare(text);
        if (share >= MIN_FUNCTION_WORD_SHARE) {
            return new Verdict("en", englishConfidence, true, String.format(Locale.ROOT,
                    "English function words are %.0f%% of the words; taken as English", share * 100));
        }
        return new Verdict(bestCode, best.getConfidence(), false, "detected " + bestCode);
    }

    /** The share of the text's words that are common English function words. */
    static double functionWordShare(String text) {
        int words = 0;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                words++;
                if (FUNCTION_WORDS.contains(word)) {
                    english++;
                }
            }
        }
        return words == 0 ? 0 : (double) english / words;
    }

    /** ISO 639-1 ({@code fr}) for the ISO 639-3 code the model answers ({@code fra}), or that code when none. */
    static String iso6391(String iso6393) {
        return ISO_639_1.getOrDefault(iso6393, iso6393);
    }

    private static String displayName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? "another language" : name;
    }

    private static Map<String, String> iso6391ByIso6393() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.put(new Locale(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code: the model does not answer it either
            }
        }
        // the model's codes for macrolanguages and varieties that the JDK knows under another three-letter code
        codes.put("cmn", "zh");
        codes.put("zho", "zh");
        codes.put("fas", "fa");
        codes.put("pes", "fa");
        codes.put("msa", "ms");
        codes.put("zsm", "ms");
        codes.put("nob", "nb");
        codes.put("nno", "nn");
        codes.put("ekk", "et");
        codes.put("lvs", "lv");
        codes.put("swh", "sw");
        codes.put("ara", "ar");
        return Map.copyOf(codes);
    }
}

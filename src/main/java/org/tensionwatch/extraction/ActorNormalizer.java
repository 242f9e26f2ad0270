package org.tensionwatch.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the many ways an article names an actor or victim group into one label ("Nato-led peacekeepers",
 * "KFOR soldiers" -> "KFOR peacekeepers"), from the table in {@code extraction/actors.tsv}; other phrases
 * keep their wording, cleaned of articles and trailing words.
 */
public final class ActorNormalizer {

    private record Rule(Pattern pattern, String label) {
    }

    private static final Pattern LEADING = Pattern.compile(
            "^(?:the|a|an|some|also|both|all|angry|many|several|other|fellow|more|additional|extra)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile(
            "[\\s,]+(?:has|have|had|was|were|is|are|also|then|again|on|in|at|said|who|that|which|and|it|they"
                    + "|earlier|later|strongly|repeatedly|recently|first|both|he|she|on \\w+)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ANAPHOR = Pattern.compile(
            "(?i)(?:he|she|it|they|we|i|this|that|(?:the )?(?:statement|ministry|spokesman|spokeswoman|spokesperson|minister"
                    + "|government|official|officials|agency|report|letter|text|declaration|communique))");

    private static final Pattern QUOTES = Pattern.compile("[\"“”\\[\\]]|\\s+(?=\\s)");
    private static final Pattern EDGES = Pattern.compile("^[\\s,.;:'’-]+|[\\s,.;:'’-]+$");

    private final List<Rule> rules;

    private static final int CACHE_LIMIT = 20_000;

    private final Pattern any;
    private final java.util.concurrent.ConcurrentHashMap<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private ActorNormalizer(List<Rule> rules) {
        this.rules = rules;
        StringBuilder b = new StringBuilder();
        for (Rule r : rules) {
            b.append(b.length() == 0 ? "" : "|").append("(?:").append(r.pattern().pattern()).append(')');
        }
        this.any = Pattern.compile(b.length() == 0 ? "(?!)" : b.toString());
    }

    /** The normalizer with the table shipped with the extractor. */
    public static ActorNormalizer load() {
        List<Rule> rules = new ArrayList<>();
        InputStream in = ActorNormalizer.class.getClassLoader().getResourceAsStream("extraction/actors.tsv");
        if (in == null) {
            throw new IllegalStateException("missing resource extraction/actors.tsv");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                rules.add(new Rule(Pattern.compile(cols[0]), cols[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ActorNormalizer(List.copyOf(rules));
    }

    /** The label for a phrase, or {@code null} for a blank or missing one. */
    public String normalize(String phrase) {
        if (phrase == null) {
            return null;
        }
        String cached = cache.get(phrase);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String label = compute(phrase);
        if (cache.size() > CACHE_LIMIT) {
            cache.clear(); // a crude bound: actors repeat within a stream, and recomputing is cheap
        }
        cache.put(phrase, label == null ? "" : label);
        return label;
    }

    private String compute(String phrase) {
        String p = QUOTES.matcher(phrase.strip()).replaceAll("");
        String lower = p.toLowerCase(Locale.ROOT);
        int comma = lower.indexOf(", ");
        boolean coordinated = lower.contains(" and ") || comma >= 0 && lower.indexOf(", ", comma + 2) >= 0;
        for (Rule rule : any.matcher(lower).find() ? rules : List.<Rule>of()) {
            if (!coordinated && rule.pattern().matcher(lower).find()) {
                return rule.label();
            }
        }
        String previous;
        do {
            previous = p;
            p = LEADING.matcher(p).replaceFirst("");
            p = TRAILING.matcher(p).replaceFirst("");
        } while (!p.equals(previous));
        p = EDGES.matcher(p).replaceAll("");
        if (ANAPHOR.matcher(p).matches()) {
            return null; // "the statement", "he": the actor is named elsewhere
        }
        if (p.isEmpty() || p.length() > 80) {
            return p.isEmpty() ? null : p.substring(0, 80);
        }
        return p;
    }
}

package org.tensionwatch.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.domain.ExtractedEvent;

/**
 * Extracts political-tension events from English news with hand-written rules: a fast sentence splitter, a
 * trigger pre-filter that skips most sentences, and regex and lexicon analysis of the few that remain.
 * Thread-safe; build it once, since it loads its lexicons and gazetteer on construction.
 */
public final class RuleBasedExtractor implements EventExtractor {

    /** Changes whenever the output for some input may change. */
    public static final String VERSION = "rules-1.4";

    private static final int CONTEXT_SENTENCES = 4;

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Gazetteer gazetteer;
    private final SentenceAnalyzer analyzer;
    private final EventMerger merger;
    private final InputGuard guard;

    /** An extractor that cuts articles above {@link InputGuard#DEFAULT_MAX_CHARS}. */
    public RuleBasedExtractor() {
        this(InputGuard.DEFAULT_MAX_CHARS);
    }

    /** An extractor that cuts articles above {@code maxChars} characters. */
    public RuleBasedExtractor(int maxChars) {
        this.gazetteer = Gazetteer.load();
        this.guard = new InputGuard(maxChars);
        this.merger = new EventMerger(gazetteer);
        this.analyzer = new SentenceAnalyzer(TriggerLexicon.standard(), new CountPhraseParser(), new DateResolver(),
                gazetteer, ActorNormalizer.load(), new FactualityFilter());
    }

    @Override
    public List<ExtractedEvent> extract(ArticleText article) {
        return extractWithNotes(article).events();
    }

    /** The events of the article, with a note when the input was refused or altered; never throws on bad text. */
    public ExtractionResult extractWithNotes(ArticleText article) {
        String raw = article.title().isBlank() ? article.body() : article.title() + "\n\n" + article.body();
        InputGuard.Outcome outcome = guard.check(raw);
        if (outcome.refused()) {
            return ExtractionResult.refused(outcome.note());
        }
        List<Sentence> sentences = splitter.split(outcome.text());
        ArticleContext ctx = new ArticleContext(article.publishedOn(), dominantCountry(sentences));
        List<EventMerger.Mention> events = new ArrayList<>();
        int headlineEnd = article.title().isBlank() ? 0 : article.title().length();
        for (int i = 0; i < sentences.size(); i++) {
            boolean headline = sentences.get(i).start() < headlineEnd;
            for (ExtractedEvent e : analyzer.analyze(sentences.get(i), ctx)) {
                events.add(new EventMerger.Mention(e, i, headline));
            }
        }
        return new ExtractionResult(OccurrenceDays.assign(merger.merge(events), article.publishedOn()),
                outcome.note(), sentences.size());
    }

    @Override
    public String version() {
        return VERSION;
    }

    /** The country most named as a place in the first sentences, for events whose own sentence names none. */
    private String dominantCountry(List<Sentence> sentences) {
        Map<String, Double> weights = new HashMap<>();
        for (int i = 0; i < Math.min(CONTEXT_SENTENCES, sentences.size()); i++) {
            Sentence sentence = sentences.get(i);
            for (Place p : gazetteer.find(sentence.text())) {
                if (Gazetteer.isCounterpart(sentence.lower(), p)) {
                    continue; // "the ambassador to Lithuania" does not make the article about Lithuania
                }
                double w = switch (p.kind()) {
                    case PLACE -> 2.0;
                    case COUNTRY -> 1.5;
                    case CAPITAL -> 1.0;
                    case DEMONYM -> 0.5;
                };
                weights.merge(p.countryCode(), w, Double::sum);
            }
        }
        return weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}

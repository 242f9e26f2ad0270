package org.tensionwatch.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.tools.eval.EventScorer;
import org.tensionwatch.tools.eval.GoldFiles;
import org.tensionwatch.tools.eval.ScoreResult;
import org.tensionwatch.tools.eval.ScoredEvent;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ParsedArticleFile;

/** Test helper: extracts a directory of articles and scores them against a gold directory. */
final class CorpusScoring {

    private CorpusScoring() {
    }

    static ScoreResult score(RuleBasedExtractor extractor, Path articles, Path goldDir) throws IOException {
        GoldFiles.Gold gold = GoldFiles.readGold(goldDir);
        ArticleFiles files = new ArticleFiles();
        List<ScoredEvent> predicted = new ArrayList<>();
        for (Path p : ArticleFiles.listArticles(List.of(articles))) {
            if (!(files.read(p) instanceof ParsedArticleFile a)) {
                continue;
            }
            LocalDate day = gold.published().get(a.fileName());
            if (day == null) {
                day = a.publishedAt() != null ? a.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate() : LocalDate.now();
            }
            for (ExtractedEvent e : extractor.extract(new ArticleText(a.title(), a.body(), day))) {
                predicted.add(ScoredEvent.of(a.fileName(), e));
            }
        }
        return new EventScorer().score(gold.events(), predicted, gold.published());
    }
}

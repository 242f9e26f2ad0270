package org.tensionwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.tools.eval.EventScorer;
import org.tensionwatch.tools.eval.GoldFiles;
import org.tensionwatch.tools.eval.Prf;
import org.tensionwatch.tools.eval.ScoreResult;
import org.tensionwatch.tools.eval.ScoredEvent;
import org.tensionwatch.ingest.ArticleFileResult;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.ingest.RejectedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code evaluate} command: extracts articles (or reads a predictions file) and scores the events against
 * gold annotations, with the same figures as the reference scorer.
 */
@Command(name = "evaluate", synopsisHeading = "usage: ", sortOptions = false,
        customSynopsis = {"evaluate --gold GOLD_DIR ARTICLES_DIR_OR_FILES...",
                "       evaluate --gold GOLD_DIR --predictions FILE.jsonl"},
        description = "score extracted events against gold annotations (precision, recall, F1)",
        footer = "exit code 0 when it scored, 1 when the gold or predictions cannot be read, 2 on bad usage")
public final class EvaluateCommand implements Cli.Command {

    @Mixin
    private Cli.Help help;

    @Option(names = "--gold", paramLabel = "GOLD_DIR", description = "the directory of gold files")
    private Path goldDir;

    @Option(names = "--predictions", paramLabel = "FILE.jsonl",
            description = "score these extracted events (as extract prints them) instead of extracting articles")
    private Path predictions;

    @Parameters(paramLabel = "ARTICLES_DIR_OR_FILES", description = "the articles to extract and score")
    private List<Path> articles = new ArrayList<>();

    private final RuleBasedExtractor extractor;
    private final ArticleFiles files;

    public EvaluateCommand() {
        this(new RuleBasedExtractor(), new ArticleFiles());
    }

    public EvaluateCommand(RuleBasedExtractor extractor, ArticleFiles files) {
        this.extractor = extractor;
        this.files = files;
    }

    /** Runs the command; 0 when it scored, 2 on bad usage, 1 when the gold or predictions cannot be read. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        if (goldDir == null || !Files.isDirectory(goldDir)) {
            throw new Cli.UsageException("--gold must name a directory of gold files");
        }
        if ((predictions == null) == articles.isEmpty()) {
            throw new Cli.UsageException("give either article files or --predictions, not both or neither");
        }
        try {
            GoldFiles.Gold gold = GoldFiles.readGold(goldDir);
            List<ScoredEvent> predicted;
            int[] bad = new int[1];
            if (predictions != null) {
                if (!Files.isRegularFile(predictions)) {
                    throw new Cli.UsageException("no such predictions file: " + predictions);
                }
                predicted = GoldFiles.readPredictions(predictions, bad);
            } else {
                for (Path p : articles) {
                    if (!Files.exists(p)) {
                        throw new Cli.UsageException("no such file or directory: " + p);
                    }
                }
                predicted = extractAll(articles, gold.published(), err);
            }
            print(new EventScorer().score(gold.events(), predicted, gold.published()), bad[0], out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        }
    }

    private List<ScoredEvent> extractAll(List<Path> roots, Map<String, LocalDate> published, PrintStream err)
            throws IOException {
        List<ScoredEvent> out = new ArrayList<>();
        for (Path p : ArticleFiles.listArticles(roots)) {
            ArticleFileResult r = files.read(p);
            if (r instanceof RejectedFile rejected) {
                err.println("evaluate: skipped " + p + ": " + rejected.reason());
                continue;
            }
            ParsedArticleFile a = (ParsedArticleFile) r;
            LocalDate day = published.get(a.fileName());
            if (day == null && a.publishedAt() != null) {
                day = a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
            }
            if (day == null) {
                day = LocalDate.now(ZoneOffset.UTC);
                err.println("evaluate: warning: no publication date for " + a.fileName() + "; using today");
            }
            for (ExtractedEvent e : extractor.extract(new ArticleText(a.title(), a.body(), day))) {
                out.add(ScoredEvent.of(a.fileName(), e));
            }
        }
        return out;
    }

    private static void print(ScoreResult r, int unreadable, PrintStream out) {
        out.printf("articles %d  predicted events %d  unreadable lines %d%n", r.articles(), r.predictedEvents(), unreadable);
        out.printf("%-14s %5s %5s  (article-level detection)%n", "type", "P", "R");
        for (Map.Entry<String, Prf> e : r.perType().entrySet()) {
            out.printf("%-14s %5.2f %5.2f%n", e.getKey(), e.getValue().precision(), e.getValue().recall());
        }
        line(out, "types", r.types());
        line(out, "counts", r.counts());
        line(out, "events", r.events());
        line(out, "placed", r.placed());
        accuracy(out, "when", r.when());
        accuracy(out, "country", r.country());
    }

    private static void accuracy(PrintStream out, String label, ScoreResult.Accuracy a) {
        out.println(label + " accuracy on matched events: "
                + (a.of() == 0 ? "no gold values" : String.format("%.3f of %d", a.value(), a.of())));
    }

    private static void line(PrintStream out, String label, Prf p) {
        out.printf("%s: P=%.3f R=%.3f F1=%.3f%n", label, p.precision(), p.recall(), p.f1());
    }
}

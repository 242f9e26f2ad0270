package org.tensionwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.extraction.ExtractionResult;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.tools.bench.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code bench} command: runs the extractor single-threaded over a synthetic corpus, after a warm-up, and
 * prints articles, megabytes and sentences per second for each run and their median.
 */
@Command(name = "bench", synopsisHeading = "usage: ", sortOptions = false,
        customSynopsis = {"bench [--articles N] [--size-kb KB] [--seed S] [--runs R]",
                "       bench --corpus DIR [--articles N] [--runs R]",
                "       bench --write-archive FILE.jsonl [--articles N] [--size-kb KB] [--seed S] [--days D]"},
        description = "measure extraction speed over a generated corpus",
        footer = "exit code 0 on success, 1 when the archive cannot be written, 2 on bad usage")
public final class BenchCommand implements Cli.Command {

    @Mixin
    private Cli.Help help;

    @Option(names = "--articles", paramLabel = "N", converter = Cli.Count.class,
            description = "how many articles (default ${DEFAULT-VALUE})")
    private int articles = 10_000;

    @Option(names = "--size-kb", paramLabel = "KB", converter = Cli.Count.class,
            description = "the size of a generated article (default ${DEFAULT-VALUE})")
    private int sizeKb = 5;

    @Option(names = "--seed", paramLabel = "S", converter = Cli.WholeNumber.class,
            description = "the generator's seed: the same seed, the same articles (default ${DEFAULT-VALUE})")
    private long seed = 42;

    @Option(names = "--runs", paramLabel = "R", converter = Cli.Count.class,
            description = "timed runs after the warm-up (default ${DEFAULT-VALUE})")
    private int runs = 5;

    @Option(names = "--days", paramLabel = "D", converter = Cli.Count.class,
            description = "with --write-archive: the days the articles are spread over (default ${DEFAULT-VALUE})")
    private int days = 180;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = {"times article files written like agency copy (e.g. samples/articles) instead of the",
                    "generated corpus, which is easier than real news; the files repeat up to N articles"})
    private Path corpusDir;

    @Option(names = "--write-archive", paramLabel = "FILE.jsonl",
            description = {"writes the generated articles as a replay archive (one POST /api/articles body a line,",
                    "published evenly over D days from 2026-01-01, from six outlets) instead of timing"})
    private Path archive;

    private final RuleBasedExtractor extractor;

    public BenchCommand() {
        this(new RuleBasedExtractor());
    }

    public BenchCommand(RuleBasedExtractor extractor) {
        this.extractor = extractor;
    }

    /** Runs the benchmark; 0 on success, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        if (articles < 1 || sizeKb < 1 || runs < 1 || days < 1) {
            throw new Cli.UsageException("--articles, --size-kb, --runs and --days must be positive");
        }
        if (archive != null) {
            return writeArchive(archive, articles, sizeKb, seed, days, out, err);
        }
        List<ArticleText> corpus;
        if (corpusDir != null) {
            try {
                corpus = repeated(readCorpus(corpusDir), articles);
            } catch (IOException | IllegalArgumentException e) {
                throw new Cli.UsageException("--corpus: " + e.getMessage());
            }
        } else {
            corpus = new SyntheticCorpus(seed).articles(articles, sizeKb * 1024, LocalDate.of(2026, 6, 3));
        }
        long chars = corpus.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        out.printf("corpus: %d articles, %.1f MB, %s, extractor %s%n", articles, chars / 1e6,
                corpusDir != null ? "files of " + corpusDir : "generated, seed " + seed, extractor.version());
        pass(corpus); // warm-up: let the JIT compile the hot paths
        List<Double> perSecond = new ArrayList<>();
        List<Double> perCpuSecond = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= runs; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long[] totals = pass(corpus);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double rate = articles / seconds;
            perSecond.add(rate);
            perCpuSecond.add(chars / 1e6 / cpuSeconds);
            out.printf("run %d: %.0f articles/s, %.1f MB/s, %.0f sentences/s, %d events, %.2f s (%.2f s of CPU: %.1f MB/s"
                    + " per core)%n", r, rate, chars / 1e6 / seconds, totals[0] / seconds, totals[1], seconds, cpuSeconds,
                    chars / 1e6 / cpuSeconds);
        }
        Collections.sort(perSecond);
        Collections.sort(perCpuSecond);
        double median = perSecond.get(perSecond.size() / 2);
        out.printf("median: %.0f articles/s (%.1f MB/s) single-threaded; %.1f MB/s per core of CPU time%n", median,
                median * chars / articles / 1e6, perCpuSecond.get(perCpuSecond.size() / 2));
        return 0;
    }

    /** The article files of a directory, each with its publication day (today where the file gives none). */
    private static List<ArticleText> readCorpus(Path dir) throws IOException {
        org.tensionwatch.ingest.ArticleFiles files = new org.tensionwatch.ingest.ArticleFiles();
        List<ArticleText> out = new ArrayList<>();
        for (Path p : org.tensionwatch.ingest.ArticleFiles.listArticles(List.of(dir))) {
            if (files.read(p) instanceof org.tensionwatch.ingest.ParsedArticleFile a) {
                LocalDate day = a.publishedAt() != null ? a.publishedAt().atZone(ZoneOffset.UTC).toLocalDate()
                        : LocalDate.now(ZoneOffset.UTC);
                out.add(new ArticleText(a.title(), a.body(), day));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no readable article files in " + dir);
        }
        return out;
    }

    private static List<ArticleText> repeated(List<ArticleText> files, int articles) {
        List<ArticleText> out = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            out.add(files.get(i % files.size()));
        }
        return out;
    }

    private static final String[] OUTLETS = {"Northern Ledger", "Harbour Times", "Valley Courier", "Capital Wire",
        "Border Post", "Evening Dispatch"};

    /** The corpus as a JSON Lines archive for {@code replay}: articles spread evenly over the days, one outlet each. */
    private static int writeArchive(Path file, int articles, int sizeKb, long seed, int days, PrintStream out,
            PrintStream err) {
        SyntheticCorpus corpus = new SyntheticCorpus(seed);
        ObjectMapper json = new ObjectMapper();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long stepMillis = Duration.ofDays(days).toMillis() / articles;
        long bytes = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < articles; i++) {
                Instant published = start.plusMillis(i * stepMillis);
                ArticleText a = corpus.next(sizeKb * 1024, published.atZone(ZoneOffset.UTC).toLocalDate());
                Map<String, String> body = new LinkedHashMap<>();
                body.put("title", a.title());
                body.put("body", a.body());
                body.put("publishedAt", published.toString());
                body.put("source", OUTLETS[i % OUTLETS.length]);
                body.put("url", "https://news.example.org/synthetic/" + seed + "/" + i);
                String line = json.writeValueAsString(body);
                bytes += line.length() + 1;
                w.write(line);
                w.write('\n');
            }
        } catch (IOException e) {
            err.println("bench: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.printf("bench: wrote %,d articles (%.1f MB, seed %d) published over %d days from %s to %s%n", articles,
                bytes / 1e6, seed, days, start, file);
        return 0;
    }

    private long[] pass(List<ArticleText> corpus) {
        long sentences = 0;
        long events = 0;
        for (ArticleText a : corpus) {
            ExtractionResult r = extractor.extractWithNotes(a);
            sentences += r.sentences();
            events += r.events().size();
        }
        return new long[] {sentences, events};
    }
}

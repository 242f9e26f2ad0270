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

/**
 * The {@code bench} command: runs the extractor single-threaded over a synthetic corpus, after a warm-up, and
 * prints articles, megabytes and sentences per second for each run and their median.
 */
public final class BenchCommand {

    static final String USAGE = """
            usage: bench [--articles N (10000)] [--size-kb KB (5)] [--seed S (42)] [--runs R (5)]
                   bench --corpus DIR [--articles N (10000)] [--runs R (5)]
              --corpus         times article files written like agency copy (e.g. samples/articles) instead of the
                               generated corpus, which is easier than real news; the files repeat up to N articles
                   bench --write-archive FILE.jsonl [--articles N] [--size-kb KB] [--seed S] [--days D (180)]
              --write-archive  writes the generated articles as a replay archive (one POST /api/articles body a line,
                               published evenly over D days from 2026-01-01, from six outlets) instead of timing""";

    private final RuleBasedExtractor extractor;

    public BenchCommand() {
        this(new RuleBasedExtractor());
    }

    public BenchCommand(RuleBasedExtractor extractor) {
        this.extractor = extractor;
    }

    /** Runs the benchmark; 0 on success, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int articles = 10_000;
        int sizeKb = 5;
        long seed = 42;
        int runs = 5;
        int days = 180;
        Path archive = null;
        Path corpusDir = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                return usage(err, a.startsWith("--") ? a + " needs a value" : "unexpected argument " + a);
            }
            try {
                switch (a) {
                    case "--articles" -> articles = Integer.parseInt(args.get(++i));
                    case "--size-kb" -> sizeKb = Integer.parseInt(args.get(++i));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--runs" -> runs = Integer.parseInt(args.get(++i));
                    case "--days" -> days = Integer.parseInt(args.get(++i));
                    case "--write-archive" -> archive = Path.of(args.get(++i));
                    case "--corpus" -> corpusDir = Path.of(args.get(++i));
                    default -> {
                        return usage(err, "unknown argument " + a);
                    }
                }
            } catch (NumberFormatException e) {
                return usage(err, a + " needs a number, not " + args.get(i));
            }
        }
        if (articles < 1 || sizeKb < 1 || runs < 1 || days < 1) {
            return usage(err, "--articles, --size-kb, --runs and --days must be positive");
        }
        if (archive != null) {
            return writeArchive(archive, articles, sizeKb, seed, days, out, err);
        }
        List<ArticleText> corpus;
        if (corpusDir != null) {
            try {
                corpus = repeated(readCorpus(corpusDir), articles);
            } catch (IOException | IllegalArgumentException e) {
                return usage(err, "--corpus: " + e.getMessage());
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

    private static int usage(PrintStream err, String problem) {
        err.println("bench: " + problem);
        err.println(USAGE);
        return 2;
    }
}

package org.tensionwatch.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.ingest.ArticleFileResult;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.ArticleLanguage;
import org.tensionwatch.ingest.IngestedFiles;
import org.tensionwatch.ingest.NotEnglishException;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.ingest.RejectedFile;
import org.tensionwatch.kafka.ArticlePublisher;

/** Takes articles from files and from the HTTP API and publishes them; a bad file is skipped, named and counted, never fatal. */
@Singleton
public class IngestionService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);

    private final KafkaCluster cluster;
    private final TensionConfig config;
    private final Counter accepted;
    private final Counter skipped;
    private final MeterRegistry registry;
    private final ArticleLanguage languages;

    @Inject
    public IngestionService(KafkaCluster cluster, TensionConfig config, MeterRegistry registry) {
        this.cluster = cluster;
        this.config = config;
        this.accepted = registry.counter("tension.articles.ingested");
        this.skipped = registry.counter("tension.articles.skipped");
        this.registry = registry;
        this.languages = ArticleLanguage.load();
    }

    /**
     * How far ahead of this server's clock an article may be dated: Kafka refuses record timestamps more than an hour
     * ahead ({@code log.message.timestamp.after.max.ms}), and an article from the future is a mistake.
     */
    public static final Duration MAX_AHEAD = Duration.ofHours(1);
    /** The earliest publication time taken: year 1, as the queries' dates. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * Publishes one article; returns its stable id.
     *
     * @throws IllegalArgumentException when it is dated more than {@link #MAX_AHEAD} ahead of this server's clock, or
     *     before year 1
     */
    public String ingest(NewArticle article) {
        return accept(article).id();
    }

    /** What became of an article taken: its stable id and the language it was read as. */
    public record Accepted(String id, String language) {
    }

    /**
     * Publishes one article once its date and language are checked.
     *
     * @throws NotEnglishException when it is not English (counted in {@code tension.articles.not.english} by
     *     language)
     * @throws IllegalArgumentException when it is dated more than {@link #MAX_AHEAD} ahead of this server's clock, or
     *     before year 1
     */
    public Accepted accept(NewArticle article) {
        checkPublishedAt(article.publishedAt(), Instant.now());
        ArticleLanguage.Verdict verdict = languages.detect(article.title(), article.body());
        if (!verdict.english()) {
            registry.counter("tension.articles.not.english", "language", verdict.language()).increment();
            LOG.info("Refused {}: {}", article.url() != null ? article.url() : "'" + article.title() + "'",
                    verdict.refusal());
            throw new NotEnglishException(verdict.language(), verdict.refusal());
        }
        String id = cluster.publisher().publish(article, verdict.language());
        accepted.increment();
        return new Accepted(id, verdict.language());
    }

    /** The language detector every way in shares. */
    public ArticleLanguage languages() {
        return languages;
    }

    /** The files by publication time, then path; files without one (or unreadable) after those with one. */
    static List<Path> inPublicationOrder(List<Path> files, ArticleFiles reader) {
        Map<Path, Instant> published = new HashMap<>();
        for (Path file : files) {
            if (reader.read(file) instanceof ParsedArticleFile parsed && parsed.publishedAt() != null) {
                published.put(file, parsed.publishedAt());
            }
        }
        List<Path> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing((Path f) -> published.getOrDefault(f, Instant.MAX)).thenComparing(f -> f));
        return ordered;
    }

    static void checkPublishedAt(Instant publishedAt, Instant now) {
        if (publishedAt.isAfter(now.plus(MAX_AHEAD))) {
            throw new IllegalArgumentException("'publishedAt' (" + publishedAt + ") is more than an hour ahead of this "
                    + "server's clock (" + now.truncatedTo(ChronoUnit.SECONDS)
                    + "): an article cannot come from the future");
        }
        if (publishedAt.isBefore(EARLIEST)) {
            throw new IllegalArgumentException("'publishedAt' (" + publishedAt + ") is before year 1");
        }
    }

    /** What became of a directory of article files. */
    public record DirectoryReport(List<String> ingestedIds, List<RejectedFile> skipped) {
    }

    /**
     * Publishes every article file below {@code directory} in publication order (files of the same time, and those
     * without one, last, in path order), so that the same files always reach the topic in the same order, the order
     * the news came in; files that cannot be read are skipped and reported. Each file is read twice (once for its
     * time) rather than held in memory.
     */
    public DirectoryReport ingestDirectory(Path directory) {
        return ingestDirectory(directory, null);
    }

    /**
     * As {@link #ingestDirectory(Path)}, leaving out the files the ledger has taken already and adding to it those
     * taken now (ingested or skipped), when a ledger is given.
     */
    public DirectoryReport ingestDirectory(Path directory, IngestedFiles ledger) {
        List<Path> files;
        try {
            files = ArticleFiles.listArticles(List.of(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list article files in " + directory, e);
        }
        if (ledger != null) {
            int all = files.size();
            files = ledger.notTaken(files);
            if (all > files.size()) {
                LOG.info("{} of {} files in {} were taken before; left out", all - files.size(), all, directory);
            }
        }
        DirectoryReport report = ingestFiles(files, ledger);
        LOG.info("Ingested {} articles from {}, skipped {}", report.ingestedIds().size(), directory, report.skipped().size());
        return report;
    }

    /** Publishes these article files in publication order, recording each in the ledger (when given) once taken. */
    public DirectoryReport ingestFiles(List<Path> files, IngestedFiles ledger) {
        List<String> ids = new ArrayList<>();
        List<RejectedFile> rejected = new ArrayList<>();
        ArticleFiles reader = new ArticleFiles(config.ingest().maxFileBytes());
        for (Path file : inPublicationOrder(files, reader)) {
            ArticleFileResult result = reader.read(file);
            if (result instanceof ParsedArticleFile parsed) {
                Instant published = parsed.publishedAt() != null ? parsed.publishedAt() : Instant.now();
                if (parsed.publishedAt() == null) {
                    LOG.warn("{} has no publication date; using the time of ingestion", file);
                }
                try {
                    ids.add(ingest(new NewArticle(parsed.title(), parsed.body(), published, parsed.source(),
                            parsed.url())));
                } catch (IllegalArgumentException | ArticlePublisher.ArticleTooLargeException e) {
                    LOG.warn("Skipped {}: {}", file, e.getMessage());
                    skipped.increment();
                    rejected.add(new RejectedFile(file.toString(), e.getMessage()));
                }
            } else if (result instanceof RejectedFile bad) {
                LOG.warn("Skipped {}: {}", file, bad.reason());
                skipped.increment();
                rejected.add(bad);
            }
            if (ledger != null) {
                ledger.remember(file);
            }
        }
        return new DirectoryReport(ids, rejected);
    }
}

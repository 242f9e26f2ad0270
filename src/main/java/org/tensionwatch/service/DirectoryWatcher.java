package org.tensionwatch.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.IngestedFiles;

/**
 * Ingests the article files of {@code tension.ingest.directory}: at start-up those not taken before, then, every
 * {@code tension.ingest.watch-interval}, the files dropped in since, each once it has stopped changing (the same
 * size and modification time at two looks in a row, so a file still being written waits). The ledger
 * {@code ingested-files} in the data directory remembers every file taken, with its content's digest, so that
 * neither a restart nor a second look takes a file twice; a file whose content changes is taken again (under the
 * same article id when it has a URL: a correction). Hidden files ({@code .name}, as editors and copies write first)
 * and names other than {@code .md}, {@code .markdown}, {@code .txt} are left alone.
 */
@Singleton
public class DirectoryWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);
    static final String LEDGER = "ingested-files";

    private record Look(long size, long modified) {
    }

    @Inject
    TensionConfig config;

    @Inject
    IngestionService ingestion;

    private IngestedFiles ledger;
    private ScheduledExecutorService timer;
    private Map<Path, Look> previous = new HashMap<>();

    /** Ingests what the directory holds now that was not taken before, then watches it. */
    void start(Path directory) {
        ledger = IngestedFiles.open(config.dataDir().resolve(LEDGER));
        if (Files.isDirectory(directory)) {
            ingestion.ingestDirectory(directory, ledger);
        } else {
            LOG.warn("The ingest directory {} does not exist (yet); it is watched", directory.toAbsolutePath());
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-directory-watcher");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.ingest().watchInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> look(directory), every, every, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for new article files every {} ms", directory.toAbsolutePath(), every);
    }

    private void look(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                return;
            }
            Map<Path, Look> now = new HashMap<>();
            List<Path> ready = new ArrayList<>();
            for (Path file : ledger.notTaken(ArticleFiles.listArticles(List.of(directory)))) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                Look look = new Look(a.size(), a.lastModifiedTime().toMillis());
                now.put(file, look);
                if (look.equals(previous.get(file))) {
                    ready.add(file);
                }
            }
            previous = now;
            if (!ready.isEmpty()) {
                IngestionService.DirectoryReport report = ingestion.ingestFiles(ready, ledger);
                LOG.info("Ingested {} new articles from {}, skipped {}", report.ingestedIds().size(), directory,
                        report.skipped().size());
                ready.forEach(previous::remove);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look at {}: {}; trying again", directory, e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

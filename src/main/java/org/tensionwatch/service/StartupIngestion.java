package org.tensionwatch.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, ingests the bundled sample articles once (a marker in the data directory remembers
 * it, so a restart does not ingest them again) and the files of the configured ingest directory, if any, not taken
 * before; then watches that directory for files dropped in while the service runs ({@link DirectoryWatcher}).
 */
@Singleton
public class StartupIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(StartupIngestion.class);
    static final String SAMPLES_MARKER = "samples-ingested";

    @Inject
    TensionConfig config;

    @Inject
    IngestionService ingestion;

    @Inject
    DirectoryWatcher watcher;

    void onStart(@Observes StartupEvent event) {
        if (config.samples().enabled()) {
            ingestSamplesOnce();
        }
        config.ingest().directory().ifPresent(watcher::start);
    }

    private void ingestSamplesOnce() {
        Path marker = config.dataDir().resolve(SAMPLES_MARKER);
        Path samples = config.samples().directory();
        if (Files.exists(marker)) {
            return;
        }
        if (!Files.isDirectory(samples)) {
            LOG.warn("Sample articles directory {} does not exist; no samples ingested", samples.toAbsolutePath());
            return;
        }
        ingestion.ingestDirectory(samples);
        try {
            Files.writeString(marker, "sample articles from " + samples.toAbsolutePath() + " were ingested\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }
}

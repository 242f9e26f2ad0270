package org.tensionwatch.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.feeds.FeedDefinition;
import org.tensionwatch.feeds.FeedFetcher;
import org.tensionwatch.feeds.FeedPoller;
import org.tensionwatch.feeds.FeedRecord;
import org.tensionwatch.feeds.FeedState;
import org.tensionwatch.feeds.HostRateLimiter;

/**
 * Follows the feeds of the feeds topic: every second, each feed this instance owns (see {@link FeedRegistry}) whose
 * next poll is due is read by one of {@code tension.feeds.threads} threads, its new items published as articles, and
 * its new state written back. Feeds of {@code tension.feeds.sources} are written to the topic at start-up.
 */
@Singleton
public class FeedService {

    private static final Logger LOG = LoggerFactory.getLogger(FeedService.class);
    static final String FROM_SETTINGS = "settings";
    static final String FROM_API = "api";

    @Inject
    TensionConfig config;

    @Inject
    KafkaSettings kafkaSettings;

    @Inject
    KafkaCluster cluster;

    @Inject
    IngestionService ingestion;

    @Inject
    MeterRegistry registry;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private String instance;
    private FeedRegistry feeds;
    private FeedPoller poller;
    private ScheduledExecutorService ticker;
    private ExecutorService pollers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Held while a feed's record is read and written back, so that a removal or change through the API cannot fall
     * between a finished poll's check that its feed is still there and the write of its state (which would follow a
     * removed feed again). A removal sent to another instance can still cross a poll finishing here in the moment
     * before this instance reads its tombstone, and bring the feed back: docs/feeds.md says so.
     */
    private final Object writes = new Object();
    private final AtomicInteger followed = new AtomicInteger();

    void onStart(@Observes StartupEvent event) {
        TensionConfig.Feeds settings = config.feeds();
        instance = config.streams().advertisedHost().orElseGet(FeedService::hostName) + ":" + httpPort;
        feeds = new FeedRegistry(cluster.connection(), settings.topic(), kafkaSettings.applicationIdPrefix() + "-feeds",
                config.topics().partitions(), config.topics().replicationFactor());
        registry.gauge("tension.feeds.followed", followed);
        registry.gauge("tension.feeds.owned.partitions", feeds, FeedRegistry::ownedPartitions);
        poller = new FeedPoller(
                new FeedFetcher(settings.connectTimeout(), settings.timeout(), settings.maxFeedBytes()),
                new FeedFetcher(settings.connectTimeout(), settings.timeout(), settings.maxPageBytes()),
                new HostRateLimiter(settings.perHostInterval()), Clock.systemUTC(), ingestion::ingest,
                settings.rememberedItems());
        boolean polling = settings.enabled() && kafkaSettings.derivation().isCurrent();
        if (!polling) {
            LOG.info("Feeds are not polled by this instance ({})", settings.enabled()
                    ? "it derives " + kafkaSettings.derivation() + ", not the current version" : "tension.feeds.enabled=false");
        }
        pollers = Executors.newFixedThreadPool(Math.max(1, settings.threads()), daemon("feed-poller"));
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("feed-ticker"));
        ticker.scheduleWithFixedDelay(() -> tick(polling), 1, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
            pollers.shutdownNow();
            try {
                pollers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            feeds.close();
        }
    }

    private boolean settingsWritten;

    private void tick(boolean polling) {
        try {
            if (!feeds.caughtUp()) {
                return;
            }
            if (!settingsWritten) {
                writeFeedsFromSettings();
                settingsWritten = true;
            }
            Map<String, FeedRegistry.Entry> all = feeds.all();
            followed.set(all.size());
            if (!polling) {
                return;
            }
            Instant now = Instant.now();
            all.values().stream()
                    .filter(feeds::owns)
                    .filter(e -> !e.record().state().nextPollAt().isAfter(now))
                    .sorted(Comparator.comparing(e -> e.record().state().nextPollAt()))
                    .forEach(e -> {
                        String id = e.record().definition().id();
                        if (inFlight.add(id)) {
                            pollers.execute(() -> pollOnce(id));
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("Feed scheduling failed this second: {}", e.toString());
        }
    }

    private void pollOnce(String id) {
        try {
            Optional<FeedRecord> current = feeds.get(id);
            if (current.isEmpty()) {
                return;
            }
            FeedDefinition feed = current.get().definition();
            FeedState before = current.get().state();
            FeedState after;
            try {
                after = poller.poll(feed, before);
            } catch (RuntimeException e) {
                // the articles could not be published (the broker): nothing counts as seen, the next poll retries
                after = poller.failure(feed, before, "cannot publish the feed's articles: " + e.getMessage());
            }
            after = after.polledBy(instance);
            count(feed, before, after);
            synchronized (writes) {
                Optional<FeedRecord> latest = feeds.get(id);
                if (latest.isEmpty() || !latest.get().definition().url().equals(feed.url())) {
                    return;  // removed or replaced while it was read: its state would bring it back
                }
                feeds.put(new FeedRecord(latest.get().definition(), after, latest.get().origin()));
            }
            if (after.consecutiveErrors() > 0) {
                LOG.warn("Feed {} ({}): {}; next poll at {}", id, feed.url(), after.lastError(), after.nextPollAt());
            } else {
                LOG.debug("Feed {}: {}", id, after.lastStatus());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Feed {} could not be polled: {}", id, e.toString());
        } finally {
            inFlight.remove(id);
        }
    }

    private void count(FeedDefinition feed, FeedState before, FeedState after) {
        String outcome = after.errors() > before.errors() ? "error"
                : after.lastStatus().startsWith("not modified") ? "not-modified" : "ok";
        registry.counter("tension.feeds.polls", "feed", feed.id(), "outcome", outcome).increment();
        increment("new", feed, after.itemsNew() - before.itemsNew());
        increment("updated", feed, after.itemsUpdated() - before.itemsUpdated());
        increment("unchanged", feed, after.itemsUnchanged() - before.itemsUnchanged());
        after.skippedByReason().forEach((reason, n) -> {
            long more = n - before.skippedByReason().getOrDefault(reason, 0L);
            if (more > 0) {
                registry.counter("tension.feeds.items.skipped", "feed", feed.id(), "reason", reason).increment(more);
            }
        });
    }

    private void increment(String outcome, FeedDefinition feed, long amount) {
        if (amount > 0) {
            registry.counter("tension.feeds.items", "feed", feed.id(), "outcome", outcome).increment(amount);
        }
    }

    private void writeFeedsFromSettings() {
        config.feeds().sources().forEach((name, source) -> {
            try {
                FeedDefinition definition = new FeedDefinition(name, URI.create(source.url().strip()),
                        source.source().orElse(name), source.pollInterval(), source.fullText());
                Optional<FeedRecord> existing = feeds.get(definition.id());
                if (existing.isEmpty() || !existing.get().definition().equals(definition)) {
                    feeds.put(new FeedRecord(definition, existing.map(FeedRecord::state)
                            .orElse(FeedState.initial(Instant.now())), FROM_SETTINGS));
                    LOG.info("Following feed {} at {} (from settings)", definition.id(), definition.url());
                }
            } catch (IllegalArgumentException e) {
                LOG.error("tension.feeds.sources.{}: {}; this feed is not followed", name, e.getMessage());
            }
        });
    }

    /** Every feed, by id. */
    public List<FeedRecord> list() {
        return feeds.all().values().stream().map(FeedRegistry.Entry::record)
                .sorted(Comparator.comparing(r -> r.definition().id())).toList();
    }

    public Optional<FeedRecord> get(String id) {
        return feeds.get(id);
    }

    /**
     * Follows a feed, or changes one of the same id keeping its state; due at once when new or moved.
     *
     * @return the record written, and whether the feed is new
     */
    public Added add(FeedDefinition definition) {
        Optional<FeedRecord> existing;
        FeedRecord record;
        synchronized (writes) {
            existing = feeds.get(definition.id());
            FeedState state = existing.filter(r -> r.definition().url().equals(definition.url()))
                    .map(FeedRecord::state).orElse(FeedState.initial(Instant.now()));
            record = new FeedRecord(definition, state, FROM_API);
            feeds.put(record);
        }
        LOG.info("Following feed {} at {}", definition.id(), definition.url());
        return new Added(record, existing.isEmpty());
    }

    /** A feed written, and whether it is new. */
    public record Added(FeedRecord record, boolean created) {
    }

    /** Stops following a feed; answers whether it was followed. */
    public boolean remove(String id) {
        synchronized (writes) {
            if (feeds.get(id).isEmpty()) {
                return false;
            }
            return feeds.remove(id);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

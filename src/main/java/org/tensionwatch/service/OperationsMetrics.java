package org.tensionwatch.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.views.RegionSummary;
import org.tensionwatch.domain.EventType;

/**
 * Metrics of what the pipeline produces: events extracted by type, and the tension index of each
 * region today ({@code tension_index{region="XK"}}).
 *
 * <p>The index gauges are computed lazily: a scrape reads the last computed values, and if they are
 * older than {@link #INDEX_MAX_AGE} it starts a recomputation in the background (one at a time), so
 * a scrape never waits for the stores and never registers meters from inside a scrape. A
 * region's gauge therefore appears one scrape after its first event; at most {@link #MAX_REGIONS}
 * regions, those with the highest index, have a gauge.
 */
@Singleton
public class OperationsMetrics {

    static final Duration INDEX_MAX_AGE = Duration.ofSeconds(30);
    static final int MAX_REGIONS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

    @Inject
    IndicatorQueries queries;

    @Inject
    MeterRegistry registry;

    private final Clock clock = Clock.systemUTC();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Map<String, Gauge> gauges = new HashMap<>();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tension-index-gauges");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, Double> index = Map.of();
    private volatile Instant computedAt = Instant.EPOCH;

    void register(@Observes StartupEvent event) {
        for (EventType type : EventType.values()) {
            FunctionCounter.builder("tension.events.extracted", type, CountingExtractor::extracted)
                    .tag("type", type.name())
                    .description("events the extractor read from articles, by type (an article ingested again counts again)")
                    .register(registry);
        }
        Gauge.builder("tension.index.regions", this, m -> m.current().size())
                .description("regions with events in the last 90 days that have a tension_index gauge")
                .register(registry);
    }

    void stop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    /** The last computed index of each region; starts a recomputation if it is stale. */
    Map<String, Double> current() {
        if (Duration.between(computedAt, clock.instant()).compareTo(INDEX_MAX_AGE) > 0 && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RuntimeException e) {
                refreshing.set(false);
            }
        }
        return index;
    }

    private void refresh() {
        try {
            List<RegionSummary> regions = queries.regions(LocalDate.now(clock));
            Map<String, Double> fresh = new LinkedHashMap<>();
            for (RegionSummary region : regions.subList(0, Math.min(regions.size(), MAX_REGIONS))) {
                fresh.put(region.region(), region.tensionIndex());
            }
            index = Map.copyOf(fresh);
            computedAt = clock.instant();
            updateGauges(fresh);
        } catch (RuntimeException e) {
            // the stores are not queryable while the streams start or rebalance: keep the last values, try again next scrape
            LOG.debug("Tension index gauges not refreshed: {}", e.toString());
        } finally {
            refreshing.set(false);
        }
    }

    private synchronized void updateGauges(Map<String, Double> fresh) {
        for (String region : fresh.keySet()) {
            gauges.computeIfAbsent(region, r -> Gauge.builder("tension.index", this, m -> m.current().getOrDefault(r, Double.NaN))
                    .tag("region", r.toUpperCase(Locale.ROOT))
                    .description("the region's tension index today (UTC), recomputed at most every 30 s")
                    .register(registry));
        }
        gauges.entrySet().removeIf(e -> {
            if (!fresh.containsKey(e.getKey())) {
                registry.remove(e.getValue());
                return true;
            }
            return false;
        });
    }
}

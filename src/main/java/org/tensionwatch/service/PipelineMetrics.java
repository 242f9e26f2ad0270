package org.tensionwatch.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.tensionwatch.kafka.DeadLetterCount;
import org.tensionwatch.streams.DroppedReports;

/**
 * Exposes what the streams could not use - dead letters, late reports, reports without a region - on /q/metrics. The
 * dropped reports are those of the service's indicators application ({@link StreamsApplications#droppedReports()}),
 * the dead letters those of the service's applications and webhook ({@link StreamsApplications#deadLetters()}): a
 * benchmark's or a test's topology in the same JVM adds to neither. The misrouted and invalid events the indicators
 * application writes to the dead-letter topic itself are counted apart ({@code tension.events.misrouted},
 * {@code tension.events.invalid}), not in {@code tension.dead.letter.records}.
 */
@Singleton
public class PipelineMetrics {

    @Inject
    StreamsApplications applications;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        DroppedReports dropped = applications.droppedReports();
        FunctionCounter.builder("tension.dead.letter.records", applications.deadLetters(), DeadLetterCount::sent)
                .description("records sent to the dead-letter topic: records the streams could not decode or process, "
                        + "and alert steps the webhook gave up on")
                .register(registry);
        FunctionCounter.builder("tension.reports.late", dropped, DroppedReports::late)
                .description("reports about a day before the grace period, counted but not applied")
                .register(registry);
        FunctionCounter.builder("tension.reports.without.region", dropped, DroppedReports::withoutRegion)
                .description("reports the extractor could place in no country")
                .register(registry);
        FunctionCounter.builder("tension.events.misrouted", dropped, DroppedReports::misrouted)
                .description("events found in another partition than their region's, sent to the dead-letter topic instead of being counted")
                .register(registry);
        FunctionCounter.builder("tension.events.invalid", dropped, DroppedReports::invalid)
                .description("events no extraction writes (a negative or absurd count, a region that is not a code, "
                        + "a day outside years 1 to 9999), sent to the dead-letter topic instead of being counted")
                .register(registry);
    }
}

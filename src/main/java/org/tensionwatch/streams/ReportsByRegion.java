package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.LateEventPolicy;

/**
 * Turns an event record into a report keyed by its region: one task then owns every report, canonical event and
 * daily row of a region, so it can merge and count without another repartition. Reports
 * with no country, reports about a day more than the grace period before their article's
 * publication, and reports about a day the merge step no longer keeps, are counted and logged.
 */
final class ReportsByRegion implements Processor<String, ConflictEvent, String, EventReport> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsByRegion.class);
    private final IndicatorSettings settings;
    private ProcessorContext<String, EventReport> context;

    ReportsByRegion(IndicatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, EventReport> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ConflictEvent> record) {
        ConflictEvent event = record.value();
        if (event == null) {
            // a retraction: the article's newer version no longer yields this event; see README "Known limits"
            return;
        }
        if (event.getCountryCode() == null) {
            DroppedReports.WITHOUT_REGION.increment();
            return;
        }
        EventReport report = toReport(event);
        LateEventPolicy late = settings.late();
        if (!late.accepts(report.occurredOn(), report.publishedAt())) {
            DroppedReports.LATE.increment();
            LOG.warn("Report {} about {} was published {}, more than the grace period of {} later; not applied",
                    event.getId(), report.occurredOn(), report.publishedAt(), late.grace());
            return;
        }
        LocalDate retainedFrom = settings.retainedFrom(streamTime(context));
        if (report.occurredOn().isBefore(retainedFrom)) {
            DroppedReports.LATE.increment();
            LOG.warn("Report {} about {} arrived after the merge step let go of days before {}; not applied",
                    event.getId(), report.occurredOn(), retainedFrom);
            return;
        }
        context.forward(record.withKey(report.region()).withValue(report));
    }

    /** The newest publication time this task has seen (record timestamps are publication times). */
    static Instant streamTime(ProcessorContext<?, ?> context) {
        return Instant.ofEpochMilli(Math.max(context.currentStreamTimeMs(), 0));
    }

    static EventReport toReport(ConflictEvent e) {
        boolean stated = e.getOccurredOn() != null;
        LocalDate day = stated ? e.getOccurredOn() : LocalDate.ofInstant(e.getPublishedAt(), ZoneOffset.UTC);
        return new EventReport(e.getId(), e.getArticleId(), e.getSource(), e.getUrl(),
                EventType.valueOf(e.getType().name()), e.getCount(),
                e.getQualifier() == null ? null : Qualifier.valueOf(e.getQualifier().name()),
                e.getLevel() == null ? null : AlertLevel.valueOf(e.getLevel().name()),
                e.getActor(), e.getLocationName(), e.getCountryCode(), day, stated, e.getPublishedAt(),
                e.getEvidence(), e.getConfidence());
    }
}

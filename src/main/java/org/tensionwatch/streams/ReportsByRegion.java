package org.tensionwatch.streams;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.LateEventPolicy;
import org.tensionwatch.indicators.Retraction;
import org.tensionwatch.kafka.DeadLetterHandler;
import org.tensionwatch.kafka.EventPartitioning;

/**
 * Turns an event record into a report keyed by its region. The events topic is partitioned by region
 * ({@link EventPartitioning}), so the task reading a partition owns every report, canonical event and daily row of its
 * regions and merges them in place, without a repartition. An event that arrives in another partition than its
 * region's (a producer that does not partition by region, or records written before the topic was) would split its
 * region's counts between two tasks: it is sent to the dead-letter topic instead, with the reason, and counted. So is
 * an event no extraction writes ({@link #invalid}).
 * Reports with no country, reports about a day more than the grace period before their article's
 * publication, and reports about a day the merge step no longer keeps, are counted and logged.
 *
 * <p>A tombstone retracts the event of its key (its article's corrected version no longer yields it). It has no
 * value, so the extraction writes it to every partition, with the region|type its report was filed under in a header;
 * the partition of that region passes it on as a {@link Retraction} keyed by that region|type, the others drop it.
 * Topologies that take reports only (the benchmark's) drop tombstones here.
 */
final class ReportsByRegion implements Processor<String, ConflictEvent, String, RoutedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsByRegion.class);
    /** More than anyone counts of one event: a larger figure is a damaged or crafted record; sums would overflow. */
    static final long MAX_COUNT = 1_000_000_000L;
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");
    private final IndicatorSettings settings;
    private final boolean retractions;
    private final DroppedReports dropped;
    private ProcessorContext<String, RoutedEvent> context;
    private int partitions;
    private long misroutedHere;

    /**
     * @param retractions whether tombstones are passed on as retractions, or dropped
     * @param dropped where the events and reports not passed on are counted
     */
    ReportsByRegion(IndicatorSettings settings, boolean retractions, DroppedReports dropped) {
        this.settings = settings;
        this.retractions = retractions;
        this.dropped = dropped;
    }

    @Override
    public void init(ProcessorContext<String, RoutedEvent> context) {
        this.context = context;
        this.partitions = EventPartitioning.configuredPartitions(context.appConfigs());
    }

    @Override
    public void process(Record<String, ConflictEvent> record) {
        ConflictEvent event = record.value();
        if (event == null) {
            // a retraction: the article's newer version no longer yields this event
            String filed = retractions && record.key() != null ? filedUnder(record) : null;
            if (filed != null) {
                context.forward(record.withKey(filed).withValue(RoutedEvent.retraction(new Retraction(record.key()))));
            }
            return;
        }
        if (event.getCountryCode() == null) {
            dropped.countWithoutRegion();
            return;
        }
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        String invalid = invalid(event);
        if (invalid != null) {
            // parked in this task's transaction, as a misrouted event is: once, and before anything of it is counted
            dropped.countInvalid();
            LOG.warn("{}; sent to the dead-letter topic", invalid);
            context.forward(toDeadLetter(record, metadata, invalid));
            return;
        }
        String misrouted = misrouted(event, metadata);
        if (misrouted != null) {
            dropped.countMisrouted();
            // a whole topic written the old way would log every record: the first of each task, then every 10,000th
            if (misroutedHere++ % 10_000 == 0) {
                LOG.error("{}; sent to the dead-letter topic ({} such events in this task so far)", misrouted, misroutedHere);
            }
            context.forward(toDeadLetter(record, metadata, misrouted));
            return;
        }
        EventReport report = toReport(event);
        LateEventPolicy late = settings.late();
        if (!late.accepts(report.occurredOn(), report.publishedAt())) {
            dropped.countLate();
            LOG.warn("Report {} about {} was published {}, more than the grace period of {} later; not applied",
                    event.getId(), report.occurredOn(), report.publishedAt(), late.grace());
            return;
        }
        context.forward(record.withKey(report.region()).withValue(RoutedEvent.report(report)));
    }

    /**
     * The region|type a tombstone's report was filed under, from the header the extraction writes, when that region's
     * reports are in this partition; null for a tombstone of another partition's region (every partition gets each)
     * or one without the header (written before it existed: such a retraction cannot be placed and changes nothing).
     */
    private String filedUnder(Record<String, ConflictEvent> record) {
        Header header = record.headers().lastHeader(ExtractionTopology.FILED_HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        String filed = new String(header.value(), StandardCharsets.UTF_8);
        int bar = filed.indexOf('|');
        if (bar <= 0) {
            return null;
        }
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        if (partitions > 0 && metadata != null
                && EventPartitioning.partitionOf(filed.substring(0, bar), partitions) != metadata.partition()) {
            return null;
        }
        return filed;
    }

    /**
     * The reason the event is in another partition than its region's, or {@code null} when it is where it belongs (or
     * the partition count is not configured).
     */
    private String misrouted(ConflictEvent event, RecordMetadata metadata) {
        if (partitions == 0 || metadata == null) {
            return null;
        }
        int expected = EventPartitioning.partitionOf(event.getCountryCode(), partitions);
        if (metadata.partition() == expected) {
            return null;
        }
        return "event " + event.getId() + " of region " + event.getCountryCode() + " is in partition "
                + metadata.partition() + " of " + metadata.topic() + ", but the events topic is partitioned by region "
                + "and this region's events belong in partition " + expected + " of " + partitions
                + "; not counted, so that the region is not counted in two places";
    }

    /**
     * Why an event that decoded cannot be counted, or {@code null} when it can: a value no extraction writes (a
     * negative count, a region that is not a code, a confidence outside [0, 1]), or one whose sums or days would
     * overflow (a count over {@link #MAX_COUNT}, a day or publication time outside years 1 to 9999). Kept out here,
     * before the merge: inside it, such a report would wait in the store and fail every later merge of its region and
     * type.
     */
    static String invalid(ConflictEvent event) {
        try {
            EventReport report = toReport(event);
            if (report.count() != null && report.count() > MAX_COUNT) {
                return "event " + event.getId() + " reports " + report.count() + ", more than " + MAX_COUNT
                        + "; not counted";
            }
            if (report.occurredOn().getYear() < 1 || report.occurredOn().getYear() > 9999
                    || report.publishedAt().isBefore(FIRST_INSTANT) || !report.publishedAt().isBefore(END_INSTANT)) {
                return "event " + event.getId() + " is about " + report.occurredOn() + ", published "
                        + report.publishedAt() + ": outside years 1 to 9999; not counted";
            }
            return null;
        } catch (IllegalArgumentException | NullPointerException | DateTimeException | ArithmeticException e) {
            return "event " + event.getId() + " cannot be counted: " + e.getMessage();
        }
    }

    /** The record for the dead-letter topic: as it came, under its own key, with the dead-letter headers. */
    private static Record<String, RoutedEvent> toDeadLetter(Record<String, ConflictEvent> record, RecordMetadata metadata,
            String reason) {
        return record.withValue(RoutedEvent.misrouted(record.value())).withHeaders(metadata == null
                ? DeadLetterHandler.headers(record.headers(), "unknown", -1, -1, reason)
                : DeadLetterHandler.headers(record.headers(), metadata.topic(), metadata.partition(), metadata.offset(),
                        reason));
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

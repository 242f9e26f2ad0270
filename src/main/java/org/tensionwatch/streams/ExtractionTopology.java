package org.tensionwatch.streams;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;

/**
 * Articles in, events out: each article on the articles topic is read by the extractor and its
 * events are written to the events topic, keyed by a stable event id, in the partition of their region
 * ({@link EventPartitioning}). When an article comes again
 * (a correction, or the same file ingested twice) its events are written again under the same ids,
 * and ids it no longer yields are deleted with tombstones, so downstream tables never double count. An id whose event
 * moves to another region or type (the correction dropped an earlier event, so the ids after it now name other
 * events) is retracted with a tombstone first, since the new version is filed elsewhere. Every tombstone names, in the
 * header {@link #FILED_HEADER}, the region|type its event was filed under.
 */
public final class ExtractionTopology {

    public static final String EVENT_COUNTS_STORE = "extracted-event-counts";
    /**
     * article id -> where each of its events was filed, in id order, as the tombstone header names it: region|TYPE
     * ("XK|INJURY,RS|PROTEST"; "|TYPE" for an event without a region; a bare region in entries written before the type
     * was kept).
     */
    public static final String EVENT_REGIONS_STORE = "extracted-event-regions";
    /** The header of a tombstone that names the region|type its event was filed under ("XK|INJURY"). */
    public static final String FILED_HEADER = "tension.filed";
    public static final String EXTRACT_PROCESSOR = "extract-events";

    private ExtractionTopology() {
    }

    /**
     * @param streamsConfig the Streams configuration the topology will run with; it decides between
     *     persistent and in-memory stores
     */
    public static Topology build(Topics topics, EventExtractor extractor, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(StoreKind.keyValue(EVENT_COUNTS_STORE, Serdes.String(), Serdes.Integer(), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(EVENT_REGIONS_STORE, Serdes.String(), Serdes.String(), streamsConfig));
        builder.stream(topics.articles().name(),
                        Consumed.with(topics.articles().keySerde(), topics.articles().valueSerde()).withName("read-articles"))
                .process(() -> new ExtractEvents(extractor), Named.as(EXTRACT_PROCESSOR), EVENT_COUNTS_STORE,
                        EVENT_REGIONS_STORE)
                // partitioned by region (EventPartitioning): the indicators merge a region's reports where they are
                .to(topics.events().name(), Produced.with(topics.events().keySerde(), topics.events().valueSerde())
                        .withStreamPartitioner(EventPartitioning.streamPartitioner()).withName("write-events"));
        return builder.build(streamsConfig);
    }

    /** Extracts one article's events and retracts the ids an earlier version of it yielded but this one does not. */
    private static final class ExtractEvents implements Processor<String, Article, String, ConflictEvent> {

        private static final Logger LOG = LoggerFactory.getLogger(ExtractEvents.class);
        private final EventExtractor extractor;
        private ProcessorContext<String, ConflictEvent> context;
        private KeyValueStore<String, Integer> eventCounts;
        private KeyValueStore<String, String> eventRegions;

        ExtractEvents(EventExtractor extractor) {
            this.extractor = extractor;
        }

        @Override
        public void init(ProcessorContext<String, ConflictEvent> context) {
            this.context = context;
            this.eventCounts = context.getStateStore(EVENT_COUNTS_STORE);
            this.eventRegions = context.getStateStore(EVENT_REGIONS_STORE);
        }

        @Override
        public void process(Record<String, Article> record) {
            String articleId = record.key();
            if (articleId == null) {
                LOG.warn("Skipped an article record without a key (offset unknown to the topology)");
                return;
            }
            List<ExtractedEvent> events = record.value() == null ? List.of() : extract(record.value());
            // known for articles extracted since the store exists; for older ones a moved id is not retracted
            String filedBefore = eventRegions.get(articleId);
            List<String> before = filedBefore == null ? List.of() : Arrays.asList(filedBefore.split(",", -1));
            StringJoiner filed = new StringJoiner(",");
            for (int i = 0; i < events.size(); i++) {
                ConflictEvent event = EventMapping.toAvro(record.value(), i, events.get(i), extractor.version());
                String filedNow = (event.getCountryCode() == null ? "" : event.getCountryCode()) + "|" + event.getType();
                if (i < before.size() && !before.get(i).equals(filedNow)) {
                    // the old version is filed elsewhere (another region's partition, or another type), which the new
                    // one will not reach: retract it there first
                    context.forward(tombstone(record, event.getId(), before.get(i)));
                }
                context.forward(record.withKey(event.getId()).withValue(event));
                filed.add(filedNow);
            }
            Integer count = eventCounts.get(articleId);
            for (int i = events.size(); count != null && i < count; i++) {
                context.forward(tombstone(record, EventMapping.eventId(articleId, i), i < before.size() ? before.get(i) : null));
            }
            eventCounts.put(articleId, events.size());
            if (events.isEmpty()) {
                eventRegions.delete(articleId);
            } else {
                eventRegions.put(articleId, filed.toString());
            }
        }

        /**
         * The tombstone of an event id, with the region|type its report was filed under when that is known: the
         * indicators apply it there without keeping an index of every report.
         */
        private static Record<String, ConflictEvent> tombstone(Record<String, Article> record, String eventId, String filed) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            headers.remove(FILED_HEADER);
            int bar = filed == null ? -1 : filed.indexOf('|');
            if (bar > 0 && bar < filed.length() - 1) {
                headers.add(FILED_HEADER, filed.getBytes(StandardCharsets.UTF_8));
            }
            return record.withKey(eventId).<ConflictEvent>withValue(null).withHeaders(headers);
        }

        private List<ExtractedEvent> extract(Article article) {
            try {
                return extractor.extract(EventMapping.articleText(article));
            } catch (RuntimeException e) {
                // the extractor promises not to throw; if it does, one article loses its events, not the stream
                LOG.error("Extractor {} failed on article {}; it yields no events", extractor.version(), article.getId(), e);
                return List.of();
            }
        }
    }
}

package org.tensionwatch.streams;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.tensionwatch.indicators.ActorGroups;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.ReportChange;
import org.tensionwatch.indicators.Retraction;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.Topics;

/**
 * Events in, indicators out, counting each real occurrence once: the events topic is partitioned by region, so the
 * task of a partition owns all of its regions; their reports are merged into canonical events per region and type (a
 * revised figure replaces the old one), and each day's indicators are moved by exactly the difference a changed
 * canonical event makes, as an adder and a subtractor would. Every change of a canonical event is also published, for
 * the alerts and for subscribers. A tombstone on the events topic retracts its report, and the indicators move back
 * by the difference. No repartition; see {@link MergeReportsIntoIndicators} for the state.
 */
public final class IndicatorsTopology {

    private static final String OUTPUTS = "merge-outputs-";
    private static final String EVENT_CHANGES = "canonical-events";
    private static final String DAY_CHANGES = "daily-indicators";
    private static final String ROUTES = "route-";
    private static final String MISROUTED = "misrouted";
    private static final String IN_PLACE = "in-place";

    private IndicatorsTopology() {
    }

    /**
     * @param dropped where the reports and events this topology does not apply are counted: the caller's own, so that
     *                no other topology in the same JVM adds to it
     */
    public static Topology build(Topics topics, IndicatorSettings settings, DroppedReports dropped,
            Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        // compact binary for the values every merge rewrites; see CompactCodec
        // reports (and retractions) wait here seconds at most, and at most maxPendingReports of them per task: in
        // memory, and without the record cache, which they would fill (it is shared by all stores of the thread) mostly
        // to be flushed anyway
        builder.addStateStore(StoreKind.buffer(StoreNames.PENDING_REPORTS, Serdes.String(), new ReportChangeSerde()));
        builder.addStateStore(StoreKind.keyValue(StoreNames.CANONICAL_BY_DAY, Serdes.String(),
                CompactSerde.canonicalEventList(), streamsConfig).withCachingEnabled());
        builder.addStateStore(StoreKind.timestampedKeyValue(StoreNames.CANONICAL_EVENTS, Serdes.String(),
                CompactSerde.canonicalEvent(), streamsConfig).withCachingEnabled());
        builder.addStateStore(StoreKind.timestampedKeyValue(StoreNames.DAILY_INDICATORS, Serdes.String(),
                JsonSerde.of(DailyIndicators.class), streamsConfig).withCachingEnabled());
        // every version of every daily row, valid from the stream time it was written: "as known at" queries
        builder.addStateStore(StoreKind.versionedKeyValue(StoreNames.DAILY_INDICATORS_HISTORY, settings.historyRetention(),
                Serdes.String(), JsonSerde.of(DailyIndicators.class), streamsConfig));

        // region -> newest publication time: a handful of keys, each read once per task life and written when it advances
        builder.addStateStore(StoreKind.keyValue(StoreNames.REGION_NEWEST_PUBLICATION, Serdes.String(), Serdes.Long(),
                streamsConfig).withCachingEnabled());
        KStream<String, IndicatorsOutput> merged = changesByRegion(builder, topics, settings, dropped)
                .process(() -> new MergeReportsIntoIndicators(
                                new CanonicalEventMerger(settings.merge(), ActorGroups.defaults()), settings, dropped),
                        Named.as("merge-reports-into-indicators"), StoreNames.PENDING_REPORTS,
                        StoreNames.CANONICAL_BY_DAY, StoreNames.CANONICAL_EVENTS, StoreNames.DAILY_INDICATORS,
                        StoreNames.DAILY_INDICATORS_HISTORY, StoreNames.REGION_NEWEST_PUBLICATION);
        writeOutputs(merged, topics, OUTPUTS);
        return builder.build(streamsConfig);
    }

    /**
     * The events topic read, and each event as a report keyed by its region, where it is: the topic is partitioned by
     * region ({@link EventPartitioning}), so no repartition. An event in another partition than its region's goes to
     * the dead-letter topic (see {@link ReportsByRegion}). Shared with {@link MergeFloorTopology}, so that the
     * benchmark's floor has exactly this shape.
     */
    static KStream<String, EventReport> reportsByRegion(StreamsBuilder builder, Topics topics, IndicatorSettings settings,
            DroppedReports dropped) {
        return routed(builder, topics, settings, dropped, false).mapValues(RoutedEvent::report, Named.as("reports"));
    }

    /**
     * As {@link #reportsByRegion}, with each tombstone of the events topic passed on as a {@link Retraction} keyed by
     * its event id (every task gets it; the one that holds the report applies it).
     */
    static KStream<String, ReportChange> changesByRegion(StreamsBuilder builder, Topics topics, IndicatorSettings settings,
            DroppedReports dropped) {
        return routed(builder, topics, settings, dropped, true).mapValues(RoutedEvent::change, Named.as("reports"));
    }

    private static KStream<String, RoutedEvent> routed(StreamsBuilder builder, Topics topics, IndicatorSettings settings,
            DroppedReports dropped, boolean retractions) {
        Map<String, KStream<String, RoutedEvent>> routed = builder.stream(topics.events().name(),
                        Consumed.with(topics.events().keySerde(), topics.events().valueSerde()).withName("read-events"))
                .process(() -> new ReportsByRegion(settings, retractions, dropped), Named.as("to-reports-by-region"))
                .split(Named.as(ROUTES))
                .branch((key, routedEvent) -> routedEvent.isMisrouted(), Branched.as(MISROUTED))
                .defaultBranch(Branched.as(IN_PLACE));
        routed.get(ROUTES + MISROUTED)
                .mapValues(RoutedEvent::misrouted, Named.as("misrouted-events"))
                .to(topics.deadLetter(), Produced.with(topics.events().keySerde(), topics.events().valueSerde())
                        .withName("write-misrouted-events"));
        return routed.get(ROUTES + IN_PLACE);
    }

    /**
     * The merge step's outputs written: changes of canonical events (tombstones included, for alerts and for
     * subscribers) to the canonical-events topic, changed daily rows to the indicators topic. Shared with
     * {@link MergeFloorTopology}.
     */
    static void writeOutputs(KStream<String, IndicatorsOutput> merged, Topics topics, String splitName) {
        Map<String, KStream<String, IndicatorsOutput>> outputs = merged
                .split(Named.as(splitName))
                .branch((key, output) -> output.isEvent(), Branched.as(EVENT_CHANGES))
                .defaultBranch(Branched.as(DAY_CHANGES));
        outputs.get(splitName + EVENT_CHANGES)
                .mapValues(output -> output.event() == null ? null : CanonicalEventMapping.toAvro(output.event()),
                        Named.as("to-canonical-event-records"))
                .to(topics.canonicalEvents().name(), Produced.with(topics.canonicalEvents().keySerde(),
                        topics.canonicalEvents().valueSerde())
                        .withStreamPartitioner(EventPartitioning.canonicalEventPartitioner()).withName("write-canonical-events"));
        outputs.get(splitName + DAY_CHANGES)
                .mapValues((key, output) -> IndicatorMapping.toAvro(key, output.row(), output.tensionIndex()),
                        Named.as("to-region-indicators"))
                .to(topics.indicators().name(),
                        Produced.with(topics.indicators().keySerde(), topics.indicators().valueSerde()).withName("write-indicators"));
    }
}
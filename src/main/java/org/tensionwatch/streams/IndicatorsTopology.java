package org.tensionwatch.streams;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.indicators.ActorGroups;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.Topics;

/**
 * Events in, indicators out, counting each real occurrence once: article reports are grouped by
 * region and type, merged into canonical events (a table: a revised figure replaces the old one),
 * and the canonical events are aggregated per region and day with an adder and a subtractor, so
 * every indicator moves by exactly the difference a new report makes. Every change of a canonical
 * event is also published, for the alerts and for subscribers.
 */
public final class IndicatorsTopology {

    private IndicatorsTopology() {
    }

    public static Topology build(Topics topics, IndicatorSettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        // compact binary for the values every report rewrites; see CompactCodec
        CompactSerde<EventReport> reportSerde = CompactSerde.eventReport();
        CompactSerde<CanonicalEvent> canonicalSerde = CompactSerde.canonicalEvent();
        JsonSerde<DailyIndicators> dailySerde = JsonSerde.of(DailyIndicators.class);
        builder.addStateStore(StoreKind.keyValue(StoreNames.CANONICAL_BY_MATCH_KEY, Serdes.String(),
                CompactSerde.canonicalEventList(), streamsConfig));

        KTable<String, CanonicalEvent> canonicalEvents = builder.stream(topics.events().name(),
                        Consumed.with(topics.events().keySerde(), topics.events().valueSerde()).withName("read-events"))
                .process(() -> new ReportsByMatchKey(settings), Named.as("to-reports-by-match-key"))
                .repartition(Repartitioned.<String, EventReport>as(StoreNames.REPORTS_BY_MATCH_KEY)
                        .withKeySerde(Serdes.String()).withValueSerde(reportSerde))
                .process(() -> new MergeIntoCanonicalEvents(
                                new CanonicalEventMerger(settings.merge(), ActorGroups.defaults()), settings),
                        Named.as("merge-into-canonical-events"), StoreNames.CANONICAL_BY_MATCH_KEY)
                .toTable(Named.as("canonical-events-table"),
                        Materialized.<String, CanonicalEvent, KeyValueStore<Bytes, byte[]>>as(StoreNames.CANONICAL_EVENTS)
                                .withKeySerde(Serdes.String()).withValueSerde(canonicalSerde));

        // every change of a canonical event, tombstones included, for alerts and for subscribers
        canonicalEvents.toStream(Named.as("canonical-events-changes"))
                .mapValues(event -> event == null ? null : CanonicalEventMapping.toAvro(event),
                        Named.as("to-canonical-event-records"))
                .to(topics.canonicalEvents().name(), Produced.with(topics.canonicalEvents().keySerde(),
                        topics.canonicalEvents().valueSerde()).withName("write-canonical-events"));

        canonicalEvents
                .groupBy((id, event) -> KeyValue.pair(RegionDay.key(event.region(), event.occurredOn()), event),
                        Grouped.with(StoreNames.CANONICAL_BY_REGION_DAY, Serdes.String(), canonicalSerde))
                .aggregate(DailyIndicators::empty,
                        (key, event, row) -> DailyIndicatorsAggregator.add(row, event),
                        (key, event, row) -> DailyIndicatorsAggregator.subtract(row, event),
                        Named.as("aggregate-daily-indicators"),
                        Materialized.<String, DailyIndicators, KeyValueStore<Bytes, byte[]>>as(StoreNames.DAILY_INDICATORS)
                                .withKeySerde(Serdes.String()).withValueSerde(dailySerde))
                .toStream(Named.as("daily-indicators-changes"))
                .mapValues(IndicatorMapping::toAvro, Named.as("to-region-indicators"))
                .to(topics.indicators().name(),
                        Produced.with(topics.indicators().keySerde(), topics.indicators().valueSerde()).withName("write-indicators"));
        return builder.build(streamsConfig);
    }
}

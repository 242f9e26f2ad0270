package org.tensionwatch.streams;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.tensionwatch.alerts.AlertEvaluator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertState;
import org.tensionwatch.alerts.RegionHistory;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.Topics;

/**
 * Canonical events in, escalation alerts out: every change of a canonical event (a tombstone removes it) is moved to
 * its region's partition, the region's rules are evaluated on it ({@link EvaluateAlerts}), and each step of an alert
 * (raised, escalated, cleared) goes to the alerts topic keyed by alert id. The latest step of every alert is kept in
 * a queryable store for {@code GET /api/alerts}.
 */
public final class AlertsTopology {

    private AlertsTopology() {
    }

    public static Topology build(Topics topics, List<AlertRule> rules, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<CanonicalEventChange> changeSerde = JsonSerde.of(CanonicalEventChange.class);
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.REGION_EVENTS, Serdes.String(),
                JsonSerde.of(RegionHistory.class), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.RULE_STATE, Serdes.String(),
                JsonSerde.of(AlertState.class), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.CLOCK, Serdes.String(), Serdes.Long(), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.LATEST_ALERTS, Serdes.String(),
                topics.alerts().valueSerde(), streamsConfig));

        builder.stream(topics.canonicalEvents().name(), Consumed.with(topics.canonicalEvents().keySerde(),
                        topics.canonicalEvents().valueSerde()).withName("read-canonical-events"))
                .filter((id, event) -> id != null && AlertMapping.regionOf(id) != null, Named.as("with-region"))
                .map((id, event) -> KeyValue.pair(event == null ? AlertMapping.regionOf(id) : event.getRegion(),
                        new CanonicalEventChange(id, event == null ? null : AlertMapping.fromAvro(event))),
                        Named.as("to-region-changes"))
                .repartition(Repartitioned.<String, CanonicalEventChange>as(AlertStoreNames.CANONICAL_BY_REGION)
                        .withKeySerde(Serdes.String()).withValueSerde(changeSerde))
                .process(() -> new EvaluateAlerts(rules, AlertEvaluator.withDefaults()), Named.as("evaluate-alerts"),
                        AlertStoreNames.REGION_EVENTS, AlertStoreNames.RULE_STATE, AlertStoreNames.CLOCK,
                        AlertStoreNames.LATEST_ALERTS)
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                        .withName("write-alerts"));
        return builder.build(streamsConfig);
    }
}

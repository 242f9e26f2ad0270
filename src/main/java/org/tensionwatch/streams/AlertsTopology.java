package org.tensionwatch.streams;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.tensionwatch.alerts.AlertEvaluator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertState;
import org.tensionwatch.alerts.RegionDay;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.Topics;

/**
 * Canonical events in, escalation alerts out: every change of a canonical event (a tombstone removes it) is moved to
 * its region's partition, the region's rules are evaluated on it ({@link EvaluateAlerts}), and each step of an alert
 * (raised, escalated, cleared) goes to the alerts topic keyed by alert id. The latest step of every alert is kept in
 * a queryable store for {@code GET /api/alerts}, and every step of it in another for {@code GET /api/alerts/{id}}. Settled steps, decided once a day can no longer change
 * ({@link #settleDays}), go to the settled-alerts topic.
 */
public final class AlertsTopology {

    private AlertsTopology() {
    }

    private static final String STEPS = "alert-steps-";
    private static final String PROVISIONAL = "provisional";
    private static final String SETTLED = "settled";

    /**
     * How old a day is when its settled steps are decided with the default grace period (30 days) and merge
     * tolerance (1 day).
     */
    public static final int DEFAULT_SETTLE_DAYS = settleDays(30, 1);

    /**
     * How old a day must be before nothing can change it: a report about it may be published up to the grace period
     * later and, arriving out of order, read up to the grace period after that; a report up to the merge tolerance
     * later may join one of its events; one more day for days cut at UTC midnight.
     */
    public static int settleDays(int gracePeriodDays, int toleranceDays) {
        return 2 * gracePeriodDays + toleranceDays + 1;
    }

    /** As {@link #build(Topics, List, int, AlertSteps, Properties)}, with {@link #DEFAULT_SETTLE_DAYS}. */
    public static Topology build(Topics topics, List<AlertRule> rules, AlertSteps steps, Properties streamsConfig) {
        return build(topics, rules, DEFAULT_SETTLE_DAYS, steps, streamsConfig);
    }

    /**
     * @param steps where the alert steps this topology emits are counted: the caller's own, so that no other topology
     *              in the same JVM adds to it
     */
    public static Topology build(Topics topics, List<AlertRule> rules, int settleDays, AlertSteps steps,
            Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<CanonicalEventChange> changeSerde = JsonSerde.of(CanonicalEventChange.class);
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.REGION_DAYS, Serdes.String(),
                JsonSerde.of(RegionDay.class), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.RULE_STATE, Serdes.String(),
                JsonSerde.of(AlertState.class), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.CLOCK, Serdes.String(), Serdes.Long(), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.LATEST_ALERTS, Serdes.String(),
                topics.alerts().valueSerde(), streamsConfig));
        builder.addStateStore(StoreKind.keyValue(AlertStoreNames.ALERT_HISTORY, Serdes.String(),
                JsonSerde.of(AlertHistory.class), streamsConfig));

        builder.stream(topics.canonicalEvents().name(), Consumed.with(topics.canonicalEvents().keySerde(),
                        topics.canonicalEvents().valueSerde()).withName("read-canonical-events"))
                .filter((id, event) -> id != null && AlertMapping.regionOf(id) != null, Named.as("with-region"))
                // condensed before the repartition to what the alerts keep of an event (RegionDay.condense, which the
                // evaluation applies anyway and which changes nothing the second time): an event of many articles is
                // written to and read from the repartition topic as a few reports instead of all of them
                .map((id, event) -> KeyValue.pair(event == null ? AlertMapping.regionOf(id) : event.getRegion(),
                        new CanonicalEventChange(id, event == null ? null : RegionDay.condense(AlertMapping.fromAvro(event)))),
                        Named.as("to-region-changes"))
                .repartition(Repartitioned.<String, CanonicalEventChange>as(AlertStoreNames.CANONICAL_BY_REGION)
                        .withKeySerde(Serdes.String()).withValueSerde(changeSerde))
                .process(() -> new EvaluateAlerts(rules, AlertEvaluator.withDefaults(), settleDays, steps),
                        Named.as("evaluate-alerts"),
                        AlertStoreNames.REGION_DAYS, AlertStoreNames.RULE_STATE, AlertStoreNames.CLOCK,
                        AlertStoreNames.LATEST_ALERTS, AlertStoreNames.ALERT_HISTORY)
                .split(Named.as(STEPS))
                .branch((id, step) -> !step.settled(), Branched.withConsumer(provisional -> provisional
                        .mapValues(AlertStep::alert, Named.as("to-provisional-alerts"))
                        .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                                .withName("write-alerts")), PROVISIONAL))
                .defaultBranch(Branched.withConsumer(settled -> settled
                        .mapValues(AlertStep::alert, Named.as("to-settled-alerts"))
                        .to(topics.settledAlerts().name(), Produced.with(topics.settledAlerts().keySerde(),
                                topics.settledAlerts().valueSerde()).withName("write-settled-alerts")), SETTLED));
        return builder.build(streamsConfig);
    }
}

package org.tensionwatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.streams.AlertHistory;
import org.tensionwatch.streams.AlertHistoryStep;
import org.tensionwatch.streams.AlertStoreNames;
import org.tensionwatch.views.AlertDetailView;
import org.tensionwatch.views.AlertView;

/**
 * What this instance's alert stores hold (the latest step of every alert and its history), read from the partitions
 * it is told to read: as {@link LocalIndicatorStore}, a partition not active here is an
 * {@link InvalidStateStoreException}, and {@code null} partitions means every partition this instance holds.
 */
@ApplicationScoped
public class LocalAlertStore {

    @Inject
    StreamsApplications applications;

    @Inject
    KafkaCluster cluster;

    /**
     * The latest step of every alert of {@code region} (every region for {@code null}) whose life overlaps the days
     * from {@code from} to {@code to} (either open-ended for {@code null}), with its peak; unordered.
     */
    public List<AlertView> alerts(String region, LocalDate from, LocalDate to, Set<Integer> partitions) {
        List<AlertView> alerts = new ArrayList<>();
        for (Integer partition : LocalPartitions.each(partitions, partitions())) {
            ReadOnlyKeyValueStore<String, EscalationAlert> latest = store(AlertStoreNames.LATEST_ALERTS, partition);
            ReadOnlyKeyValueStore<String, AlertHistory> histories = store(AlertStoreNames.ALERT_HISTORY, partition);
            try (KeyValueIterator<String, EscalationAlert> it = latest.all()) {
                it.forEachRemaining(kv -> {
                    if (kv.value != null && (region == null || region.equals(kv.value.getRegion())) && overlaps(kv.value, from, to)) {
                        AlertHistory history = histories.get(kv.key);
                        alerts.add(AlertView.of(kv.value).withPeak(history == null ? null : history.peak()));
                    }
                });
            }
        }
        return alerts;
    }

    /** The alert with every step told, if the partitions hold it. */
    public Optional<AlertDetailView> alert(String id, Set<Integer> partitions) {
        for (Integer partition : LocalPartitions.each(partitions, partitions())) {
            EscalationAlert latest = this.<EscalationAlert>store(AlertStoreNames.LATEST_ALERTS, partition).get(id);
            if (latest != null) {
                AlertHistory history = this.<AlertHistory>store(AlertStoreNames.ALERT_HISTORY, partition).get(id);
                List<AlertHistoryStep> steps = history == null ? List.of() : history.steps();
                AlertView view = AlertView.of(latest).withPeak(history == null ? null : history.peak());
                return Optional.of(new AlertDetailView(view.id(), view.ruleId(), view.region(), view.indicator(),
                        view.window(), view.kind(), view.status(), view.severity(), view.peakSeverity(), view.peakValue(),
                        view.raisedAt(), steps));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the alert's life - from the first day of the window that raised it to the day it cleared, or on if it is
     * open - overlaps the days asked for.
     */
    static boolean overlaps(EscalationAlert alert, LocalDate from, LocalDate to) {
        String id = alert.getId();
        LocalDate raisedOn = LocalDate.parse(id.substring(id.lastIndexOf('|') + 1));
        LocalDate start = raisedOn.minusDays(RollingPeriod.valueOf(alert.getWindow()).days() - 1L);
        boolean cleared = alert.getStatus() == AlertStatus.CLEARED;
        return (to == null || !start.isAfter(to)) && (from == null || !cleared || !alert.getWindowEnd().isBefore(from));
    }

    /** The alert stores have the partitions of the repartition topic, which has the canonical-events topic's count. */
    int partitions() {
        return cluster.partitionsOf(cluster.topics().canonicalEvents().name());
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        return applications.alerts().store(partition == null ? parameters : parameters.withPartition(partition));
    }
}

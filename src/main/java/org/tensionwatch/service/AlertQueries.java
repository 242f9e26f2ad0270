package org.tensionwatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tensionwatch.views.AlertDetailView;
import org.tensionwatch.views.AlertView;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.streams.AlertHistory;
import org.tensionwatch.streams.AlertHistoryStep;
import org.tensionwatch.streams.AlertStoreNames;

/**
 * Answers alert queries from the alerts topology's store of the latest step of every alert. A region's alerts live on
 * the instance that holds the region's partition, so with several instances every instance's part is gathered
 * ({@link PeerInstances}).
 */
@ApplicationScoped
public class AlertQueries {

    /** Newest step first; ties by id, so the order is stable. */
    static final Comparator<AlertView> NEWEST_FIRST = Comparator.comparing(AlertView::updatedAt).reversed()
            .thenComparing(AlertView::id);

    @Inject
    KafkaSettings settings;

    @Inject
    StreamsApplications applications;

    @Inject
    PeerInstances peers;

    /**
     * The latest step of every alert of {@code region} (every region for {@code null}) whose life overlaps the days
     * from {@code from} to {@code to} (either open-ended for {@code null}), newest first.
     */
    public List<AlertView> alerts(String region, LocalDate from, LocalDate to) {
        List<AlertView> alerts = new ArrayList<>(peers.alerts(region, from, to));
        alerts.sort(NEWEST_FIRST);
        return alerts;
    }

    /** What this instance's store holds of those alerts. */
    public List<AlertView> localAlerts(String region, LocalDate from, LocalDate to) {
        List<AlertView> alerts = new ArrayList<>();
        if (!hostsLocally()) {
            return alerts;
        }
        ReadOnlyKeyValueStore<String, EscalationAlert> store = latestStore();
        ReadOnlyKeyValueStore<String, AlertHistory> histories = historyStore();
        try (KeyValueIterator<String, EscalationAlert> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && (region == null || region.equals(kv.value.getRegion())) && overlaps(kv.value, from, to)) {
                    AlertHistory history = histories.get(kv.key);
                    alerts.add(AlertView.of(kv.value).withPeak(history == null ? null : history.peak()));
                }
            });
        }
        alerts.sort(NEWEST_FIRST);
        return alerts;
    }

    /** The alert with every step told, from whichever instance holds it; empty if none does. */
    public Optional<AlertDetailView> alert(String id) {
        Optional<AlertDetailView> local = localAlert(id);
        return local.isPresent() ? local : peers.alert(id);
    }

    /** The alert with every step told, if this instance's stores hold it. */
    public Optional<AlertDetailView> localAlert(String id) {
        if (!hostsLocally()) {
            return Optional.empty();
        }
        EscalationAlert latest = latestStore().get(id);
        if (latest == null) {
            return Optional.empty();
        }
        AlertHistory history = historyStore().get(id);
        List<AlertHistoryStep> steps = history == null ? List.of() : history.steps();
        AlertView view = AlertView.of(latest).withPeak(history == null ? null : history.peak());
        return Optional.of(new AlertDetailView(view.id(), view.ruleId(), view.region(), view.indicator(), view.window(),
                view.kind(), view.status(), view.severity(), view.peakSeverity(), view.peakValue(), view.raisedAt(),
                steps));
    }

    private ReadOnlyKeyValueStore<String, EscalationAlert> latestStore() {
        return applications.alerts().store(
                StoreQueryParameters.fromNameAndType(AlertStoreNames.LATEST_ALERTS, QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, AlertHistory> historyStore() {
        return applications.alerts().store(
                StoreQueryParameters.fromNameAndType(AlertStoreNames.ALERT_HISTORY, QueryableStoreTypes.keyValueStore()));
    }

    /**
     * Whether the alert's life - from the first day of the window that raised it to the day it cleared, or on if it is
     * open - overlaps the days asked for.
     */
    static boolean overlaps(EscalationAlert alert, LocalDate from, LocalDate to) {
        String id = alert.getId();
        LocalDate raisedOn = LocalDate.parse(id.substring(id.lastIndexOf('|') + 1));
        LocalDate start = raisedOn.minusDays(RollingPeriod.valueOf(alert.getWindow()).days() - 1L);
        boolean cleared = alert.getStatus() == org.tensionwatch.avro.AlertStatus.CLEARED;
        return (to == null || !start.isAfter(to)) && (from == null || !cleared || !alert.getWindowEnd().isBefore(from));
    }

    private boolean hostsLocally() {
        HostInfo self = settings.advertisedHost();
        return self == null || applications.alerts().streamsMetadataForStore(AlertStoreNames.LATEST_ALERTS).stream()
                .anyMatch(metadata -> metadata.hostInfo().equals(self));
    }
}

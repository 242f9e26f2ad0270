package org.tensionwatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.streams.RegionDay;
import org.tensionwatch.streams.StoreNames;

/**
 * What this instance's indicators stores hold, read from the partitions it is told to read, and nothing else: which
 * instance reads which partitions is decided by {@link QueryRouter}. Each partition is read only where its task is
 * active and running here; a partition this instance does not hold (any more) is an {@link InvalidStateStoreException},
 * a 503 "retry shortly", never an empty answer that looks like a quiet region. {@code null} partitions means every
 * partition this instance holds (a single instance, which holds them all).
 */
@ApplicationScoped
public class LocalIndicatorStore {

    @Inject
    StreamsApplications applications;

    @Inject
    KafkaCluster cluster;

    /** The rows of a region (of every region, for {@code null}) with events, from {@code from} to {@code to}. */
    public List<DailyIndicators> rows(String region, LocalDate from, LocalDate to, Set<Integer> partitions) {
        List<DailyIndicators> rows = new ArrayList<>();
        for (ReadOnlyKeyValueStore<String, DailyIndicators> store : this.<DailyIndicators>stores(StoreNames.DAILY_INDICATORS, partitions)) {
            if (region == null) {
                try (KeyValueIterator<String, DailyIndicators> it = store.all()) {
                    it.forEachRemaining(kv -> {
                        LocalDate day = RegionDay.day(kv.key);
                        if (!day.isBefore(from) && !day.isAfter(to)) {
                            addIfCounted(rows, kv);
                        }
                    });
                }
            } else {
                try (KeyValueIterator<String, DailyIndicators> it = store.range(RegionDay.key(region, from), RegionDay.key(region, to))) {
                    it.forEachRemaining(kv -> addIfCounted(rows, kv));
                }
            }
        }
        return rows;
    }

    /**
     * The rows of a region as they stood at {@code asOf}, from the history store: each day's version valid then is one
     * interactive query (IQv2), asked of the active tasks of the partitions only.
     */
    public List<DailyIndicators> rowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf, Set<Integer> partitions) {
        LocalPartitions.check(partitions, partitions());
        List<DailyIndicators> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            VersionedKeyQuery<String, DailyIndicators> query =
                    VersionedKeyQuery.<String, DailyIndicators>withKey(RegionDay.key(region, day)).asOf(asOf);
            StateQueryRequest<VersionedRecord<DailyIndicators>> request =
                    StateQueryRequest.inStore(StoreNames.DAILY_INDICATORS_HISTORY).withQuery(query).requireActive();
            Map<Integer, QueryResult<VersionedRecord<DailyIndicators>>> answers = applications.indicators()
                    .query(partitions == null ? request : request.withPartitions(partitions)).getPartitionResults();
            if (answers.isEmpty() || (partitions != null && !answers.keySet().containsAll(partitions))) {
                throw new InvalidStateStoreException("the history of region " + region + " cannot be read here now: partitions "
                        + partitions + " asked, " + answers.keySet() + " answered");
            }
            for (QueryResult<VersionedRecord<DailyIndicators>> answer : answers.values()) {
                if (answer.isFailure()) {
                    throw new InvalidStateStoreException("the history of region " + region + " cannot be read now: "
                            + answer.getFailureReason() + " " + answer.getFailureMessage());
                }
                VersionedRecord<DailyIndicators> version = answer.getResult();
                if (version != null && version.value() != null && version.value().hasEvents()) {
                    rows.add(version.value());
                }
            }
        }
        return rows;
    }

    /** The canonical events of a region that happened from {@code from} to {@code to} (their ids begin with the region). */
    public List<CanonicalEvent> events(String region, LocalDate from, LocalDate to, Set<Integer> partitions) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (ReadOnlyKeyValueStore<String, CanonicalEvent> store : this.<CanonicalEvent>stores(StoreNames.CANONICAL_EVENTS, partitions)) {
            try (KeyValueIterator<String, CanonicalEvent> it = store.prefixScan(region + "|", new StringSerializer())) {
                it.forEachRemaining(kv -> {
                    if (kv.value != null && !kv.value.occurredOn().isBefore(from) && !kv.value.occurredOn().isAfter(to)) {
                        events.add(kv.value);
                    }
                });
            }
        }
        return events;
    }

    /** The indicator stores' partitions: those of the events topic, which their application reads. */
    int partitions() {
        return cluster.eventsPartitions();
    }

    private static void addIfCounted(List<DailyIndicators> rows, KeyValue<String, DailyIndicators> kv) {
        if (kv.value != null && kv.value.hasEvents()) {
            rows.add(kv.value);
        }
    }

    /** The store of each partition asked for, or one view of every local partition for {@code null}. */
    private <V> List<ReadOnlyKeyValueStore<String, V>> stores(String name, Set<Integer> partitions) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> all =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        List<ReadOnlyKeyValueStore<String, V>> stores = new ArrayList<>();
        for (Integer partition : LocalPartitions.each(partitions, partitions())) {
            stores.add(applications.indicators().store(partition == null ? all : all.withPartition(partition)));
        }
        return stores;
    }
}

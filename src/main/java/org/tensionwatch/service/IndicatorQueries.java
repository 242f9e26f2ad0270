package org.tensionwatch.service;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tensionwatch.views.IndicatorRow;
import org.tensionwatch.views.RegionSummary;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.indicators.RollingWindow;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.indicators.WindowIndicators;
import org.tensionwatch.streams.RegionDay;
import org.tensionwatch.streams.StoreNames;

/**
 * Answers indicator queries from the indicators topology's stores. A region's days are spread over
 * partitions, so when several instances run, the rows of every instance are gathered
 * ({@link PeerInstances}) before windows and the tension index are computed.
 */
@ApplicationScoped
public class IndicatorQueries {

    /** How many days before a query's first day feed the tension index ({@link TensionIndex#HISTORY_DAYS}). */
    static final int INDEX_HISTORY_DAYS = TensionIndex.HISTORY_DAYS;

    @Inject
    KafkaSettings settings;

    @Inject
    StreamsApplications applications;

    @Inject
    PeerInstances peers;

    private final TensionIndex tensionIndex = TensionIndex.withDefaults();

    /** Windows of {@code period} ending on each day from {@code from} to {@code to}, with the index of each day. */
    public List<IndicatorRow> series(String region, LocalDate from, LocalDate to, RollingPeriod period) {
        return series(region, from, to, period, null);
    }

    /**
     * The same windows and index computed from the rows as they stood at {@code asOf} (what a dashboard showed
     * then); {@code null} for the rows as they stand now.
     */
    public List<IndicatorRow> series(String region, LocalDate from, LocalDate to, RollingPeriod period, Instant asOf) {
        LocalDate historyStart = from.minusDays(Math.max(INDEX_HISTORY_DAYS, period.days()));
        List<DailyIndicators> rows = asOf == null ? rows(region, historyStart, to) : rowsAsOf(region, historyStart, to, asOf);
        RollingWindow windows = RollingWindow.of(region, rows);
        List<DailyIndex> index = tensionIndex.compute(region, rows, historyStart, to);
        List<IndicatorRow> result = new ArrayList<>();
        for (DailyIndex day : index) {
            if (!day.day().isBefore(from)) {
                result.add(IndicatorRow.of(windows.endingOn(day.day(), period), day));
            }
        }
        return result;
    }

    /** Every region with events in the 90 days up to {@code day}, by tension index on that day, highest first. */
    public List<RegionSummary> regions(LocalDate day) {
        LocalDate historyStart = day.minusDays(INDEX_HISTORY_DAYS);
        Map<String, List<DailyIndicators>> byRegion = new TreeMap<>();
        for (DailyIndicators row : peers.rows(null, historyStart, day)) {
            byRegion.computeIfAbsent(row.region(), r -> new ArrayList<>()).add(row);
        }
        List<RegionSummary> regions = new ArrayList<>();
        byRegion.forEach((region, rows) -> {
            rows.sort(Comparator.comparing(DailyIndicators::day));
            List<DailyIndex> index = tensionIndex.compute(region, rows, historyStart, day);
            DailyIndex today = index.get(index.size() - 1);
            RollingWindow windows = RollingWindow.of(region, rows);
            WindowIndicators week = windows.endingOn(day, RollingPeriod.P7D);
            WindowIndicators month = windows.endingOn(day, RollingPeriod.P30D);
            regions.add(new RegionSummary(region, day, round(today.index()), round(today.change7d()),
                    week.highestAlertLevel() == null ? null : week.highestAlertLevel().jsonName(),
                    month.counts().events(), rows.get(rows.size() - 1).day()));
        });
        regions.sort(Comparator.comparingDouble(RegionSummary::tensionIndex).reversed().thenComparing(RegionSummary::region));
        return regions;
    }

    /** The canonical events of a region that happened from {@code from} to {@code to}, newest first. */
    public List<CanonicalEvent> events(String region, LocalDate from, LocalDate to) {
        List<CanonicalEvent> events = new ArrayList<>(peers.events(region, from, to));
        events.sort(Comparator.comparing(CanonicalEvent::occurredOn).reversed().thenComparing(CanonicalEvent::id));
        return events;
    }

    /** The rows of a region from every instance, sorted by day; days without events have no row. */
    public List<DailyIndicators> rows(String region, LocalDate from, LocalDate to) {
        List<DailyIndicators> rows = new ArrayList<>(peers.rows(region, from, to));
        rows.sort(Comparator.comparing(DailyIndicators::day));
        return rows;
    }

    /** The rows of a region from every instance as they stood at {@code asOf}, sorted by day. */
    public List<DailyIndicators> rowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf) {
        List<DailyIndicators> rows = new ArrayList<>(peers.rowsAsOf(region, from, to, asOf));
        rows.sort(Comparator.comparing(DailyIndicators::day));
        return rows;
    }

    /**
     * The rows of a region as they stood at {@code asOf}, from this instance's history store, or none when another
     * instance owns the region. A region's days live in one partition (reports are keyed by region), so with several
     * instances only the owner's store is asked; alone, every local partition is. Each day's version valid at
     * {@code asOf} is one interactive query (IQv2).
     */
    public List<DailyIndicators> localRowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf) {
        List<DailyIndicators> rows = new ArrayList<>();
        KafkaStreams streams = applications.indicators();
        HostInfo self = settings.advertisedHost();
        Set<Integer> partitions = null;
        if (self != null) {
            KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.DAILY_INDICATORS_HISTORY, region, new StringSerializer());
            if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
                throw new InvalidStateStoreException("the owner of region " + region + " is not known yet (rebalancing)");
            }
            if (!owner.activeHost().equals(self)) {
                return rows;
            }
            partitions = Set.of(owner.partition());
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            VersionedKeyQuery<String, DailyIndicators> query =
                    VersionedKeyQuery.<String, DailyIndicators>withKey(RegionDay.key(region, day)).asOf(asOf);
            StateQueryRequest<VersionedRecord<DailyIndicators>> request =
                    StateQueryRequest.inStore(StoreNames.DAILY_INDICATORS_HISTORY).withQuery(query).requireActive();
            Map<Integer, QueryResult<VersionedRecord<DailyIndicators>>> answers =
                    streams.query(partitions == null ? request : request.withPartitions(partitions)).getPartitionResults();
            if (answers.isEmpty() || (partitions != null && !answers.keySet().containsAll(partitions))) {
                throw new InvalidStateStoreException("the history of region " + region + " cannot be read now: no answer");
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

    /** The rows of a region (or of every region, for {@code null}) held by this instance's store. */
    public List<DailyIndicators> localRows(String region, LocalDate from, LocalDate to) {
        if (region == null) {
            return localRowsOfAllRegions(from, to);
        }
        List<DailyIndicators> rows = new ArrayList<>();
        if (!hostsLocally(StoreNames.DAILY_INDICATORS)) {
            return rows;
        }
        try (KeyValueIterator<String, DailyIndicators> it = this.<DailyIndicators>store(StoreNames.DAILY_INDICATORS)
                .range(RegionDay.key(region, from), RegionDay.key(region, to))) {
            it.forEachRemaining(kv -> addIfCounted(rows, kv));
        }
        return rows;
    }

    /** The rows of every region held by this instance's store, within the days. */
    private List<DailyIndicators> localRowsOfAllRegions(LocalDate from, LocalDate to) {
        List<DailyIndicators> rows = new ArrayList<>();
        if (!hostsLocally(StoreNames.DAILY_INDICATORS)) {
            return rows;
        }
        try (KeyValueIterator<String, DailyIndicators> it = this.<DailyIndicators>store(StoreNames.DAILY_INDICATORS).all()) {
            it.forEachRemaining(kv -> {
                LocalDate day = RegionDay.day(kv.key);
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    addIfCounted(rows, kv);
                }
            });
        }
        return rows;
    }

    /** The canonical events of a region held by this instance's store (their ids begin with the region). */
    public List<CanonicalEvent> localEvents(String region, LocalDate from, LocalDate to) {
        List<CanonicalEvent> events = new ArrayList<>();
        if (!hostsLocally(StoreNames.CANONICAL_EVENTS)) {
            return events;
        }
        try (KeyValueIterator<String, CanonicalEvent> it = this.<CanonicalEvent>store(StoreNames.CANONICAL_EVENTS)
                .prefixScan(region + "|", new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(kv -> {
                if (kv.value != null && !kv.value.occurredOn().isBefore(from) && !kv.value.occurredOn().isAfter(to)) {
                    events.add(kv.value);
                }
            });
        }
        return events;
    }

    private static void addIfCounted(List<DailyIndicators> rows, KeyValue<String, DailyIndicators> kv) {
        if (kv.value != null && kv.value.hasEvents()) {
            rows.add(kv.value);
        }
    }

    /** Whether this instance holds any partition of the store; when it runs alone, it holds them all. */
    private boolean hostsLocally(String store) {
        HostInfo self = settings.advertisedHost();
        return self == null || applications.indicators().streamsMetadataForStore(store).stream()
                .anyMatch(metadata -> metadata.hostInfo().equals(self));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return applications.indicators().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}

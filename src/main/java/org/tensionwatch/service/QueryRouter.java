package org.tensionwatch.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.security.SecuritySetup;
import org.tensionwatch.security.TensionAuthenticationMechanism;
import org.tensionwatch.streams.AlertStoreNames;
import org.tensionwatch.streams.StoreNames;
import org.tensionwatch.views.AlertDetailView;
import org.tensionwatch.views.AlertView;

/**
 * Where each query is answered, by one rule taken from the Kafka Streams metadata: a region lives in one partition (the
 * events, canonical events and alerts are partitioned by region), so a query about a region is read from that
 * partition on the instance whose task for it is active - here, or over HTTP ({@code /api/internal/...}) on that
 * instance; a query about every region is split by partition, each partition read once, by its active owner. The
 * instance asked reads exactly the partitions it is told to, and refuses (503) if it does not hold one of them any
 * more, so a rebalance between the plan and the read gives "retry shortly", never a partial answer. With one instance
 * (no {@code tension.streams.advertised-host}) every query is read from the local stores.
 */
@ApplicationScoped
public class QueryRouter {

    private static final TypeReference<List<DailyIndicators>> ROWS = new TypeReference<>() { };
    private static final TypeReference<List<CanonicalEvent>> EVENTS = new TypeReference<>() { };
    private static final TypeReference<List<AlertView>> ALERTS = new TypeReference<>() { };

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaCluster cluster;

    @Inject
    StreamsApplications applications;

    @Inject
    LocalIndicatorStore localIndicators;

    @Inject
    LocalAlertStore localAlerts;

    @Inject
    ObjectMapper json;

    @Inject
    SecuritySetup security;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The daily rows of a region with events, from the region's owner. */
    public List<DailyIndicators> rows(String region, LocalDate from, LocalDate to) {
        return fromOwner(indicatorsStore(StoreNames.DAILY_INDICATORS), region,
                partitions -> localIndicators.rows(region, from, to, partitions),
                (owner, partitions) -> fetch(owner, "/api/internal/rows", query(region, from, to, partitions), ROWS));
    }

    /** The daily rows of every region with events, each partition from its owner. */
    public List<DailyIndicators> rowsOfEveryRegion(LocalDate from, LocalDate to) {
        return fromEveryOwner(indicatorsStore(StoreNames.DAILY_INDICATORS),
                partitions -> localIndicators.rows(null, from, to, partitions),
                (owner, partitions) -> fetch(owner, "/api/internal/rows", query(null, from, to, partitions), ROWS));
    }

    /** The daily rows of a region as they stood at {@code asOf}, from the region's owner. */
    public List<DailyIndicators> rowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf) {
        return fromOwner(indicatorsStore(StoreNames.DAILY_INDICATORS_HISTORY), region,
                partitions -> localIndicators.rowsAsOf(region, from, to, asOf, partitions),
                (owner, partitions) -> fetch(owner, "/api/internal/rows",
                        query(region, from, to, partitions) + "&asOf=" + asOf, ROWS));
    }

    /** The canonical events of a region, from the region's owner. */
    public List<CanonicalEvent> events(String region, LocalDate from, LocalDate to) {
        return fromOwner(indicatorsStore(StoreNames.CANONICAL_EVENTS), region,
                partitions -> localIndicators.events(region, from, to, partitions),
                (owner, partitions) -> fetch(owner, "/api/internal/events", query(region, from, to, partitions), EVENTS));
    }

    /** The latest step of each alert of a region (of every region for {@code null}) whose life overlaps the days. */
    public List<AlertView> alerts(String region, LocalDate from, LocalDate to) {
        Function<Set<Integer>, List<AlertView>> local = partitions -> localAlerts.alerts(region, from, to, partitions);
        BiFunction<HostInfo, Set<Integer>, List<AlertView>> remote =
                (owner, partitions) -> fetch(owner, "/api/internal/alerts", query(region, from, to, partitions), ALERTS);
        return region == null
                ? fromEveryOwner(alertsStore(AlertStoreNames.LATEST_ALERTS), local, remote)
                : fromOwner(alertsStore(AlertStoreNames.LATEST_ALERTS), region, local, remote);
    }

    /** The alert with every step told, from the owner of its region (the id is {@code rule|REGION|day}); empty if none. */
    public Optional<AlertDetailView> alert(String id) {
        String[] parts = id.split("\\|");
        if (parts.length != 3) {
            return Optional.empty();
        }
        return fromOwner(alertsStore(AlertStoreNames.ALERT_HISTORY), parts[1],
                partitions -> localAlerts.alert(id, partitions),
                (owner, partitions) -> fetchAlert(owner, id, partitions));
    }

    /** A store of one of the applications, and the topic whose partitions are the store's partitions. */
    private record Store(KafkaStreams streams, String name, String inputTopic, int partitions) {
    }

    private Store indicatorsStore(String name) {
        return new Store(applications.indicators(), name, cluster.topics().events().name(), localIndicators.partitions());
    }

    private Store alertsStore(String name) {
        return new Store(applications.alerts(), name,
                AlertStoreNames.regionChangesTopic(settings.applicationId(Derivation.ALERTS)), localAlerts.partitions());
    }

    private <T> T fromOwner(Store store, String region, Function<Set<Integer>, T> local,
            BiFunction<HostInfo, Set<Integer>, T> remote) {
        HostInfo self = settings.advertisedHost();
        if (self == null) {
            return local.apply(null);
        }
        KeyQueryMetadata owner = store.streams().queryMetadataForKey(store.name(), region, new StringSerializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new InvalidStateStoreException("the owner of region " + region + " is not known yet (rebalancing)");
        }
        Set<Integer> partition = Set.of(owner.partition());
        return owner.activeHost().equals(self) ? local.apply(partition) : remote.apply(owner.activeHost(), partition);
    }

    private <T> List<T> fromEveryOwner(Store store, Function<Set<Integer>, List<T>> local,
            BiFunction<HostInfo, Set<Integer>, List<T>> remote) {
        HostInfo self = settings.advertisedHost();
        if (self == null) {
            return local.apply(null);
        }
        PartitionOwners owners = PartitionOwners.of(store.streams().streamsMetadataForStore(store.name()), store.name(),
                store.inputTopic(), store.partitions());
        List<T> answer = new ArrayList<>();
        for (Map.Entry<HostInfo, SortedSet<Integer>> owner : owners.plan()) {
            answer.addAll(owner.getKey().equals(self) ? local.apply(owner.getValue())
                    : remote.apply(owner.getKey(), owner.getValue()));
        }
        return answer;
    }

    private static String query(String region, LocalDate from, LocalDate to, Set<Integer> partitions) {
        return "?from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to)
                + (region == null ? "" : "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8))
                + "&partitions=" + partitions(partitions);
    }

    private static String partitions(Set<Integer> partitions) {
        return partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private <T> List<T> fetch(HostInfo peer, String path, String query, TypeReference<List<T>> type) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path + query);
        HttpResponse<String> response = send(uri);
        if (response.statusCode() != 200) {
            throw new PeerUnavailableException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new PeerUnavailableException(uri + " answered what is not a list: " + e.getMessage());
        }
    }

    private Optional<AlertDetailView> fetchAlert(HostInfo peer, String id, Set<Integer> partitions) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + "/api/internal/alerts/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "?partitions=" + partitions(partitions));
        HttpResponse<String> response = send(uri);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new PeerUnavailableException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return Optional.of(json.readValue(response.body(), AlertDetailView.class));
        } catch (IOException e) {
            throw new PeerUnavailableException(uri + " answered what is not an alert: " + e.getMessage());
        }
    }

    /** A request to another instance, with the cluster secret when one is set. */
    private HttpResponse<String> send(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        security.clusterSecret().ifPresent(secret -> request.header(TensionAuthenticationMechanism.CLUSTER_SECRET_HEADER, secret));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PeerUnavailableException("cannot reach " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while asking " + uri);
        }
    }

    /** Another instance that owns part of the answer did not give it: the answer would be incomplete, so there is none. */
    public static final class PeerUnavailableException extends RuntimeException {
        PeerUnavailableException(String message) {
            super(message);
        }
    }
}

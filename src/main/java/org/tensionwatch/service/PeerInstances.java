package org.tensionwatch.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.tensionwatch.views.AlertDetailView;
import org.tensionwatch.views.AlertView;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.security.SecuritySetup;
import org.tensionwatch.security.TensionAuthenticationMechanism;
import org.tensionwatch.streams.AlertStoreNames;
import org.tensionwatch.streams.StoreNames;

/**
 * Gathers store contents from every instance of the service: this one's from its own stores, the
 * others' over HTTP ({@code /api/internal/...}), found through Kafka Streams metadata. With one
 * instance (no {@code tension.streams.advertised-host}) it is just the local stores.
 */
@ApplicationScoped
public class PeerInstances {

    @Inject
    KafkaSettings settings;

    @Inject
    StreamsApplications applications;

    @Inject
    IndicatorQueries queries;

    @Inject
    AlertQueries alertQueries;

    @Inject
    ObjectMapper json;

    @Inject
    SecuritySetup security;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Daily rows of a region, or of every region for {@code null}, from every instance. */
    public List<DailyIndicators> rows(String region, LocalDate from, LocalDate to) {
        List<DailyIndicators> rows = new ArrayList<>(queries.localRows(region, from, to));
        for (HostInfo peer : others(StoreNames.DAILY_INDICATORS)) {
            rows.addAll(fetch(peer, "/api/internal/rows", region, from, to, new TypeReference<List<DailyIndicators>>() { }));
        }
        return rows;
    }

    /** Daily rows of a region as they stood at {@code asOf}, from the instance that owns the region. */
    public List<DailyIndicators> rowsAsOf(String region, LocalDate from, LocalDate to, Instant asOf) {
        List<DailyIndicators> rows = new ArrayList<>(queries.localRowsAsOf(region, from, to, asOf));
        for (HostInfo peer : others(StoreNames.DAILY_INDICATORS_HISTORY)) {
            rows.addAll(fetch(peer, "/api/internal/rows", region, from, to, "&asOf=" + asOf,
                    new TypeReference<List<DailyIndicators>>() { }));
        }
        return rows;
    }

    /** Canonical events of a region from every instance. */
    public List<CanonicalEvent> events(String region, LocalDate from, LocalDate to) {
        List<CanonicalEvent> events = new ArrayList<>(queries.localEvents(region, from, to));
        for (HostInfo peer : others(StoreNames.CANONICAL_EVENTS)) {
            events.addAll(fetch(peer, "/api/internal/events", region, from, to, new TypeReference<List<CanonicalEvent>>() { }));
        }
        return events;
    }

    /** The latest step of each alert of a region (every region for {@code null}) in the days, from every instance. */
    public List<AlertView> alerts(String region, LocalDate from, LocalDate to) {
        List<AlertView> alerts = new ArrayList<>(alertQueries.localAlerts(region, from, to));
        for (HostInfo peer : others(applications.alerts(), AlertStoreNames.LATEST_ALERTS)) {
            alerts.addAll(fetch(peer, "/api/internal/alerts", region, from, to, new TypeReference<List<AlertView>>() { }));
        }
        return alerts;
    }

    /** The alert with every step told, from the other instance that holds it; empty if none does. */
    public Optional<AlertDetailView> alert(String id) {
        for (HostInfo peer : others(applications.alerts(), AlertStoreNames.ALERT_HISTORY)) {
            URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + "/api/internal/alerts/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
            try {
                HttpResponse<String> response = http.send(request(uri),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return Optional.of(json.readValue(response.body(), AlertDetailView.class));
                }
                if (response.statusCode() != 404) {
                    throw new PeerUnavailableException(uri + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new PeerUnavailableException("cannot reach " + uri + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerUnavailableException("interrupted while asking " + uri);
            }
        }
        return Optional.empty();
    }

    private List<HostInfo> others(String store) {
        return others(applications.indicators(), store);
    }

    private List<HostInfo> others(KafkaStreams streams, String store) {
        HostInfo self = settings.advertisedHost();
        if (self == null) {
            return List.of();
        }
        return streams.streamsMetadataForStore(store).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self))
                .distinct()
                .toList();
    }

    private <T> List<T> fetch(HostInfo peer, String path, String region, LocalDate from, LocalDate to, TypeReference<List<T>> type) {
        return fetch(peer, path, region, from, to, "", type);
    }

    private <T> List<T> fetch(HostInfo peer, String path, String region, LocalDate from, LocalDate to, String more,
            TypeReference<List<T>> type) {
        String query = "?from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to)
                + (region == null ? "" : "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8)) + more;
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path + query);
        try {
            HttpResponse<String> response = http.send(request(uri),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PeerUnavailableException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new PeerUnavailableException("cannot reach " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while asking " + uri);
        }
    }

    /** A request to another instance, with the cluster secret when one is set. */
    private HttpRequest request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        security.clusterSecret().ifPresent(secret -> request.header(TensionAuthenticationMechanism.CLUSTER_SECRET_HEADER, secret));
        return request.build();
    }

    /** Another instance that owns part of the answer did not give it: the answer would be incomplete, so there is none. */
    public static final class PeerUnavailableException extends RuntimeException {
        PeerUnavailableException(String message) {
            super(message);
        }
    }
}

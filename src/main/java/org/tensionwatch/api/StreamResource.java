package org.tensionwatch.api;

import org.tensionwatch.views.AlertView;
import jakarta.annotation.security.RolesAllowed;
import org.tensionwatch.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.service.KafkaCluster;
import org.tensionwatch.service.LiveSubscriptions;
import org.tensionwatch.service.ResumeToken;
import org.tensionwatch.service.TopicTail;

/**
 * Live subscriptions over Server-Sent Events to the alerts, indicators and canonical-events topics.
 *
 * <p>Every event's {@code id:} is a {@link ResumeToken}; a reconnecting {@code EventSource} sends the
 * last one back as {@code Last-Event-ID} and the stream continues exactly after that event. Without
 * it, {@code since=} (an ISO date or date-time) replays the records written from then on (by their
 * Kafka timestamps, which on these topics are stream time, i.e. article publication times), and with
 * neither the stream carries only records written from now on. {@code region=} keeps one region or
 * a comma-separated list.
 */
@Path("/api/stream")
@RolesAllowed(Roles.READ)
public class StreamResource {

    @Inject
    KafkaCluster cluster;

    @Inject
    LiveSubscriptions subscriptions;

    @Inject
    ObjectMapper json;

    /** Every step of every escalation alert (raised, escalated, cleared), as {@link AlertView}; event name {@code alert}. */
    @GET
    @Path("/alerts")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> alerts(@QueryParam("region") String region, @QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse,
            @Context HttpServerRequest request) {
        Set<String> regions = regions(region);
        return stream(request, sse, cluster.topics().alerts(), start(since, lastEventId),
                d -> d.value() != null && matches(regions, d.value().getRegion()),
                d -> json(sse, "alert", AlertView.of(d.value())));
    }

    /** A region's daily indicators each time they change, as {@link DailyIndicatorsView}; event name {@code indicators}. */
    @GET
    @Path("/indicators")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> indicators(@QueryParam("region") String region, @QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse,
            @Context HttpServerRequest request) {
        Set<String> regions = regions(region);
        return stream(request, sse, cluster.topics().indicators(), start(since, lastEventId),
                d -> d.value() != null && matches(regions, d.value().getRegion()),
                d -> json(sse, "indicators", DailyIndicatorsView.of(d.value())));
    }

    /**
     * Every change of a canonical event, as {@link CanonicalEventView} (event name {@code canonical-event}),
     * and {@code canonical-event-removed} with {@code {"id", "region"}} when an id stops existing.
     */
    @GET
    @Path("/canonical-events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> canonicalEvents(@QueryParam("region") String region, @QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse,
            @Context HttpServerRequest request) {
        Set<String> regions = regions(region);
        return stream(request, sse, cluster.topics().canonicalEvents(), start(since, lastEventId),
                d -> matches(regions, d.value() != null ? d.value().getRegion() : regionOfId(d.key())),
                d -> d.value() != null
                        ? json(sse, "canonical-event", CanonicalEventView.of(d.value()))
                        : json(sse, "canonical-event-removed", new CanonicalEventView.Removed(d.key(), regionOfId(d.key()))));
    }

    /** A client that has as many streams open as one may: 429, until it closes one. */
    @ServerExceptionMapper
    public Response tooManyStreamsOfOneClient(LiveSubscriptions.ClientLimitReachedException e) {
        return Response.status(Response.Status.TOO_MANY_REQUESTS)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "10")
                .entity(Map.of("error", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response tooManyStreams(LiveSubscriptions.LimitReachedException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "10")
                .entity(Map.of("error", e.getMessage()))
                .build();
    }

    private <V> Multi<OutboundSseEvent> stream(HttpServerRequest request, Sse sse, Topic<String, V> topic,
            TopicTail.Start start, Predicate<TopicTail.Delivery<V>> filter,
            Function<TopicTail.Delivery<V>, OutboundSseEvent.Builder> event) {
        return subscriptions.subscribe(topic, start, filter, client(request)).map(signal -> {
            if (signal instanceof LiveSubscriptions.Record<V> record) {
                return event.apply(record.delivery()).id(record.delivery().token().toString()).build();
            }
            if (signal instanceof LiveSubscriptions.Opened<V> opened) {
                // an event without data moves the browser's Last-Event-ID without firing: a reconnect before the
                // first record resumes here rather than from "now" or from since= again
                return sse.newEventBuilder().comment("subscribed to " + opened.topic() + " at " + opened.position())
                        .id(opened.position().toString()).build();
            }
            LiveSubscriptions.Heartbeat<V> heartbeat = (LiveSubscriptions.Heartbeat<V>) signal;
            return sse.newEventBuilder().comment("heartbeat").id(heartbeat.position().toString()).build();
        });
    }

    /** Who asks, for the per-client limit: the remote address (the client's, behind a proxy that forwards it). */
    private static String client(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /**
     * The data as one line of JSON, written as text: an event with a media type would carry a
     * non-standard {@code content-type:} line.
     */
    private OutboundSseEvent.Builder json(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(String.class, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + data.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static TopicTail.Start start(String since, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return new TopicTail.Resume(ResumeToken.parse(lastEventId));
        }
        if (since != null && !since.isBlank()) {
            return new TopicTail.Since(instant(since.trim()));
        }
        return new TopicTail.Latest();
    }

    static Instant instant(String since) {
        Instant instant;
        try {
            if (since.length() == 10) {
                instant = LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (since.endsWith("Z") || since.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(since).toInstant();
            } else {
                instant = LocalDateTime.parse(since).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'since' is an ISO date (2026-10-01) or date-time (2026-10-01T06:00:00Z; "
                    + "UTC when no offset is given), not '" + since + "'");
        }
        // the days every query takes (a year of -999999999 overflowed the Kafka timestamp: a 500)
        if (instant.isBefore(FIRST) || !instant.isBefore(END)) {
            throw new IllegalArgumentException("'since' must be between 0001-01-01 and 9999-12-31, not '" + since
                    + "'");
        }
        // no record is stamped before 1970 (Kafka takes no earlier timestamp): an earlier since= means from the start
        return instant.isBefore(Instant.EPOCH) ? Instant.EPOCH : instant;
    }

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    /** The regions of a comma-separated list, upper-case; empty for none (every region). */
    static Set<String> regions(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RegionsResource::region)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean matches(Set<String> regions, String region) {
        return regions.isEmpty() || regions.contains(region);
    }

    /** A canonical event id begins with its region: {@code XK|INJURY|peacekeepers|2023-05-29}. */
    private static String regionOfId(String id) {
        if (id == null) {
            return null;
        }
        int bar = id.indexOf('|');
        return bar < 0 ? id : id.substring(0, bar);
    }
}

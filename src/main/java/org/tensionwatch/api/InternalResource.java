package org.tensionwatch.api;

import org.tensionwatch.views.AlertView;
import jakarta.annotation.security.RolesAllowed;
import org.tensionwatch.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.service.LocalAlertStore;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.service.LocalIndicatorStore;

/**
 * What this instance's own stores hold, for another instance that routes a query here ({@code QueryRouter}): the
 * partitions it names, read only where their tasks are active here (503 if one is not), or without {@code partitions}
 * every partition held here.
 */
@Path("/api/internal")
@RolesAllowed({Roles.ADMIN, Roles.PEER})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal", description = "What this instance's own stores hold; other instances call these to gather a full answer")
public class InternalResource {

    /**
     * Another instance asks for a public query's range and the history its windows and tension index read before it
     * (at most a year more, from at most a year before the first public day).
     */
    static final int MAX_DAYS = RegionsResource.MAX_DAYS + 366;
    static final LocalDate FIRST_DAY = RegionsResource.FIRST_DAY.minusDays(366);

    @Inject
    LocalIndicatorStore indicators;

    @Inject
    LocalAlertStore alerts;

    /**
     * The limits of the public endpoints: a region code, dates of years 1 to 9999 and ranges of at most
     * {@link RegionsResource#MAX_DAYS} days, both widened by the history a public query reads first. Unchecked, a
     * 3,000-year asOf range held a core.
     */
    @GET
    @Path("/rows")
    public List<DailyIndicators> rows(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf, @QueryParam("partitions") String partitions) {
        String code = region == null || region.isBlank() ? null : RegionsResource.region(region);
        LocalDate first = RegionsResource.date("from", from, FIRST_DAY);
        LocalDate last = RegionsResource.date("to", to, FIRST_DAY);
        RegionsResource.checkRange(first, last, MAX_DAYS);
        if (asOf != null && !asOf.isBlank()) {
            if (code == null) {
                throw new IllegalArgumentException("'region' is required with 'asOf'");
            }
            return indicators.rowsAsOf(code, first, last, RegionsResource.instant("asOf", asOf), partitions(partitions));
        }
        return indicators.rows(code, first, last, partitions(partitions));
    }

    @GET
    @Path("/events")
    public List<CanonicalEvent> events(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("partitions") String partitions) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("'region' is required");
        }
        LocalDate first = RegionsResource.date("from", from, FIRST_DAY);
        LocalDate last = RegionsResource.date("to", to, FIRST_DAY);
        RegionsResource.checkRange(first, last, MAX_DAYS);
        return indicators.events(RegionsResource.region(region), first, last, partitions(partitions));
    }

    @GET
    @Path("/alerts")
    public List<AlertView> alerts(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("partitions") String partitions) {
        return alerts.alerts(region == null || region.isBlank() ? null : region,
                from == null || from.isBlank() ? null : RegionsResource.date("from", from),
                to == null || to.isBlank() ? null : RegionsResource.date("to", to), partitions(partitions));
    }

    /** One alert with every step, if this instance holds it; 404 if not. */
    @GET
    @Path("/alerts/{id}")
    public Response alert(@PathParam("id") String id, @QueryParam("partitions") String partitions) {
        return alerts.alert(AlertsResource.alertId(id), partitions(partitions)).map(a -> Response.ok(a).build())
                .orElseGet(() -> AlertsResource.notFound(id));
    }

    /**
     * The partitions the asking instance planned this one to read ({@code 0,2}), or {@code null} without the parameter:
     * every partition this instance holds.
     */
    static Set<Integer> partitions(String partitions) {
        if (partitions == null || partitions.isBlank()) {
            return null;
        }
        Set<Integer> parsed = new TreeSet<>();
        for (String partition : partitions.split(",", -1)) {
            if (!partition.matches("\\d{1,4}")) {
                throw new IllegalArgumentException("'partitions' is a list of partition numbers such as 0,2, not '" + partitions + "'");
            }
            parsed.add(Integer.parseInt(partition));
        }
        return parsed;
    }
}

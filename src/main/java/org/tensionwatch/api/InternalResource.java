package org.tensionwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.service.AlertQueries;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.service.IndicatorQueries;

/** What this instance's own stores hold, for the other instances that gather a full answer. */
@Path("/api/internal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "internal", description = "What this instance's own stores hold; other instances call these to gather a full answer")
public class InternalResource {

    @Inject
    IndicatorQueries queries;

    @Inject
    AlertQueries alerts;

    @GET
    @Path("/rows")
    public List<DailyIndicators> rows(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) {
        if (asOf != null && !asOf.isBlank()) {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("'region' is required with 'asOf'");
            }
            return queries.localRowsAsOf(region, RegionsResource.date("from", from), RegionsResource.date("to", to),
                    RegionsResource.instant("asOf", asOf));
        }
        return queries.localRows(region, RegionsResource.date("from", from), RegionsResource.date("to", to));
    }

    @GET
    @Path("/events")
    public List<CanonicalEvent> events(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("'region' is required");
        }
        return queries.localEvents(region, RegionsResource.date("from", from), RegionsResource.date("to", to));
    }

    @GET
    @Path("/alerts")
    public List<AlertView> alerts(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to) {
        return alerts.localAlerts(region == null || region.isBlank() ? null : region,
                from == null || from.isBlank() ? null : RegionsResource.date("from", from),
                to == null || to.isBlank() ? null : RegionsResource.date("to", to));
    }
}

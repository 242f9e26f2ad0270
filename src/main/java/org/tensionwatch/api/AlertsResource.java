package org.tensionwatch.api;

import org.tensionwatch.views.AlertView;
import jakarta.annotation.security.RolesAllowed;
import org.tensionwatch.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.tensionwatch.service.AlertQueries;

/** Escalation alerts: the latest step of each with its peak, newest first; one alert with every step. */
@Path("/api/alerts")
@RolesAllowed(Roles.READ)
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    AlertQueries alerts;

    /**
     * The alerts of {@code region} (optional; every region without it) whose life overlaps {@code from} to {@code to}
     * (each optional, YYYY-MM-DD): from the first day of the window that raised the alert to the day it cleared, or on
     * while it is open. Each as its latest step (raised, escalated or cleared), newest first, with the peak it reached
     * ({@code peakSeverity}, {@code peakValue}) and the canonical events behind that peak ({@code peakEvents}), which
     * stay once it has cleared.
     */
    @GET
    public List<AlertView> list(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = from == null || from.isBlank() ? null : RegionsResource.date("from", from);
        LocalDate last = to == null || to.isBlank() ? null : RegionsResource.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw new IllegalArgumentException("'from' (" + first + ") is after 'to' (" + last + ")");
        }
        return alerts.alerts(region == null || region.isBlank() ? null : RegionsResource.region(region), first, last);
    }

    /** An alert id: {@code rule|REGION|YYYY-MM-DD}. */
    private static final Pattern ALERT_ID = Pattern.compile("[^|\\s]{1,100}\\|[A-Z]{2}\\|\\d{4}-\\d{2}-\\d{2}");

    /**
     * One alert with every step told (raised, escalated, cleared, late ones too), each with its value, window and the
     * canonical events behind it. 404 for an id no alert has; 400 for one that is not {@code rule|REGION|YYYY-MM-DD}.
     */
    @GET
    @Path("/{id}")
    public Response alert(@PathParam("id") String id) {
        return alerts.alert(alertId(id)).map(a -> Response.ok(a).build()).orElseGet(() -> notFound(id));
    }

    /** The id if it is one an alert can have, else an IllegalArgumentException (400). */
    static String alertId(String id) {
        if (id == null || !ALERT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an alert id is rule|REGION|YYYY-MM-DD, e.g. injuries|XK|2026-10-01");
        }
        RegionsResource.date("the alert id's day", id.substring(id.lastIndexOf('|') + 1));
        return id;
    }

    static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "no alert " + id)).build();
    }
}

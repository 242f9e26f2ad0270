package org.tensionwatch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.tensionwatch.service.AlertQueries;

/** Escalation alerts: the latest step of each, newest first. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    AlertQueries alerts;

    /**
     * The alerts of {@code region} (optional; every region without it) whose life overlaps {@code from} to {@code to}
     * (each optional, YYYY-MM-DD): from the first day of the window that raised the alert to the day it cleared, or on
     * while it is open. Each as its latest step (raised, escalated or cleared), newest first.
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
}

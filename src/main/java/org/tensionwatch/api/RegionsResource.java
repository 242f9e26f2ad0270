package org.tensionwatch.api;

import org.tensionwatch.views.RegionSummary;
import org.tensionwatch.views.IndicatorRow;
import jakarta.annotation.security.RolesAllowed;
import org.tensionwatch.security.Roles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.RollingPeriod;
import org.tensionwatch.service.IndicatorQueries;

/** Regions ranked by tension, a region's indicators over time, and the canonical events behind them. */
@Path("/api/regions")
@RolesAllowed(Roles.READ)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regions", description = "Indicators, tension index and canonical events by region")
public class RegionsResource {

    static final int MAX_DAYS = 3660;
    /**
     * The days and instants a query may name: years 1 to 9999, those of an ISO date written YYYY-MM-DD. Beyond them
     * the arithmetic of the windows and the history store's timestamps overflow (a day of year -999999999 was a 500,
     * an asOf of year -1000000000 a 503 "retry shortly").
     */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    @Inject
    IndicatorQueries queries;

    /** Every region with events in the 90 days up to {@code day} (default today, UTC), by tension index, highest first. */
    @GET
    @Operation(summary = "Regions ranked by tension", description = "Every region with events in the 90 days up to the day, "
            + "by tension index on that day, highest first, with its 7-day change, alert level and 30-day event count.")
    public List<RegionSummary> regions(
            @Parameter(description = "YYYY-MM-DD; default today (UTC)") @QueryParam("day") String day) {
        return queries.regions(day == null || day.isBlank() ? LocalDate.now(Clock.systemUTC()) : date("day", day));
    }

    /**
     * One row per day from {@code from} to {@code to}: the indicators of the window ending that day
     * ({@code P1D} default, {@code P7D}, {@code P30D}) and the tension index of that day.
     */
    @GET
    @Path("/{region}/indicators")
    @Operation(summary = "A region's indicators, one row per day", description = "Totals over the window ending each day from "
            + "'from' to 'to', and the tension index of that day; quiet days are zero rows. With 'asOf', the indicators as "
            + "the system knew them at that instant (stream time: the newest publication it had read), i.e. what a "
            + "dashboard showed then. 400 for a bad region, date, instant or range.")
    public List<IndicatorRow> indicators(
            @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. XK", example = "GE") @PathParam("region") String region,
            @Parameter(description = "first day, YYYY-MM-DD", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD", required = true) @QueryParam("to") String to,
            @Parameter(description = "P1D (default), P7D or P30D") @QueryParam("window") String window,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-10-02T00:00:00Z: the indicators as known then; default now")
            @QueryParam("asOf") String asOf) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        checkRange(first, last);
        return queries.series(region(region), first, last, period(window),
                asOf == null || asOf.isBlank() ? null : instant("asOf", asOf));
    }

    /** The canonical events of a region that happened in the range, newest first, each with its reports' sources and evidence. */
    @GET
    @Path("/{region}/events")
    @Operation(summary = "A region's canonical events", description = "The canonical events that happened in the range, newest first: "
            + "reconciled figure (low, best, high), articles and sources, and every report with its source, link, figure and evidence.")
    public List<CanonicalEvent> events(
            @Parameter(description = "ISO 3166-1 alpha-2 code, e.g. XK", example = "GE") @PathParam("region") String region,
            @Parameter(description = "first day, YYYY-MM-DD", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD", required = true) @QueryParam("to") String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        checkRange(first, last);
        return queries.events(region(region), first, last);
    }

    static String region(String region) {
        if (!region.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("a region is a two-letter ISO country code such as XK or GE, not '" + region + "'");
        }
        return region.toUpperCase(Locale.ROOT);
    }

    static RollingPeriod period(String window) {
        if (window == null || window.isBlank()) {
            return RollingPeriod.P1D;
        }
        try {
            return RollingPeriod.valueOf(window.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'window' is one of " + Arrays.toString(RollingPeriod.values()) + ", not '" + window + "'");
        }
    }

    static void checkRange(LocalDate first, LocalDate last) {
        checkRange(first, last, MAX_DAYS);
    }

    static void checkRange(LocalDate first, LocalDate last, int maxDays) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("'from' (" + first + ") is after 'to' (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= maxDays) {
            throw new IllegalArgumentException("a range of at most " + maxDays + " days, please");
        }
    }

    static Instant instant(String name, String value) {
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not an ISO-8601 instant such as 2026-10-02T00:00:00Z: '" + value + "'");
        }
        if (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new IllegalArgumentException("'" + name + "' must be between " + FIRST_DAY + "T00:00:00Z and "
                    + LAST_DAY + "T23:59:59Z, not '" + value + "'");
        }
        return instant;
    }

    static LocalDate date(String name, String value) {
        return date(name, value, FIRST_DAY);
    }

    /** A day between {@code earliest} and {@link #LAST_DAY}, or a 400 that says what is wrong. */
    static LocalDate date(String name, String value, LocalDate earliest) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is required, as YYYY-MM-DD");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a date YYYY-MM-DD: '" + value + "'");
        }
        if (day.isBefore(earliest) || day.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("'" + name + "' must be between " + earliest + " and " + LAST_DAY
                    + ", not '" + value + "'");
        }
        return day;
    }
}

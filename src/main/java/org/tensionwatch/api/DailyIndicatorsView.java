package org.tensionwatch.api;

import java.time.LocalDate;
import java.util.Locale;
import org.tensionwatch.avro.RegionIndicators;

/**
 * A region's indicators of one day as the indicators stream sends them: a record of the
 * {@code tension.indicators} topic in the field names of {@link IndicatorRow} ({@code window} is
 * always {@code P1D}, {@code day} = {@code windowStart}): every {@link org.tensionwatch.indicators.Indicator}. The
 * topic carries no tension index (it depends on the days before, so {@code GET /api/regions/{region}/indicators}
 * computes it): {@code tensionIndex} is {@code null} unless the topic's record has one.
 */
public record DailyIndicatorsView(
        String region,
        LocalDate day,
        String window,
        LocalDate windowStart,
        long injuries,
        long fatalities,
        long arrests,
        long resignations,
        long dismissals,
        long protests,
        long protestParticipants,
        long clashes,
        long deployments,
        long deployedPersonnel,
        long appeals,
        long condemnations,
        String alertLevel,
        long events,
        long reports,
        long sources,
        Double tensionIndex) {

    public static DailyIndicatorsView of(RegionIndicators r) {
        return new DailyIndicatorsView(r.getRegion(), r.getWindowEnd(), "P1D", r.getWindowStart(), r.getInjuries(),
                r.getFatalities(), r.getArrests(), r.getResignations(), r.getDismissals(), r.getProtests(),
                r.getProtestParticipants(), r.getClashes(), r.getDeployments(), r.getDeployedPersonnel(), r.getAppeals(),
                r.getCondemnations(),
                r.getAlertLevel() == null ? null : r.getAlertLevel().name().toLowerCase(Locale.ROOT),
                r.getEvents(), r.getReports(), r.getSources(), r.getTensionIndex());
    }
}

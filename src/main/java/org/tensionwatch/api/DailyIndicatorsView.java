package org.tensionwatch.api;

import org.tensionwatch.views.IndicatorRow;
import java.time.LocalDate;
import java.util.Locale;
import org.tensionwatch.avro.RegionIndicators;

/**
 * A region's indicators of one day as the indicators stream sends them: a record of the
 * {@code tension.indicators} topic in the field names of {@link IndicatorRow} ({@code window} is
 * always {@code P1D}, {@code day} = {@code windowStart}): every {@link org.tensionwatch.indicators.Indicator}, and
 * the tension index the record carries: the index {@code GET /api/regions/{region}/indicators?from=DAY&to=DAY} gives
 * (a longer range counts a few more days of history, which can move the rounded index by a tenth); {@code null} for a
 * day left without events, and on records written before the topic carried the index.
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

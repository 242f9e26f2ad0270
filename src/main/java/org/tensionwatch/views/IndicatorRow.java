package org.tensionwatch.views;

import java.time.LocalDate;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.IndicatorCounts;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.indicators.WindowIndicators;

/**
 * A region's indicators over one window ending on {@code day}, as the REST API returns them: for
 * {@code P1D} the day itself, for {@code P7D} that day and the six before it.
 *
 * @param alertLevel the highest military alert level reported in the window, or {@code null}
 * @param tensionIndex the region's tension index (0-100) on {@code day}
 * @param tensionChange7d the index minus the index seven days before
 */
public record IndicatorRow(
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
        double tensionIndex,
        double tensionChange7d) {

    public static IndicatorRow of(WindowIndicators window, DailyIndex index) {
        IndicatorCounts c = window.counts();
        AlertLevel level = window.highestAlertLevel();
        return new IndicatorRow(window.region(), window.to(), window.period(), window.from(), c.injuries(), c.fatalities(),
                c.arrests(), c.resignations(), c.dismissals(), c.protests(), c.protestParticipants(), c.clashes(),
                c.deployments(), c.deployedPersonnel(), c.appeals(), c.condemnations(),
                level == null ? null : level.jsonName(), c.events(), c.reports(), c.distinctSources(),
                TensionIndex.rounded(index.index()), TensionIndex.rounded(index.change7d()));
    }
}

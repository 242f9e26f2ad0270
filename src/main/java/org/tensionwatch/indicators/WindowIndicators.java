package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tensionwatch.domain.AlertLevel;

/**
 * The indicators of one region summed over a rolling window from {@code from} to {@code to}, both included.
 *
 * @param period "P1D", "P7D" or "P30D"
 */
public record WindowIndicators(String region, String period, LocalDate from, LocalDate to, IndicatorCounts counts) {

    public WindowIndicators {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        Objects.requireNonNull(counts, "counts == null");
        RollingPeriod p = RollingPeriod.valueOf(Objects.requireNonNull(period, "period == null"));
        if (ChronoUnit.DAYS.between(from, to) + 1 != p.days()) {
            throw new IllegalArgumentException(from + ".." + to + " is not " + period);
        }
    }

    /** The highest military alert level reported within the window, or {@code null}. */
    public AlertLevel highestAlertLevel() {
        return counts.highestAlertLevel();
    }
}

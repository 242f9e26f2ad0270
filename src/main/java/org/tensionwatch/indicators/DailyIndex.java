package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.Objects;
import org.tensionwatch.domain.AlertLevel;

/**
 * The tension index of one region on one day, with the pressure behind it.
 *
 * @param impulse what the day's own events add to the pressure
 * @param pressure the decayed sum of all impulses so far
 * @param index 0 to 100, saturating in the pressure
 * @param change7d the index minus the index 7 days before (0 before any event)
 * @param highestAlertLevel the highest military alert reported that day, or {@code null}
 */
public record DailyIndex(
        String region,
        LocalDate day,
        double impulse,
        double pressure,
        double index,
        double change7d,
        AlertLevel highestAlertLevel) {

    public DailyIndex {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(day, "day == null");
        if (!(pressure >= 0)) {
            throw new IllegalArgumentException("pressure < 0: " + pressure);
        }
        if (!(index >= 0 && index <= 100)) {
            throw new IllegalArgumentException("index outside [0, 100]: " + index);
        }
    }
}

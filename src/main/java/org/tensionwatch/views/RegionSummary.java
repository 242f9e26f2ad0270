package org.tensionwatch.views;

import java.time.LocalDate;

/** A region with its tension index on a given day and the change over the week before, for ranking regions. */
public record RegionSummary(String region, LocalDate day, double tensionIndex, double tensionChange7d,
        String alertLevel7d, long events30d, LocalDate lastEventDay) {
}

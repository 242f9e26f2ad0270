package org.tensionwatch.streams;

import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;

/**
 * One record the merge step emits: a change of a canonical event (keyed by its id; {@code event} null for an id that
 * no longer exists) or a day's indicators (keyed by region|day) with the region's tension index on that day
 * ({@code null} for a day left without events).
 */
record IndicatorsOutput(boolean isEvent, CanonicalEvent event, DailyIndicators row, Double tensionIndex) {

    static IndicatorsOutput event(CanonicalEvent event) {
        return new IndicatorsOutput(true, event, null, null);
    }

    static IndicatorsOutput row(DailyIndicators row, Double tensionIndex) {
        return new IndicatorsOutput(false, null, row, tensionIndex);
    }
}

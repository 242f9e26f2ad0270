package org.tensionwatch.alerts;

import java.time.LocalDate;
import java.util.List;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * A rule's indicator for a region over the window ending on one day.
 *
 * @param value the indicator over the window
 * @param baseline CHANGE rules: the mean per window over the baseline period before the window; else {@code null}
 * @param raiseAt the value at or above which the rule raises an alert (for CHANGE: baseline times 1 + rise)
 * @param sources distinct outlets behind the counted events
 * @param evidence the counted events, largest first, at most {@link AlertEvaluator#MAX_EVIDENCE}
 */
public record Measurement(
        double value,
        Double baseline,
        double raiseAt,
        LocalDate windowStart,
        LocalDate windowEnd,
        int sources,
        List<CanonicalEvent> evidence) {

    public Measurement {
        // the evaluator's evidence is immutable and sorted only when read
        evidence = evidence instanceof AlertEvaluator.Evidence ? evidence : List.copyOf(evidence);
    }

    /** The baseline, or 0 where the rule has none. */
    double baselineOrZero() {
        return baseline == null ? 0 : baseline;
    }
}

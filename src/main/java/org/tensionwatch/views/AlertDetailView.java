package org.tensionwatch.views;

import java.time.Instant;
import java.util.List;
import org.tensionwatch.streams.AlertHistoryStep;

/**
 * One alert with its whole history, as {@code GET /api/alerts/{id}} shows it: what it watches, where it stands now
 * ({@code status}, {@code severity}), the peak it reached, and every step told (raised, escalated, cleared, late ones
 * where they came), each with its value, window and the canonical events behind it.
 */
public record AlertDetailView(
        String id,
        String ruleId,
        String region,
        String indicator,
        String window,
        String kind,
        String status,
        String severity,
        String peakSeverity,
        double peakValue,
        Instant raisedAt,
        List<AlertHistoryStep> steps) {

    public AlertDetailView {
        steps = List.copyOf(steps);
    }
}

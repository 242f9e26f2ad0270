package org.tensionwatch.streams;

import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.avro.EscalationAlert;

/**
 * Every provisional step of one alert, in the order they were told (raised, escalated, cleared, and the late steps
 * that came after), each with its value and the canonical events behind it: what {@code GET /api/alerts/{id}} shows,
 * and where the list finds an alert's peak once it has cleared. At most {@link #MAX_STEPS} steps are kept (the first
 * and the latest ones); an alert has a handful.
 */
public record AlertHistory(List<AlertHistoryStep> steps) {

    public static final int MAX_STEPS = 50;

    public AlertHistory {
        steps = List.copyOf(steps);
    }

    public static AlertHistory empty() {
        return new AlertHistory(List.of());
    }

    /** This history with the step added last. */
    public AlertHistory with(EscalationAlert step) {
        List<AlertHistoryStep> next = new ArrayList<>(steps);
        next.add(AlertHistoryStep.of(step));
        if (next.size() > MAX_STEPS) {
            next.remove(1);
        }
        return new AlertHistory(next);
    }

    /**
     * The step at the alert's peak: the highest severity, then the highest value, then the earliest. {@code null}
     * for an empty history.
     */
    public AlertHistoryStep peak() {
        AlertHistoryStep best = null;
        for (AlertHistoryStep s : steps) {
            if (s.status().equals("cleared") && best != null) {
                continue;
            }
            if (best == null || best.status().equals("cleared") || s.severityRank() > best.severityRank()
                    || s.severityRank() == best.severityRank() && s.value() > best.value()) {
                best = s;
            }
        }
        return best;
    }
}

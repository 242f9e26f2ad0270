package org.tensionwatch.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * What one evaluation of a rule for a region decided.
 *
 * @param step what happened, {@link Step#NONE} for nothing to tell
 * @param alertId the alert the step belongs to ({@code ruleId|region|day raised}); {@code null} for NONE without
 *     an alert
 * @param severity the severity at this step
 * @param measurement the value, level and evidence it was decided on
 * @param at when, in stream time
 * @param next the state to keep
 * @param message one readable line
 * @param late whether the step is about a day before the one it was decided on: a crossing of a past window, learned
 *     from evidence that arrived after that day ({@link AlertEvaluator#revisit})
 * @param learnedAt when the step was decided, in stream time; {@code at} for a prompt step, later for a late one
 */
public record Transition(Step step, String alertId, Severity severity, Measurement measurement, Instant at,
        AlertState next, String message, boolean late, Instant learnedAt) {

    /** A prompt step: decided at {@code at}. */
    public Transition(Step step, String alertId, Severity severity, Measurement measurement, Instant at,
            AlertState next, String message) {
        this(step, alertId, severity, measurement, at, next, message, false, at);
    }

    /** This step, learned late at {@code learned}. */
    Transition learnedLate(Instant learned) {
        return new Transition(step, alertId, severity, measurement, at, next, message, true, learned);
    }

    /** The steps of an alert's life, and none. */
    public enum Step {
        NONE,
        RAISED,
        ESCALATED,
        CLEARED
    }

    public Transition {
        Objects.requireNonNull(step, "step == null");
        Objects.requireNonNull(next, "next == null");
    }

    /** Whether there is a step to publish. */
    public boolean emits() {
        return step != Step.NONE;
    }
}

package org.tensionwatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one rule remembers about one region: the open alert, if any, and when the last one cleared (for the cooldown).
 *
 * @param alertId the id of the open alert, or of the last one when none is open; {@code null} before the first
 * @param open whether an alert is open (raised or escalated, not cleared)
 * @param severity the open alert's severity, or the last one's
 * @param raisedOn the day the alert was raised
 * @param raisedAt when it was raised, in stream time
 * @param clearedOn the day the last alert cleared, or {@code null}
 * @param evaluatedOn the last day the rule was evaluated for the region, or {@code null}
 * @param heldBack the value crossed the level during the cooldown and has not fallen below the clearing level since:
 *     that crossing stays silent, also once the cooldown is over
 * @param past the alerts that cleared in the last {@link #LIVES_KEPT_DAYS} days, oldest first, so that a crossing
 *     learned late is measured against the alerts already told ({@link AlertEvaluator#revisit})
 */
public record AlertState(
        String alertId,
        boolean open,
        Severity severity,
        LocalDate raisedOn,
        Instant raisedAt,
        LocalDate clearedOn,
        LocalDate evaluatedOn,
        boolean heldBack,
        List<AlertLife> past) {

    /**
     * Cleared alerts are remembered this many days after they cleared: longer than a report can come late (twice the
     * grace period), plus the longest window and the cooldown.
     */
    public static final int LIVES_KEPT_DAYS = 120;

    /** No alert ever. */
    public static final AlertState NONE = new AlertState(null, false, null, null, null, null, null, false, List.of());

    public AlertState {
        List<AlertLife> sorted = new ArrayList<>(past == null ? List.of() : past);
        sorted.sort(Comparator.comparing(AlertLife::raisedOn).thenComparing(AlertLife::id));
        past = List.copyOf(sorted);
    }

    /** A state without past alerts. */
    public AlertState(String alertId, boolean open, Severity severity, LocalDate raisedOn, Instant raisedAt,
            LocalDate clearedOn, LocalDate evaluatedOn, boolean heldBack) {
        this(alertId, open, severity, raisedOn, raisedAt, clearedOn, evaluatedOn, heldBack, List.of());
    }

    AlertState raised(String id, Severity s, LocalDate day, Instant at) {
        return new AlertState(id, true, s, day, at, clearedOn, day, false, past);
    }

    AlertState escalated(Severity s, LocalDate day) {
        return new AlertState(alertId, true, s, raisedOn, raisedAt, clearedOn, day, false, past);
    }

    AlertState cleared(LocalDate day) {
        List<AlertLife> lives = new ArrayList<>();
        for (AlertLife life : past) {
            if (!life.clearedOn().isBefore(day.minusDays(LIVES_KEPT_DAYS))) {
                lives.add(life);
            }
        }
        lives.add(new AlertLife(alertId, raisedOn, day, severity));
        return new AlertState(alertId, false, severity, raisedOn, raisedAt, day, day, false, lives);
    }

    AlertState evaluated(LocalDate day) {
        return evaluated(day, heldBack);
    }

    AlertState evaluated(LocalDate day, boolean held) {
        return new AlertState(alertId, open, severity, raisedOn, raisedAt, clearedOn, day, held, past);
    }

    /** This state with these past alerts instead. */
    AlertState withPast(List<AlertLife> lives) {
        return new AlertState(alertId, open, severity, raisedOn, raisedAt, clearedOn, evaluatedOn, heldBack, lives);
    }

    /** This state with the open alert at a higher severity, the day last evaluated unchanged (a late escalation). */
    AlertState escalatedLate(Severity s) {
        return new AlertState(alertId, true, s, raisedOn, raisedAt, clearedOn, evaluatedOn, false, past);
    }

    /** Whether this state says anything different from {@code other} but the day last evaluated. */
    public boolean differsFrom(AlertState other) {
        return !evaluated(null).equals(other.evaluated(null));
    }

    /** Whether a new alert would still fall in the cooldown after the last one cleared. */
    boolean coolingDown(LocalDate day, int cooldownDays) {
        return clearedOn != null && day.isBefore(clearedOn.plusDays(cooldownDays));
    }
}

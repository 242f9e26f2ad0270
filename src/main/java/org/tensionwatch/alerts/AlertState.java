package org.tensionwatch.alerts;

import java.time.Instant;
import java.time.LocalDate;

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
 */
public record AlertState(
        String alertId,
        boolean open,
        Severity severity,
        LocalDate raisedOn,
        Instant raisedAt,
        LocalDate clearedOn,
        LocalDate evaluatedOn,
        boolean heldBack) {

    /** No alert ever. */
    public static final AlertState NONE = new AlertState(null, false, null, null, null, null, null, false);

    AlertState raised(String id, Severity s, LocalDate day, Instant at) {
        return new AlertState(id, true, s, day, at, clearedOn, day, false);
    }

    AlertState escalated(Severity s, LocalDate day) {
        return new AlertState(alertId, true, s, raisedOn, raisedAt, clearedOn, day, false);
    }

    AlertState cleared(LocalDate day) {
        return new AlertState(alertId, false, severity, raisedOn, raisedAt, day, day, false);
    }

    AlertState evaluated(LocalDate day) {
        return evaluated(day, heldBack);
    }

    AlertState evaluated(LocalDate day, boolean held) {
        return new AlertState(alertId, open, severity, raisedOn, raisedAt, clearedOn, day, held);
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

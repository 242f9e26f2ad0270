package org.tensionwatch.alerts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One alert of a rule and region that has cleared: the days it was open, both included. A rule remembers the recent
 * ones ({@link AlertState#past()}) so that a crossing learned late is measured against the alerts already told:
 * a day inside one of them raises nothing, a day in the cooldown after one raises nothing either.
 */
public record AlertLife(String id, LocalDate raisedOn, LocalDate clearedOn, Severity severity) {

    public AlertLife {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(raisedOn, "raisedOn == null");
        Objects.requireNonNull(clearedOn, "clearedOn == null");
    }

    /** Whether the alert was open on that day. */
    boolean covers(LocalDate day) {
        return !day.isBefore(raisedOn) && !day.isAfter(clearedOn);
    }
}

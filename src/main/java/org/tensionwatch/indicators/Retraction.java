package org.tensionwatch.indicators;

import java.util.Objects;

/**
 * A report withdrawn: the corrected version of its article no longer yields this event. Merging it removes every
 * version of that report from the canonical events of its region and type, which are then clustered again from the
 * reports left (an event left without reports is gone). Retracting a report that is not held changes nothing.
 *
 * @param eventId the withdrawn report's event id ("articleId#n")
 */
public record Retraction(String eventId) implements ReportChange {

    public Retraction {
        Objects.requireNonNull(eventId, "eventId == null");
    }
}

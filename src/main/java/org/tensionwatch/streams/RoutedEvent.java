package org.tensionwatch.streams;

import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.ReportChange;
import org.tensionwatch.indicators.Retraction;

/**
 * What {@link ReportsByRegion} makes of an event record: a change for this task's merge (a report, or the retraction
 * a tombstone stands for), or, for an event that arrived in another partition than its region's, the event as it came,
 * for the dead-letter topic. Exactly one is set.
 */
record RoutedEvent(ReportChange change, ConflictEvent misrouted) {

    static RoutedEvent report(EventReport report) {
        return new RoutedEvent(report, null);
    }

    static RoutedEvent retraction(Retraction retraction) {
        return new RoutedEvent(retraction, null);
    }

    static RoutedEvent misrouted(ConflictEvent event) {
        return new RoutedEvent(null, event);
    }

    boolean isMisrouted() {
        return misrouted != null;
    }

    /** The report, for topologies that are given reports only (see {@link ReportsByRegion}'s retractions flag). */
    EventReport report() {
        return (EventReport) change;
    }
}

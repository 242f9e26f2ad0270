package org.tensionwatch.streams;

import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.indicators.EventReport;

/**
 * What {@link ReportsByRegion} makes of an event record: a report for this task's merge, or, for an event that arrived
 * in another partition than its region's, the event as it came, for the dead-letter topic. Exactly one is set.
 */
record RoutedEvent(EventReport report, ConflictEvent misrouted) {

    static RoutedEvent report(EventReport report) {
        return new RoutedEvent(report, null);
    }

    static RoutedEvent misrouted(ConflictEvent event) {
        return new RoutedEvent(null, event);
    }

    boolean isMisrouted() {
        return misrouted != null;
    }
}

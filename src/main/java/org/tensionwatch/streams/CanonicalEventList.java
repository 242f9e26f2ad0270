package org.tensionwatch.streams;

import java.util.List;
import org.tensionwatch.indicators.CanonicalEvent;

/** The canonical events of one region and type that reports may still join: the merge step's stored state. */
public record CanonicalEventList(List<CanonicalEvent> events) {
    public CanonicalEventList {
        events = List.copyOf(events);
    }
}

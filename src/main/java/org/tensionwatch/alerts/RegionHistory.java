package org.tensionwatch.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * A region's canonical events as far back as its alert rules read (window plus baseline), each id at most once, in
 * a fixed order (day, then id) so that the same events always give the same answers. Assembled for an evaluation
 * from the region's {@link RegionDay}s, which are what is stored.
 */
public record RegionHistory(String region, List<CanonicalEvent> events) {

    private static final Comparator<CanonicalEvent> ORDER =
            Comparator.comparing(CanonicalEvent::occurredOn).thenComparing(CanonicalEvent::id);

    public RegionHistory {
        Objects.requireNonNull(region, "region == null");
        List<CanonicalEvent> sorted = new ArrayList<>(events);
        for (CanonicalEvent e : sorted) {
            if (!region.equals(e.region())) {
                throw new IllegalArgumentException("event " + e.id() + " is not of region " + region);
            }
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("event " + sorted.get(i).id() + " twice");
            }
        }
        events = List.copyOf(sorted);
    }

    /** The history made of these days of the region. */
    public static RegionHistory of(String region, Collection<RegionDay> days) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (RegionDay day : days) {
            if (!region.equals(day.region())) {
                throw new IllegalArgumentException("day " + day.day() + " of " + day.region() + " is not of " + region);
            }
            events.addAll(day.events());
        }
        return new RegionHistory(region, events);
    }

    public static RegionHistory empty(String region) {
        return new RegionHistory(region, List.of());
    }

    /** This history with the event added, or replacing the earlier version of the same id. */
    public RegionHistory with(CanonicalEvent event) {
        List<CanonicalEvent> next = new ArrayList<>(without(event.id()).events);
        next.add(event);
        return new RegionHistory(region, next);
    }

    /** This history without the event of that id (the canonical event stopped existing). */
    public RegionHistory without(String id) {
        return new RegionHistory(region, events.stream().filter(e -> !e.id().equals(id)).toList());
    }

    /** This history without events before {@code first}. */
    public RegionHistory retainFrom(LocalDate first) {
        return new RegionHistory(region, events.stream().filter(e -> !e.occurredOn().isBefore(first)).toList());
    }

    /** The events that happened from {@code from} to {@code to}, both included. */
    public List<CanonicalEvent> between(LocalDate from, LocalDate to) {
        return events.stream().filter(e -> !e.occurredOn().isBefore(from) && !e.occurredOn().isAfter(to)).toList();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}

package org.tensionwatch.indicators;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What merging one report changed among the canonical events of its region and type.
 *
 * @param event the canonical event that now holds the report; empty when the report was stale (its article has a
 *     newer version already) and so ignored
 * @param created whether {@code event}'s id is new: a new occurrence, or a known one that moved to another day
 * @param events all canonical events of the region and type after the merge: the new state to store
 * @param upserts the events that are new or changed: emit these downstream, keyed by id
 * @param removedIds ids that no longer exist (an event moved day, or lost its last report): emit tombstones
 */
public record MergeResult(
        Optional<CanonicalEvent> event,
        boolean created,
        List<CanonicalEvent> events,
        List<CanonicalEvent> upserts,
        List<String> removedIds) {

    public MergeResult {
        Objects.requireNonNull(event, "event == null");
        events = List.copyOf(events);
        upserts = List.copyOf(upserts);
        removedIds = List.copyOf(removedIds);
        if (created && event.isEmpty()) {
            throw new IllegalArgumentException("created without an event");
        }
    }

    /** Nothing changed: the report was ignored. */
    static MergeResult unchanged(List<CanonicalEvent> known) {
        return new MergeResult(Optional.empty(), false, known, List.of(), List.of());
    }

    /**
     * The difference between the events before and after merging several reports at once: no single {@code event}
     * holds them all, so {@code event} is empty and {@code created} false; {@code upserts} and {@code removedIds} say
     * what changed.
     */
    static MergeResult changes(List<CanonicalEvent> before, List<CanonicalEvent> after) {
        Map<String, CanonicalEvent> old = before.stream()
                .collect(Collectors.toMap(CanonicalEvent::id, Function.identity(), (a, b) -> b));
        java.util.Set<String> now = after.stream().map(CanonicalEvent::id).collect(Collectors.toSet());
        List<CanonicalEvent> upserts = after.stream().filter(e -> !e.equals(old.get(e.id()))).toList();
        List<String> removed = old.keySet().stream().filter(id -> !now.contains(id)).sorted().toList();
        return new MergeResult(Optional.empty(), false, after, upserts, removed);
    }

    /** The difference between the events before and after merging {@code ref}. */
    static MergeResult between(List<CanonicalEvent> before, List<CanonicalEvent> after, ReportRef ref) {
        Map<String, CanonicalEvent> old = before.stream()
                .collect(Collectors.toMap(CanonicalEvent::id, Function.identity(), (a, b) -> b));
        Map<String, CanonicalEvent> now = after.stream()
                .collect(Collectors.toMap(CanonicalEvent::id, Function.identity()));
        CanonicalEvent holder = after.stream().filter(e -> e.holds(ref)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no event holds report " + ref.eventId()));
        List<CanonicalEvent> upserts = after.stream().filter(e -> !e.equals(old.get(e.id()))).toList();
        List<String> removed = old.keySet().stream().filter(id -> !now.containsKey(id)).sorted().toList();
        return new MergeResult(Optional.of(holder), !old.containsKey(holder.id()), after, upserts, removed);
    }
}

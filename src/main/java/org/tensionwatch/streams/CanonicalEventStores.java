package org.tensionwatch.streams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * The merge's canonical events: by region, type and day ({@link StoreNames#CANONICAL_BY_DAY}, keyed
 * {@link CanonicalDayKey}), which a merge reads as one range and writes back only the days that changed; by id
 * ({@link StoreNames#CANONICAL_EVENTS}), the table behind the queries and the old value each change subtracts from its
 * day; and the decoded events of the busiest regions and types, kept in the heap between merges up to
 * {@link #MAX_DECODED_REPORTS} report references in all (a match key that does not fit is read from the store each
 * time), written through with the store.
 */
final class CanonicalEventStores {

    /** Report references of decoded state kept in the heap, over all regions and types of the task. */
    static final int MAX_DECODED_REPORTS = 150_000;

    private final KeyValueStore<String, CanonicalEventList> byDay;
    private final TimestampedKeyValueStore<String, CanonicalEvent> byId;
    private final DecodedCache<String, List<CanonicalEvent>> decoded =
            new DecodedCache<>(MAX_DECODED_REPORTS, CanonicalEventStores::reports);

    CanonicalEventStores(KeyValueStore<String, CanonicalEventList> byDay,
            TimestampedKeyValueStore<String, CanonicalEvent> byId) {
        this.byDay = byDay;
        this.byId = byId;
    }

    /** The canonical events of a region and type, in the order of their days, then ids. */
    List<CanonicalEvent> load(String matchKey) {
        List<CanonicalEvent> cached = decoded.get(matchKey);
        if (cached != null) {
            return cached;
        }
        List<CanonicalEvent> events = new ArrayList<>();
        try (KeyValueIterator<String, CanonicalEventList> days = byDay.range(CanonicalDayKey.firstOf(matchKey),
                CanonicalDayKey.afterLastOf(matchKey))) {
            days.forEachRemaining(day -> events.addAll(day.value.events()));
        }
        remember(matchKey, events);
        return events;
    }

    /**
     * Replaces the events of a region and type ({@code before}, as {@link #load}ed) by {@code after}: writes the days
     * whose events changed, deletes the days left without events, and updates the decoded copy if one is kept.
     */
    void replace(String matchKey, List<CanonicalEvent> before, List<CanonicalEvent> after) {
        store(matchKey, before, after);
        if (decoded.contains(matchKey)) {
            remember(matchKey, after);
        }
    }

    /** Deletes an event by id; returns the event it was, or null. */
    CanonicalEvent remove(String id) {
        ValueAndTimestamp<CanonicalEvent> old = byId.get(id);
        byId.delete(id);
        return old == null ? null : old.value();
    }

    /** Writes an event by id at this time; returns the event it replaces, or null. */
    CanonicalEvent put(CanonicalEvent event, long timestamp) {
        ValueAndTimestamp<CanonicalEvent> old = byId.get(event.id());
        byId.put(event.id(), ValueAndTimestamp.make(event, timestamp));
        return old == null ? null : old.value();
    }

    /** Forgets the decoded copies: the store is the truth again. */
    void clear() {
        decoded.clear();
    }

    /** Keeps the decoded events of a key if they fit (replacing its earlier copy). */
    private void remember(String matchKey, List<CanonicalEvent> events) {
        decoded.put(matchKey, List.copyOf(events));
    }

    static long reports(List<CanonicalEvent> events) {
        long count = 0;
        for (CanonicalEvent event : events) {
            count += event.reports().size();
        }
        return count;
    }

    private void store(String matchKey, List<CanonicalEvent> before, List<CanonicalEvent> after) {
        Map<LocalDate, List<CanonicalEvent>> old = byDay(before);
        Map<LocalDate, List<CanonicalEvent>> now = byDay(after);
        TreeSet<LocalDate> days = new TreeSet<>(old.keySet());
        days.addAll(now.keySet());
        for (LocalDate day : days) {
            List<CanonicalEvent> events = now.getOrDefault(day, List.of());
            if (events.equals(old.getOrDefault(day, List.of()))) {
                continue;
            }
            String key = new CanonicalDayKey(matchKey, day).encode();
            if (events.isEmpty()) {
                byDay.delete(key);
            } else {
                byDay.put(key, new CanonicalEventList(events));
            }
        }
    }

    private static Map<LocalDate, List<CanonicalEvent>> byDay(List<CanonicalEvent> events) {
        Map<LocalDate, List<CanonicalEvent>> days = new HashMap<>();
        for (CanonicalEvent event : events) {
            days.computeIfAbsent(event.occurredOn(), d -> new ArrayList<>()).add(event);
        }
        return days;
    }
}

package org.tensionwatch.feeds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The items of a feed seen so far, by key (guid or link), with the fingerprint of what each said: an item seen again
 * unchanged adds nothing, a changed one is a correction. The oldest keys are forgotten beyond {@link #capacity}
 * (a feed lists its latest items; an item gone from it for that long does not come back).
 */
public final class SeenItems {

    /** What an item is, compared with what was seen. */
    public enum Novelty { NEW, UPDATED, UNCHANGED }

    /** Keys kept per feed by default: many times the length of a feed. */
    public static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    private final LinkedHashMap<String, String> fingerprints;

    public SeenItems(Map<String, String> fingerprints, int capacity) {
        this.capacity = capacity;
        this.fingerprints = new LinkedHashMap<>(fingerprints == null ? Map.of() : fingerprints);
        trim();
    }

    /** What the item is, without remembering it. */
    public Novelty classify(FeedItem item) {
        String seen = fingerprints.get(item.key());
        if (seen == null) {
            return Novelty.NEW;
        }
        return seen.equals(item.fingerprint()) ? Novelty.UNCHANGED : Novelty.UPDATED;
    }

    /** Remembers the item as it is now. */
    public void remember(FeedItem item) {
        fingerprints.remove(item.key());
        fingerprints.put(item.key(), item.fingerprint());
        trim();
    }

    /** The keys and fingerprints, oldest first, as kept in the feed's state. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(fingerprints);
    }

    public int size() {
        return fingerprints.size();
    }

    private void trim() {
        var it = fingerprints.keySet().iterator();
        while (fingerprints.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}

package org.tensionwatch.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each region's newest publication day ({@link StoreNames#REGION_NEWEST_PUBLICATION}), the region's own stream time,
 * from which the merge's retention of the region is counted: per region, so that what is kept of one region never
 * depends on the news of another region in the same partition. Read or written values are kept in the heap, written
 * through to the store.
 */
final class NewestPublications {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final KeyValueStore<String, Long> store;
    private final Map<String, Long> byRegion = new HashMap<>();

    NewestPublications(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    /** The start of the newest publication day of the region's reports (0 before the first). */
    long of(String region) {
        Long newest = byRegion.get(region);
        if (newest == null) {
            newest = store.get(region);
            newest = newest == null ? 0L : newest;
            byRegion.put(region, newest);
        }
        return newest;
    }

    /**
     * The region's newest publication day (its start, epoch ms) after a report published at {@code publishedAt}: it
     * never goes back. Kept to the day, which is all the cutoff reads, so the store is written once per region and day
     * instead of once per report.
     */
    long advance(String region, long publishedAt) {
        long newest = of(region);
        long day = Math.floorDiv(publishedAt, MILLIS_PER_DAY) * MILLIS_PER_DAY;
        if (day > newest) {
            store.put(region, day);
            byRegion.put(region, day);
            return day;
        }
        return newest;
    }

    void clear() {
        byRegion.clear();
    }
}

package org.tensionwatch.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Decoded copies of store values kept in the heap between records, so that a busy key is not read back and decoded
 * from its store on every change: decoding is the largest cost of a processor that rereads a key range each time.
 *
 * <p>Bounded by the total weight of the values held (e.g. the report references or events they contain), not by their
 * number, because one busy key can weigh as much as thousands of quiet ones. A value that does not fit under the bound
 * beside those held is simply not kept (its key is read from the store each time); nothing is evicted to make room,
 * so the keys kept are the first to fit since the cache was last {@linkplain #clear() cleared}, and which keys those
 * are never changes what the processor computes, only how often it reads the store.
 *
 * <p>The copies are written through by the owner together with the store and must be cleared whenever the task is
 * (re)initialized or closed: after a rollback under exactly-once they are rebuilt from the restored store. Not thread
 * safe; one per processor instance (a task runs on one thread).
 */
final class DecodedCache<K, V> {

    private final long maxWeight;
    private final ToLongFunction<? super V> weigher;
    private final Map<K, V> values = new HashMap<>();
    private long weight;

    /**
     * @param maxWeight the most total weight held
     * @param weigher   the weight of a value (its size in the unit of the bound)
     */
    DecodedCache(long maxWeight, ToLongFunction<? super V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The copy kept of the key, or {@code null} when it is not kept. */
    V get(K key) {
        return values.get(key);
    }

    boolean contains(K key) {
        return values.containsKey(key);
    }

    /**
     * Keeps the value of a key if it fits beside the others (replacing its earlier copy, whose weight no longer
     * counts); when it does not fit the key is not kept at all, so that a stale copy is never read.
     */
    void put(K key, V value) {
        V earlier = values.remove(key);
        if (earlier != null) {
            weight -= weigher.applyAsLong(earlier);
        }
        long size = weigher.applyAsLong(value);
        if (weight + size <= maxWeight) {
            values.put(key, value);
            weight += size;
        }
    }

    /** Forgets every copy: the store is the truth again. */
    void clear() {
        values.clear();
        weight = 0;
    }

    /** The total weight held, for tests of the bound. */
    long weight() {
        return weight;
    }
}

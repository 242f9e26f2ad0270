package org.tensionwatch.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedBytesStoreSupplier;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.internals.VersionedKeyValueToBytesStoreAdapter;

/**
 * A versioned key-value store in the heap, for topology tests that ask for in-memory stores (Kafka Streams has only
 * a RocksDB one, and the test driver flushes RocksDB after every record). Same contract: each key keeps its versions
 * by timestamp; a version is valid until the next; versions older than the history retention behind the newest
 * timestamp written are dropped, except the one still valid then; a write older than that is refused.
 */
final class InMemoryVersionedStore implements VersionedKeyValueStore<Bytes, byte[]> {

    private final String name;
    private final long historyRetentionMs;
    private final Map<Bytes, NavigableMap<Long, byte[]>> versions = new HashMap<>();
    private long observedStreamTime = Long.MIN_VALUE;
    private boolean open;

    private InMemoryVersionedStore(String name, long historyRetentionMs) {
        this.name = name;
        this.historyRetentionMs = historyRetentionMs;
    }

    static VersionedBytesStoreSupplier supplier(String name, long historyRetentionMs) {
        return new VersionedBytesStoreSupplier() {
            @Override
            public long historyRetentionMs() {
                return historyRetentionMs;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new VersionedKeyValueToBytesStoreAdapter(new InMemoryVersionedStore(name, historyRetentionMs));
            }

            @Override
            public String metricsScope() {
                return "in-memory-versioned";
            }
        };
    }

    @Override
    public long put(Bytes key, byte[] value, long timestamp) {
        if (observedStreamTime != Long.MIN_VALUE && timestamp < observedStreamTime - historyRetentionMs) {
            return PUT_RETURN_CODE_NOT_PUT;
        }
        observedStreamTime = Math.max(observedStreamTime, timestamp);
        NavigableMap<Long, byte[]> byTime = versions.computeIfAbsent(key, k -> new TreeMap<>());
        byTime.put(timestamp, value);
        // keep the version valid at the edge of the history, drop those before it
        Long edge = byTime.floorKey(observedStreamTime - historyRetentionMs);
        if (edge != null) {
            byTime.headMap(edge, false).clear();
        }
        Long next = byTime.higherKey(timestamp);
        return next == null ? PUT_RETURN_CODE_VALID_TO_UNDEFINED : next;
    }

    @Override
    public VersionedRecord<byte[]> delete(Bytes key, long timestamp) {
        VersionedRecord<byte[]> existing = get(key, timestamp);
        put(key, null, timestamp);
        return existing;
    }

    @Override
    public VersionedRecord<byte[]> get(Bytes key) {
        return get(key, Long.MAX_VALUE);
    }

    @Override
    public VersionedRecord<byte[]> get(Bytes key, long asOfTimestamp) {
        NavigableMap<Long, byte[]> byTime = versions.get(key);
        if (byTime == null) {
            return null;
        }
        Map.Entry<Long, byte[]> version = byTime.floorEntry(asOfTimestamp);
        if (version == null || version.getValue() == null) {
            return null;
        }
        Long next = byTime.higherKey(version.getKey());
        return next == null ? new VersionedRecord<>(version.getValue(), version.getKey())
                : new VersionedRecord<>(version.getValue(), version.getKey(), next);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (RecordBatchingStateRestoreCallback) records ->
                records.forEach(r -> put(Bytes.wrap(r.key()), r.value(), r.timestamp())));
        open = true;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        versions.clear();
        open = false;
    }

    /** No interactive queries here (topology tests read the store directly), so no position to track. */
    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}

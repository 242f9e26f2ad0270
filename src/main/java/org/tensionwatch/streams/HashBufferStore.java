package org.tensionwatch.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.StoreQueryUtils;

/**
 * A key-value store in a hash map, for values that are written, read back by key and deleted within seconds: the
 * reports waiting for a merge. Kafka's in-memory store keeps its keys in a sorted {@code TreeMap}; with tens of
 * thousands of waiting reports whose keys share a long prefix (region|type|offset), each insert compared keys byte by
 * byte down some sixteen levels, and at 1,000,000 events those inserts were 16 % of the stream thread
 * (docs/benchmarks.md). Here a put, get or delete costs one hash lookup. Changelogged and restored like any store (the
 * builder adds the changelog); ranges and {@link #all()} copy and sort the matching entries, which is fine for the
 * rare callers: a restart, a query, a test.
 */
final class HashBufferStore implements KeyValueStore<Bytes, byte[]> {

    private final String name;
    private final Map<Bytes, byte[]> entries = new HashMap<>();
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private volatile boolean open;

    private HashBufferStore(String name) {
        this.name = name;
    }

    static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new HashBufferStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory-hash";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        context.register(root, (RecordBatchingStateRestoreCallback) records -> {
            synchronized (this) {
                records.forEach(r -> write(Bytes.wrap(r.key()), r.value()));
            }
        });
        open = true;
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        write(key, value);
        StoreQueryUtils.updatePosition(position, context);
    }

    private void write(Bytes key, byte[] value) {
        if (key == null) {
            throw new NullPointerException("key == null");
        }
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] existing = entries.get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> pairs) {
        pairs.forEach(pair -> put(pair.key, pair.value));
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] existing = entries.remove(key);
        StoreQueryUtils.updatePosition(position, context);
        return existing;
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        return entries.get(key);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return sorted(from, to, false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return sorted(from, to, true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return sorted(null, null, false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return sorted(null, null, true);
    }

    /** A copy of the entries from {@code from} to {@code to} (both inclusive; {@code null}: unbounded), in key order. */
    private KeyValueIterator<Bytes, byte[]> sorted(Bytes from, Bytes to, boolean reverse) {
        List<KeyValue<Bytes, byte[]>> matching = new ArrayList<>();
        entries.forEach((key, value) -> {
            if ((from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) <= 0)) {
                matching.add(KeyValue.pair(key, value));
            }
        });
        matching.sort((a, b) -> reverse ? b.key.compareTo(a.key) : a.key.compareTo(b.key));
        return new ListIterator(matching);
    }

    @Override
    public synchronized long approximateNumEntries() {
        return entries.size();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return StoreQueryUtils.handleBasicQueries(query, positionBound, config, this, position, context);
    }

    @Override
    public Position getPosition() {
        return position;
    }

    @Override
    public void flush() {
    }

    @Override
    public synchronized void close() {
        entries.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** An iterator over a copy, so that writes while it is open do not disturb it. */
    private static final class ListIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<KeyValue<Bytes, byte[]>> pairs;
        private KeyValue<Bytes, byte[]> next;

        ListIterator(List<KeyValue<Bytes, byte[]>> pairs) {
            this.pairs = pairs.iterator();
        }

        @Override
        public boolean hasNext() {
            if (next == null && pairs.hasNext()) {
                next = pairs.next();
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> current = next;
            next = null;
            return current;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
        }
    }
}

package org.tensionwatch.streams;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;

/**
 * Persistent (RocksDB) stores in the service, in-memory stores where the Streams config asks for them
 * ({@code dsl.store.suppliers.class}), as topology tests do: the same choice for DSL and processor stores.
 */
final class StoreKind {

    private StoreKind() {
    }

    static boolean inMemory(Properties streamsConfig) {
        Object suppliers = streamsConfig.get(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG);
        return suppliers != null && suppliers.toString().contains(BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class.getSimpleName());
    }

    static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keys, Serde<V> values, Properties streamsConfig) {
        return Stores.keyValueStoreBuilder(
                inMemory(streamsConfig) ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name),
                keys, values);
    }

    /**
     * A buffer that holds values only briefly (written, then deleted within seconds): in memory always, changelogged
     * like every store, so it is rebuilt from its changelog after a restart. In RocksDB each entry would be written,
     * flushed and compacted away again for nothing; the caller bounds its size.
     */
    static <K, V> StoreBuilder<KeyValueStore<K, V>> buffer(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values);
    }

    /** A key-value store whose values carry a timestamp, in the format of a KTable's store (same changelog format). */
    static <K, V> StoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValue(
            String name, Serde<K> keys, Serde<V> values, Properties streamsConfig) {
        return Stores.timestampedKeyValueStoreBuilder(
                inMemory(streamsConfig) ? Stores.inMemoryKeyValueStore(name) : Stores.persistentTimestampedKeyValueStore(name),
                keys, values);
    }

    /**
     * A store that keeps every version of a value with the timestamp it became valid at, for {@code history} behind
     * the newest timestamp written. Kafka Streams has no in-memory kind; {@link InMemoryVersionedStore} stands in
     * where the config asks for in-memory stores.
     */
    static <K, V> StoreBuilder<VersionedKeyValueStore<K, V>> versionedKeyValue(
            String name, Duration history, Serde<K> keys, Serde<V> values, Properties streamsConfig) {
        return Stores.versionedKeyValueStoreBuilder(inMemory(streamsConfig)
                ? InMemoryVersionedStore.supplier(name, history.toMillis())
                : Stores.persistentVersionedKeyValueStore(name, history), keys, values);
    }
}

package org.tensionwatch.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of all RocksDB stores of the process at {@link #TOTAL_OFF_HEAP_BYTES}: one block cache
 * shared by every store instance, with memtables and index and filter blocks counted in it. Without it each store
 * instance (stores times partitions) takes its own 50 MB block cache and up to 3 x 16 MB of memtables.
 * Set it as {@code rocksdb.config.setter}; the pattern is the one in the Kafka Streams memory-management guide.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Block cache, memtables, index and filter blocks of all stores together. */
    public static final long TOTAL_OFF_HEAP_BYTES = 64L * 1024 * 1024;
    /**
     * The part of {@link #TOTAL_OFF_HEAP_BYTES} that memtables may take: half. The merge state is written far more than
     * it is read from RocksDB (the busiest keys stay decoded in the heap), and with a quarter (16 MB shared by a dozen
     * store instances) memtables were flushed so often that flushes and compactions took 17-21 s of CPU at 1,000,000
     * events; with half, 6-7 s, and the run was 10-25 % faster (docs/benchmarks.md). The total stays the same.
     */
    public static final long TOTAL_MEMTABLE_BYTES = 32L * 1024 * 1024;

    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(TOTAL_MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store of the process: never closed here
    }
}

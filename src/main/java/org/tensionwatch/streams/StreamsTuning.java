package org.tensionwatch.streams;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings every Streams application of the service runs with; the indicators benchmark applies them too, so that it
 * measures what the service runs.
 */
public final class StreamsTuning {

    /**
     * Producer batches of up to 256 KB per partition instead of Kafka's 16 KB. A Streams application writes a
     * repartition topic, changelogs and outputs on every commit; with small batches the broker spends its time on
     * per-batch work: at 1,000,000 events the in-process broker used 48 s of CPU with 16 KB and 20 s with 256 KB, and
     * the run took 115 s instead of 147 s (docs/benchmarks.md). Batches come out of the producer's buffer
     * ({@code buffer.memory}, 32 MB), which still bounds the memory.
     */
    public static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsTuning() {
    }

    public static void apply(Properties props) {
        // one shared, bounded RocksDB cache instead of one per store and partition: the memory has a ceiling
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
    }
}

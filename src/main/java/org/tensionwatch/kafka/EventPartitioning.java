package org.tensionwatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.tensionwatch.avro.ConflictEvent;

/**
 * The events topic's contract: an event record is keyed by its event id but lives in the partition of its region (its
 * country code), so the indicators application finds every report of a region in one partition and merges them where
 * they are, without copying each one through a repartition topic. The partition of a region is the one Kafka's default
 * partitioner gives a record keyed by the region's code, so the interactive-query metadata for a region key
 * ({@code KafkaStreams.queryMetadataForKey(store, region, stringSerializer)}) names the instance that owns it.
 *
 * <p>Compaction still works per event id: a newer version of an event has the same region, hence the same partition.
 * A retraction (a tombstone, no value, no region) goes to every partition, so it reaches the one holding the event.
 * An event without a country goes where its key hashes: the indicators skip it anyway.
 *
 * <p>Whoever writes the events topic must partition this way; the extraction application does
 * ({@link #streamPartitioner()}), and the indicators application sends a record that arrives in another partition
 * than its region's to the dead-letter topic with the reason, rather than counting a region in two places.
 */
public final class EventPartitioning {

    /**
     * Streams configuration key: how many partitions the events topic has. The indicators application checks each
     * record's partition against it; without it (a test driver has one partition) nothing is checked.
     */
    public static final String PARTITIONS_CONFIG = "tension.events.partitions";

    private EventPartitioning() {
    }

    /** The partition of a region's events among {@code partitions}: Kafka's default partitioning of the region code. */
    public static int partitionOf(String region, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions < 1: " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(region.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partition an event belongs in, or empty when it has no region (the key's hash decides). */
    public static Optional<Integer> partitionOf(ConflictEvent event, int partitions) {
        return event.getCountryCode() == null ? Optional.empty() : Optional.of(partitionOf(event.getCountryCode(), partitions));
    }

    /** For a Streams sink writing the events topic. */
    public static StreamPartitioner<String, ConflictEvent> streamPartitioner() {
        return (topic, key, event, partitions) -> {
            if (event == null) {
                return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
            }
            return partitionOf(event, partitions).map(Set::of);
        };
    }

    /**
     * For the Streams sink writing the canonical-events topic: a canonical event lives in its region's partition too
     * (its id starts with the region's code, {@code REGION|TYPE|...}, so its tombstone goes there as well). The changes
     * the merge makes in one step - an event removed under its old id, the same occurrence written under its new one -
     * then reach the alerts application in the order they were made, in one partition, instead of in whatever order
     * the partitions of their ids happen to be read, which could show the alerts a moment with both or with neither
     * and raise a second alert for one crossing.
     */
    public static <V> StreamPartitioner<String, V> canonicalEventPartitioner() {
        return (topic, key, value, partitions) -> {
            String region = key == null ? null : regionOfCanonicalId(key);
            return region == null ? Optional.empty() : Optional.of(Set.of(partitionOf(region, partitions)));
        };
    }

    /** The region of a canonical event id ({@code REGION|TYPE|...}), or {@code null} when it has none. */
    public static String regionOfCanonicalId(String canonicalEventId) {
        int bar = canonicalEventId.indexOf('|');
        return bar > 0 ? canonicalEventId.substring(0, bar) : null;
    }

    /** The events topic's partition count from a Streams configuration, or 0 when it is not set. */
    public static int configuredPartitions(Map<String, Object> appConfigs) {
        Object value = appConfigs.get(PARTITIONS_CONFIG);
        if (value == null) {
            return 0;
        }
        int partitions = Integer.parseInt(value.toString().strip());
        if (partitions < 1) {
            throw new IllegalArgumentException(PARTITIONS_CONFIG + " must be at least 1: " + value);
        }
        return partitions;
    }
}

package org.tensionwatch.service;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance holds the active task of each partition of a store, from one reading of the Streams metadata: the
 * plan of a query over every region. Each partition is read by exactly one instance, so no row is counted twice and
 * none is missed; when the metadata does not give every partition exactly one owner (a rebalance is under way) there is
 * no plan, and the query is answered 503 "retry shortly" rather than with part of the rows.
 */
record PartitionOwners(Map<HostInfo, SortedSet<Integer>> byHost) {

    private static final Comparator<HostInfo> BY_ADDRESS = Comparator.comparing(HostInfo::host).thenComparingInt(HostInfo::port);

    /**
     * The owners of the partitions of {@code inputTopic} (the topic whose partitions are the store's) among the
     * instances that have the store, which must be partitions 0 to {@code partitions - 1}, each once.
     */
    static PartitionOwners of(Collection<StreamsMetadata> instances, String store, String inputTopic, int partitions) {
        Map<HostInfo, SortedSet<Integer>> byHost = new TreeMap<>(BY_ADDRESS);
        for (StreamsMetadata instance : instances) {
            for (TopicPartition partition : instance.topicPartitions()) {
                if (partition.topic().equals(inputTopic)) {
                    byHost.computeIfAbsent(instance.hostInfo(), h -> new TreeSet<>()).add(partition.partition());
                }
            }
        }
        SortedSet<Integer> seen = new TreeSet<>();
        for (SortedSet<Integer> owned : byHost.values()) {
            for (int partition : owned) {
                if (!seen.add(partition)) {
                    throw new InvalidStateStoreException("partition " + partition + " of " + store
                            + " has two active owners in the metadata now (rebalancing)");
                }
            }
        }
        if (seen.size() != partitions || (partitions > 0 && (seen.first() != 0 || seen.last() != partitions - 1))) {
            throw new InvalidStateStoreException(store + " has active owners for partitions " + seen + " of " + partitions
                    + " now (rebalancing)");
        }
        Map<HostInfo, SortedSet<Integer>> frozen = new LinkedHashMap<>();
        byHost.forEach((host, owned) -> frozen.put(host, Collections.unmodifiableSortedSet(owned)));
        return new PartitionOwners(Collections.unmodifiableMap(frozen));
    }

    /** The partitions each instance reads, instances in address order. */
    Set<Map.Entry<HostInfo, SortedSet<Integer>>> plan() {
        return byHost.entrySet();
    }
}

package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.Test;

class PartitionOwnersTest {

    private static final HostInfo A = new HostInfo("a", 8080);
    private static final HostInfo B = new HostInfo("b", 8080);
    private static final String STORE = "alerts-latest";
    private static final String INPUT = "app-alerts-canonical-events-by-region-repartition";

    @Test
    void eachPartitionIsReadByItsActiveOwnerOnly() {
        PartitionOwners owners = PartitionOwners.of(List.of(
                instance(B, partitions(INPUT, 1), partitions("canonical-events", 0, 2)),
                instance(A, partitions(INPUT, 0, 2), partitions("canonical-events", 1))), STORE, INPUT, 3);

        Map<HostInfo, SortedSet<Integer>> plan = owners.plan().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // the other sub-topology's partitions (the canonical-events source) are not the store's
        assertThat(plan).containsOnly(Map.entry(A, new TreeSet<>(Set.of(0, 2))), Map.entry(B, new TreeSet<>(Set.of(1))));
        assertThat(owners.plan()).extracting(Map.Entry::getKey).containsExactly(A, B);
    }

    @Test
    void aPartitionWithoutAnOwnerMeansRetryNotAPartialAnswer() {
        assertThatThrownBy(() -> PartitionOwners.of(List.of(instance(A, partitions(INPUT, 0)), instance(B, partitions(INPUT, 2))),
                STORE, INPUT, 3))
                .isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("partitions [0, 2] of 3");
    }

    @Test
    void aPartitionWithTwoOwnersMeansRetryNotACountedTwiceAnswer() {
        assertThatThrownBy(() -> PartitionOwners.of(List.of(instance(A, partitions(INPUT, 0, 1)),
                instance(B, partitions(INPUT, 1, 2))), STORE, INPUT, 3))
                .isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("partition 1")
                .hasMessageContaining("two active owners");
    }

    @Test
    void standbyPartitionsAreNotOwners() {
        StreamsMetadata withStandby = new StreamsMetadataImpl(B, Set.of(STORE), Set.of(), Set.of(STORE), partitions(INPUT, 0, 1, 2));
        PartitionOwners owners = PartitionOwners.of(List.of(instance(A, partitions(INPUT, 0, 1, 2)), withStandby), STORE, INPUT, 3);

        assertThat(owners.plan()).extracting(Map.Entry::getKey).containsExactly(A);
    }

    @SafeVarargs
    private static StreamsMetadata instance(HostInfo host, Set<TopicPartition>... active) {
        Set<TopicPartition> all = new HashSet<>();
        for (Set<TopicPartition> partitions : active) {
            all.addAll(partitions);
        }
        return new StreamsMetadataImpl(host, Set.of(STORE), all, Set.of(), Set.of());
    }

    private static Set<TopicPartition> partitions(String topic, int... numbers) {
        return Arrays.stream(numbers).mapToObj(n -> new TopicPartition(topic, n)).collect(Collectors.toSet());
    }
}

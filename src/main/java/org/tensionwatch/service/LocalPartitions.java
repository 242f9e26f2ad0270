package org.tensionwatch.service;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The partitions a local store reader is told to read, in order; a single {@code null} stands for "every local one". */
final class LocalPartitions {

    private LocalPartitions() {
    }

    /** The partitions in order, once {@link #check}ed. */
    static List<Integer> each(Set<Integer> partitions, int count) {
        check(partitions, count);
        return partitions == null ? Collections.singletonList(null) : partitions.stream().sorted().toList();
    }

    /** A partition the store does not have (it has {@code count}) is a bad request, not a 503. */
    static void check(Set<Integer> partitions, int count) {
        if (partitions == null) {
            return;
        }
        for (int partition : partitions) {
            if (partition < 0 || partition >= count) {
                throw new IllegalArgumentException("partition " + partition + " does not exist: the store has partitions 0 to "
                        + (count - 1));
            }
        }
    }
}

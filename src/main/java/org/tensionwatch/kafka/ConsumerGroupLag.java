package org.tensionwatch.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group (a Streams application) is behind the ends of the partitions it has committed offsets for. */
public final class ConsumerGroupLag {

    private ConsumerGroupLag() {
    }

    /**
     * Records the group has not processed yet (committed transactions only), over every partition of the topics it has
     * committed an offset on, counting a partition it has no offset for yet from its first record; empty when the group
     * has committed nothing, e.g. because it never ran on this cluster.
     *
     * @throws IllegalStateException when the cluster cannot be asked in time
     */
    public static java.util.OptionalLong of(String bootstrapServers, String groupId, Duration timeout) {
        return of(KafkaConnection.plaintext(bootstrapServers), groupId, timeout);
    }

    /** As {@link #of(String, String, Duration)}, with the connection's security settings. */
    public static java.util.OptionalLong of(KafkaConnection kafka, String groupId, Duration timeout) {
        Progress progress = progress(kafka, groupId, timeout);
        return progress == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(progress.lag());
    }

    /**
     * How far a group has come: per topic it reads, the offsets it has committed past (summed over partitions, each
     * counted from its first offset still there; transaction markers count as offsets), and its lag as {@link #of}
     * gives it.
     *
     * @param processed per topic, the offsets the group has processed
     */
    public record Progress(Map<String, Long> processed, long lag) {
    }

    /**
     * The group's {@link Progress}; {@code null} when it has committed nothing.
     *
     * @throws IllegalStateException when the cluster cannot be asked in time
     */
    public static Progress progress(KafkaConnection kafka, String groupId, Duration timeout) {
        String bootstrapServers = kafka.bootstrapServers();
        try (Admin admin = Admin.create(kafka.config())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                return null;
            }
            // every partition of the topics it reads, also those it has not committed on yet: a partition whose
            // records no task has processed is behind by all of them, not caught up
            java.util.Set<String> topics = committed.keySet().stream().map(TopicPartition::topic)
                    .collect(Collectors.toSet());
            java.util.List<TopicPartition> partitions = new java.util.ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((topic, description) -> description.partitions()
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin
                    .listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            Map<String, Long> processed = new java.util.TreeMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long first = starts.get(partition).offset();
                long from = done != null ? done.offset() : first;
                lag += Math.max(0, ends.get(partition).offset() - from);
                processed.merge(partition.topic(), Math.max(0, from - first), Long::sum);
            }
            return new Progress(processed, lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the progress of " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask " + bootstrapServers + " for the progress of " + groupId + ": "
                    + e.getMessage(), e);
        }
    }
}

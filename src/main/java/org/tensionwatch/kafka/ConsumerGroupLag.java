package org.tensionwatch.kafka;

import java.time.Duration;
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
     * Records the group has not processed yet, over every partition it committed an offset for (committed transactions
     * only); empty when the group has committed nothing, e.g. because it never ran on this cluster.
     *
     * @throws IllegalStateException when the cluster cannot be asked in time
     */
    public static java.util.OptionalLong of(String bootstrapServers, String groupId, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                return java.util.OptionalLong.empty();
            }
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
            }
            return java.util.OptionalLong.of(lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the progress of " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask " + bootstrapServers + " for the progress of " + groupId + ": "
                    + e.getMessage(), e);
        }
    }
}

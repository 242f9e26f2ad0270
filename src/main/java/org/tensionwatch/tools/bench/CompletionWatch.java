package org.tensionwatch.tools.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.tensionwatch.streams.StoreNames;

/**
 * Tells exactly when a Streams application has processed all of its input: its consumer group's committed offsets
 * have reached the end of the input topic and of every one of its repartition topics (the indicators topology has
 * none since the events topic is partitioned by region; the check stays general).
 *
 * <p>Why that is exact under exactly-once: a task commits its input offsets in the same transaction as everything it
 * wrote for those records (repartition, changelog and output records). Committed input offsets at the end therefore
 * mean that every record the first sub-topology will ever write to a repartition topic is there; the group's offsets
 * are read first and the end offsets after, so a repartition topic whose committed offset has reached its end offset
 * has been fully processed by the next sub-topology, whose output is committed too, and so on to the output topic.
 * Kafka Streams commits the consumer's position when a partition's buffer is empty, which is past the transaction
 * markers, so the committed offsets do reach the end offsets.
 *
 * <p>When the merge step batches reports ({@code IndicatorSettings.mergeInterval}), input committed to the end is not
 * enough: reports may still wait in the task's pending store. The benchmark then also waits until that store is
 * empty ({@link #nothingPending}) and, a moment later, until no transaction is open on the application's output and
 * changelog topics ({@link #noOpenTransactions}): the end offset read with read_committed equals the end offset.
 */
final class CompletionWatch {

    private final Admin admin;
    private final String applicationId;
    private final String inputTopic;

    CompletionWatch(Admin admin, String applicationId, String inputTopic) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.inputTopic = inputTopic;
    }

    /** What the group has committed so far and what is left. */
    record Progress(long committedInput, long endInput, long lagInternal) {
        boolean done() {
            return committedInput == endInput && lagInternal == 0;
        }
    }

    Progress progress() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        List<String> internal = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
                .sorted().toList();
        List<String> topics = new ArrayList<>(internal);
        topics.add(inputTopic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        long committedInput = 0;
        long endInput = 0;
        long lagInternal = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long at = offset == null ? 0 : offset.offset();
            if (end.getKey().topic().equals(inputTopic)) {
                committedInput += at;
                endInput += end.getValue();
            } else {
                lagInternal += Math.max(0, end.getValue() - at);
            }
        }
        return new Progress(committedInput, endInput, lagInternal);
    }

    /**
     * Whether no report waits in the merge step's pending store: its number of entries, which for the in-memory store
     * is the size of its map, exact. (Iterating it from this thread is not safe: Kafka's in-memory iterator skips keys
     * deleted under it by recursion, one frame per key, and overflowed the stack when a merge removed thousands.) False
     * while the store cannot be queried (a rebalance); the next poll asks again.
     */
    static boolean nothingPending(KafkaStreams streams) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.PENDING_REPORTS,
                    QueryableStoreTypes.<String, Object>keyValueStore())).approximateNumEntries() == 0;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    /** Whether every partition of these topics and of the application's changelogs has no open transaction. */
    boolean noOpenTransactions(List<String> outputs) throws ExecutionException, InterruptedException {
        List<String> topics = new ArrayList<>(admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-changelog")).toList());
        topics.addAll(outputs);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> end = offsets(latest, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> stable = offsets(latest, IsolationLevel.READ_COMMITTED);
        return end.equals(stable);
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        return admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}

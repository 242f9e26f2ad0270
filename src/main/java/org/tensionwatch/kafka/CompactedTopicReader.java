package org.tensionwatch.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a compacted topic from its beginning to its current end, without a consumer group, and keeps the latest value
 * of each key (a tombstone removes the key): what the topic holds now.
 */
public final class CompactedTopicReader {

    /** The topic does not exist on the cluster. */
    public static final class MissingTopicException extends RuntimeException {
        MissingTopicException(String message) {
            super(message);
        }
    }

    private CompactedTopicReader() {
    }

    /**
     * The latest value of every key that {@code keys} accepts.
     *
     * @param timeout how long to wait for the cluster and for the records, in all
     * @throws MissingTopicException when the topic does not exist
     * @throws IllegalStateException when the cluster cannot be reached, a record cannot be decoded, or the end is not
     *     reached in time
     */
    public static <K, V> Map<K, V> latestValues(String bootstrapServers, Topic<K, V> topic, Predicate<K> keys,
            Duration timeout) {
        return latestValues(KafkaConnection.plaintext(bootstrapServers), topic, keys, timeout);
    }

    /** As {@link #latestValues(String, Topic, Predicate, Duration)}, with the connection's security settings. */
    public static <K, V> Map<K, V> latestValues(KafkaConnection kafka, Topic<K, V> topic, Predicate<K> keys,
            Duration timeout) {
        String bootstrapServers = kafka.bootstrapServers();
        Instant deadline = Instant.now().plus(timeout);
        Properties props = kafka.properties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the service writes with transactions: aborted records are not part of what the topic holds
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tension-watch-reader-" + topic.name());
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            if (!consumer.listTopics(remaining(deadline)).containsKey(topic.name())) {
                throw new MissingTopicException("there is no topic " + topic.name() + " on " + bootstrapServers);
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), remaining(deadline)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, remaining(deadline));
            Map<K, V> latest = new HashMap<>();
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("did not reach the end of " + topic.name() + " within " + timeout);
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!keys.test(record.key())) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
            return latest;
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within " + timeout, e);
        } catch (RecordDeserializationException e) {
            throw new IllegalStateException("cannot decode the record at " + e.topicPartition() + " offset " + e.offset()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

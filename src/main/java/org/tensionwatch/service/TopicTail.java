package org.tensionwatch.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.kafka.Topic;

/**
 * Reads one topic from a chosen point on, for one subscriber: a consumer with no group that is
 * assigned every partition and reads only committed records ({@code read_committed}: the
 * service's producers are transactional). After every record it knows the next offset of every
 * partition, the {@link ResumeToken} a subscriber gives back to continue exactly after that record.
 *
 * <p>Not thread-safe, like the consumer it wraps: one thread opens, polls and closes it.
 */
public final class TopicTail<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);
    private static final AtomicLong CLIENT_IDS = new AtomicLong();

    /** Where a tail starts. */
    public sealed interface Start permits Latest, Since, Resume {
    }

    /** Only records written from now on. */
    public record Latest() implements Start {
    }

    /** Every record whose Kafka timestamp is at or after {@code time}, then everything new. */
    public record Since(Instant time) implements Start {
        public Since {
            Objects.requireNonNull(time, "time == null");
        }
    }

    /** Exactly after the record whose event carried this token. Partitions the token lacks start at their beginning. */
    public record Resume(ResumeToken token) implements Start {
        public Resume {
            Objects.requireNonNull(token, "token == null");
        }
    }

    /**
     * One record read.
     *
     * @param value the decoded value, {@code null} for a tombstone
     * @param token where to resume to continue after this record
     */
    public record Delivery<V>(String key, V value, int partition, long offset, Instant timestamp, ResumeToken token) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Deserializer<V> values;
    private final Map<Integer, Long> next = new TreeMap<>();
    private final List<TopicPartition> partitions;

    private TopicTail(KafkaConsumer<byte[], byte[]> consumer, Topic<String, V> topic, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.topic = topic.name();
        this.values = topic.valueSerde().deserializer();
        this.partitions = partitions;
    }

    /**
     * A tail positioned at {@code start}.
     *
     * @throws IllegalArgumentException when a resume token does not fit the topic (a partition it does not have,
     *         or an offset past its end: a token of another topic or of a deleted and re-created one)
     */
    public static <V> TopicTail<V> open(String bootstrapServers, Topic<String, V> topic, Start start) {
        return open(org.tensionwatch.kafka.KafkaConnection.plaintext(bootstrapServers), topic, start);
    }

    /** As {@link #open(String, Topic, Start)}, with the connection's security settings. */
    public static <V> TopicTail<V> open(org.tensionwatch.kafka.KafkaConnection kafka, Topic<String, V> topic, Start start) {
        Properties props = kafka.properties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tension-stream-" + topic.name() + "-" + CLIENT_IDS.incrementAndGet());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // an offset that retention has since deleted: continue from the oldest record still there
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), METADATA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            TopicTail<V> tail = new TopicTail<>(consumer, topic, partitions);
            tail.seek(start);
            return tail;
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    private void seek(Start start) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA_TIMEOUT);
        Map<TopicPartition, Long> targets = new HashMap<>();
        if (start instanceof Latest) {
            targets.putAll(ends);
        } else if (start instanceof Since since) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since.time().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                targets.put(tp, at == null ? ends.get(tp) : at.offset());
            }
        } else if (start instanceof Resume resume) {
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
            for (Map.Entry<Integer, Long> entry : resume.token().nextOffsets().entrySet()) {
                TopicPartition tp = new TopicPartition(topic, entry.getKey());
                if (!ends.containsKey(tp)) {
                    throw new IllegalArgumentException("the Last-Event-ID names partition " + entry.getKey()
                            + ", but " + topic + " has " + partitions.size() + " partition(s); it is not a token of this stream");
                }
                if (entry.getValue() > ends.get(tp)) {
                    throw new IllegalArgumentException("the Last-Event-ID is ahead of " + topic + " (partition "
                            + entry.getKey() + " ends at offset " + ends.get(tp) + ", the token says " + entry.getValue()
                            + "): it is not a token of this stream, or the topic was re-created");
                }
            }
            for (TopicPartition tp : partitions) {
                Long offset = resume.token().nextOffsets().get(tp.partition());
                // a partition the token does not know was added later: all of it is new to the subscriber
                targets.put(tp, offset == null ? beginnings.get(tp) : offset);
            }
        }
        targets.forEach(consumer::seek);
        for (TopicPartition tp : partitions) {
            next.put(tp.partition(), consumer.position(tp, METADATA_TIMEOUT));
        }
    }

    /** The token of the current position: resuming with it reads what this tail has not returned yet. */
    public ResumeToken position() {
        return new ResumeToken(next);
    }

    /** The records that arrive within {@code timeout} (none if none), each with the token to resume after it. */
    public List<Delivery<V>> poll(Duration timeout) {
        List<Delivery<V>> deliveries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            next.put(record.partition(), record.offset() + 1);
            String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
            V value;
            try {
                value = values.deserialize(topic, record.value());
            } catch (RuntimeException e) {
                LOG.warn("Skipping record {}-{}@{} that cannot be decoded: {}", topic, record.partition(), record.offset(),
                        e.getMessage());
                continue;
            }
            deliveries.add(new Delivery<>(key, value, record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), new ResumeToken(next)));
        }
        // read_committed skips transaction markers: the positions are past them, and a later token may say so
        for (TopicPartition tp : partitions) {
            next.put(tp.partition(), consumer.position(tp, METADATA_TIMEOUT));
        }
        return deliveries;
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

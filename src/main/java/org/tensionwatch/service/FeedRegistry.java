package org.tensionwatch.service;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.feeds.FeedRecord;
import org.tensionwatch.kafka.JsonSerde;
import org.tensionwatch.kafka.KafkaConnection;
import org.tensionwatch.kafka.TopicCreator;

/**
 * The feeds topic ({@code tension.feeds}, compacted, one JSON record per feed keyed by its id): every instance reads
 * all of it into memory (what {@code GET /api/feeds} shows), and writes a feed's definition when it is added and its
 * state after each poll, so that both outlive a restart and every instance sees them.
 *
 * <p>Which instance polls a feed: the one that the consumer group {@code PREFIX-feeds} assigns the feed record's
 * partition to. A single instance owns every partition; when a second joins, the group splits the partitions, and
 * when one stops the other takes them over after the session timeout. A feed is polled by one instance at a time,
 * except for the moments of a hand-over, when one poll may overlap (it publishes the same article ids, so nothing
 * is counted twice).
 */
public final class FeedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRegistry.class);

    /** A feed record as read, with the partition that decides who polls it. */
    record Entry(FeedRecord record, int partition) {
    }

    private final String topic;
    private final Serde<FeedRecord> serde = JsonSerde.of(FeedRecord.class);
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> view;
    private final KafkaConsumer<String, byte[]> group;
    private final Map<String, Entry> feeds = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    /** How the feeds topic is created: compacted, the latest record of each feed kept. */
    public static final Map<String, String> TOPIC_CONFIG = Map.of("cleanup.policy", "compact");

    FeedRegistry(KafkaConnection kafka, String topic, String groupId, int partitions, short replicationFactor) {
        this.topic = topic;
        TopicCreator.createMissing(kafka, Map.of(topic, TOPIC_CONFIG), partitions, replicationFactor);
        Properties producerProps = kafka.properties();
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "tension-watch-feeds");
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        Properties viewProps = kafka.properties();
        viewProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        viewProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "tension-watch-feeds-view");
        this.view = new KafkaConsumer<>(viewProps, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        Properties groupProps = kafka.properties();
        groupProps.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        groupProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        groupProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "tension-watch-feeds-owner");
        groupProps.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        groupProps.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "2500");
        groupProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.group = new KafkaConsumer<>(groupProps, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        List<TopicPartition> all = partitionsOf(topic);
        view.assign(all);
        view.seekToBeginning(all);
        Map<TopicPartition, Long> end = view.endOffsets(all, Duration.ofSeconds(30));
        group.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(p -> owned.remove(p.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                partitions.forEach(p -> owned.add(p.partition()));
                LOG.info("This instance polls the feeds of partitions {} of {}", owned, topic);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                onPartitionsRevoked(partitions);
            }
        });
        this.reader = new Thread(() -> readLoop(end), "feeds-topic-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The topic's partitions, once the cluster's metadata has them (a topic just created may not be there yet). */
    private List<TopicPartition> partitionsOf(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<TopicPartition> partitions = view.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the topic " + topic + " has no partitions a minute after its creation");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + topic, e);
            }
        }
    }

    private void readLoop(Map<TopicPartition, Long> end) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : view.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        feeds.remove(record.key());
                        continue;
                    }
                    try {
                        feeds.put(record.key(), new Entry(serde.deserializer().deserialize(topic, record.value()),
                                record.partition()));
                    } catch (RuntimeException e) {
                        LOG.warn("Feed record {} at offset {} of {} cannot be read; ignored: {}", record.key(),
                                record.offset(), topic, e.getMessage());
                    }
                }
                if (!caughtUp && end.entrySet().stream().allMatch(e -> view.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.info("Read {} feeds from {}", feeds.size(), topic);
                }
                // the group consumer only holds this instance's share of partitions; it reads nothing of its own
                group.poll(Duration.ZERO);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The feeds topic reader stopped; feeds are no longer polled by this instance", e);
        }
    }

    /** Whether the topic was read up to where it ended at start-up. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Every feed, by id. */
    Map<String, Entry> all() {
        return Map.copyOf(feeds);
    }

    Optional<FeedRecord> get(String id) {
        return Optional.ofNullable(feeds.get(id)).map(Entry::record);
    }

    /** Whether this instance polls the feed now. */
    boolean owns(Entry entry) {
        return owned.contains(entry.partition());
    }

    /** How many partitions this instance owns. */
    int ownedPartitions() {
        return owned.size();
    }

    /** Writes a feed and waits until the broker has it; the local view has it at once. */
    void put(FeedRecord record) {
        String id = record.definition().id();
        try {
            var metadata = producer.send(new ProducerRecord<>(topic, id, serde.serializer().serialize(topic, record)))
                    .get(30, TimeUnit.SECONDS);
            feeds.put(id, new Entry(record, metadata.partition()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing feed " + id, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not take feed " + id + ": " + e.getMessage(), e);
        }
    }

    /** Removes a feed (a tombstone); answers whether it was there. */
    boolean remove(String id) {
        Entry gone = feeds.remove(id);
        try {
            producer.send(new ProducerRecord<>(topic, id, null)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing feed " + id, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not take the removal of feed " + id + ": " + e.getMessage(), e);
        }
        return gone != null;
    }

    @Override
    public void close() {
        running = false;
        view.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        view.close(Duration.ofSeconds(2));
        group.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(5));
    }
}

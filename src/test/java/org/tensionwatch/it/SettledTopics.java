package org.tensionwatch.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.Topics;

/**
 * What a consumer of the public topics ends with: each canonical event ({@code "event " + key}) and daily row
 * ({@code "row " + key}) by its key, tombstones removing. Runs that must agree are compared with {@link #difference}.
 */
final class SettledTopics {

    private static final Topics TOPICS = Topics.defaults();

    private SettledTopics() {
    }

    /**
     * The topics once the three applications have processed every record and two reads two seconds apart agree (the
     * last merge of waiting reports follows the input by a second).
     */
    static Map<String, String> settled(String bootstrapServers) {
        Map<String, String> last = new HashMap<>();
        Map<String, String> settled = new TreeMap<>();
        await("caught up and settled").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (!ServiceProcess.caughtUp(bootstrapServers)) {
                return false;
            }
            Map<String, String> now = new TreeMap<>();
            read(bootstrapServers, TOPICS.canonicalEvents(), "event ", now);
            read(bootstrapServers, TOPICS.indicators(), "row ", now);
            boolean same = now.equals(last) && !now.isEmpty();
            last.clear();
            last.putAll(now);
            if (same) {
                settled.putAll(now);
            }
            return same;
        });
        return settled;
    }

    /**
     * The topic read from its start to its end (committed records only), the latest value of each key; a tombstone, or
     * a day row left without events, removes it.
     */
    private static <V> void read(String bootstrapServers, Topic<String, V> topic, String prefix, Map<String, String> into) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Deserializer<V> values = topic.valueSerde().deserializer();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, topic.keySerde().deserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() == null || r.value() instanceof org.tensionwatch.avro.RegionIndicators row
                            && row.getEvents() == 0) {
                        into.remove(prefix + r.key());
                    } else {
                        into.put(prefix + r.key(), r.value().toString());
                    }
                });
            }
        }
    }

    /** Keys whose values differ, with both values, for a readable failure. */
    static Map<String, String> difference(Map<String, String> expected, Map<String, String> actual) {
        Map<String, String> differ = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                differ.put(k, "expected " + v + "\n    but was " + actual.get(k));
            }
        });
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                differ.put(k, "unexpected " + v);
            }
        });
        return differ;
    }
}

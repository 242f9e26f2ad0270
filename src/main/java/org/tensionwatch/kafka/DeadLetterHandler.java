package org.tensionwatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded (a foreign producer, a schema this service does not know, a damaged or crafted
 * value) is copied to the dead-letter topic, with headers that say where it came from and why, and the stream goes
 * on: one bad record must not stop the indicators of every region. A record too large to copy whole with those headers
 * (a value of nearly the broker's 1 MB limit) is copied truncated to {@link #MAX_COPY_BYTES}, and says so in
 * {@code dlq.truncated}: copied whole it would be refused by the producer, the handler would fail, and the stream would
 * re-read the record forever.
 *
 * <p>Each record sent is counted in the {@link DeadLetterCount} found in the Streams properties under
 * {@code DeadLetterCount.class.getName()} (the service's, which {@code StreamsApplications} passes); configured
 * without one (a test's or a benchmark's topology), the handler counts nothing.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Streams config key naming the dead-letter topic. */
    public static final String TOPIC_CONFIG = "tension.dead-letter.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    /**
     * The most of a record's key, value and headers copied to the dead-letter topic: well under the producer's
     * {@code max.request.size} and the broker's {@code message.max.bytes} (both about 1 MB), with room for the headers
     * added here and the record's framing.
     */
    public static final int MAX_COPY_BYTES = 900_000;
    /** The most of an error message kept in {@code dlq.error}. */
    static final int MAX_ERROR_CHARS = 2_000;

    private Properties producerConfig;
    private KafkaProducer<byte[], byte[]> producer;
    private String topic;
    /** Where the records sent are counted; null when the properties hold none. */
    private DeadLetterCount count;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(TOPIC_CONFIG));
        // the service's count (StreamsApplications passes it); none for a topology started without one
        count = configs.get(DeadLetterCount.class.getName()) instanceof DeadLetterCount given ? given : null;
        Properties props = new Properties();
        // the Streams application's own connection, security settings included (StreamsApplications passes it)
        if (configs.get(KafkaConnection.class.getName()) instanceof KafkaConnection kafka) {
            props.putAll(kafka.properties());
        }
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get("bootstrap.servers"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, configs.get("application.id") + "-dead-letter");
        producerConfig = props;
    }

    // created on the first bad record: most runs never need it, and a handler has no close hook
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        LOG.warn("Undecodable record at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                topic, exception.getMessage());
        if (!send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers(),
                String.valueOf(exception.getMessage()))) {
            return DeserializationHandlerResponse.FAIL;
        }
        return DeserializationHandlerResponse.CONTINUE;
    }

    /**
     * Copies a record to the dead-letter topic, truncated if need be, and waits for the broker; {@code false} when it
     * could not (then the stream stops rather than lose the record).
     */
    boolean send(String sourceTopic, int partition, long offset, byte[] key, byte[] value, Headers original,
            String error) {
        ProducerRecord<byte[], byte[]> copy = copy(topic, sourceTopic, partition, offset, key, value, original, error);
        try {
            producer().send(copy).get();
        } catch (Exception e) {
            LOG.error("Cannot write to dead-letter topic {}; stopping rather than losing the record", topic, e);
            return false;
        }
        if (count != null) {
            count.recordSent();
        }
        return true;
    }

    /**
     * The dead-letter record of a source record: its key, value and headers as they came, with the dead-letter
     * headers; when they would take more than {@link #MAX_COPY_BYTES}, the original headers are left out if they are
     * large, and the key and value are cut to fit, which {@code dlq.truncated} tells with their original sizes.
     */
    static ProducerRecord<byte[], byte[]> copy(String deadLetterTopic, String sourceTopic, int partition, long offset,
            byte[] key, byte[] value, Headers original, String error) {
        String reason = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "..." : error;
        int keyBytes = key == null ? 0 : key.length;
        int valueBytes = value == null ? 0 : value.length;
        int headerBytes = headerBytesOf(original);
        if (keyBytes + valueBytes + headerBytes <= MAX_COPY_BYTES) {
            return new ProducerRecord<>(deadLetterTopic, null, key, value,
                    headers(original, sourceTopic, partition, offset, reason));
        }
        List<String> cut = new ArrayList<>();
        Headers kept = original;
        if (headerBytes > MAX_COPY_BYTES / 4) {
            kept = new RecordHeaders();
            headerBytes = 0;
            cut.add("original headers (" + headerBytesOf(original) + " bytes) left out");
        }
        byte[] keptKey = key;
        if (keyBytes > MAX_COPY_BYTES / 4) {
            keptKey = Arrays.copyOf(key, MAX_COPY_BYTES / 4);
            cut.add("key: first " + keptKey.length + " of " + keyBytes + " bytes");
        }
        byte[] keptValue = value;
        int room = MAX_COPY_BYTES - headerBytes - (keptKey == null ? 0 : keptKey.length);
        if (valueBytes > room) {
            keptValue = Arrays.copyOf(value, room);
            cut.add("value: first " + room + " of " + valueBytes + " bytes");
        }
        RecordHeaders headers = headers(kept, sourceTopic, partition, offset, reason);
        headers.add("dlq.truncated", bytes(String.join("; ", cut)));
        return new ProducerRecord<>(deadLetterTopic, null, keptKey, keptValue, headers);
    }

    private static int headerBytesOf(Headers headers) {
        int total = 0;
        for (Header header : headers) {
            total += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return total;
    }

    /**
     * The record's own headers plus {@code dlq.source.topic}, {@code dlq.source.partition},
     * {@code dlq.source.offset} and {@code dlq.error}: the convention of every record sent to the
     * dead-letter topic, whoever sends it.
     */
    public static RecordHeaders headers(ConsumerRecord<?, ?> record, String error) {
        return headers(record.headers(), record.topic(), record.partition(), record.offset(), error);
    }

    /** The same headers for a record known by its own headers and position (a Streams processor's record). */
    public static RecordHeaders headers(Headers original, String topic, int partition, long offset, String error) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.add("dlq.source.topic", bytes(topic));
        headers.add("dlq.source.partition", bytes(String.valueOf(partition)));
        headers.add("dlq.source.offset", bytes(String.valueOf(offset)));
        headers.add("dlq.error", bytes(error));
        return headers;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

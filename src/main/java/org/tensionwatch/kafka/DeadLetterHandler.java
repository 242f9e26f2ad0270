package org.tensionwatch.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be decoded (a foreign producer, a schema this service does not know) is
 * copied as it is to the dead-letter topic, with headers that say where it came from and why,
 * and the stream goes on: one bad record must not stop the indicators of every region.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** Streams config key naming the dead-letter topic. */
    public static final String TOPIC_CONFIG = "tension.dead-letter.topic";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final AtomicLong RECORDS_SENT = new AtomicLong();

    private Properties producerConfig;
    private KafkaProducer<byte[], byte[]> producer;
    private String topic;

    /** Records sent to the dead-letter topic by this JVM (by the streams and the webhook), for the metrics endpoint. */
    public static long recordsSent() {
        return RECORDS_SENT.get();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        topic = String.valueOf(configs.get(TOPIC_CONFIG));
        Properties props = new Properties();
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
        RecordHeaders headers = headers(record, String.valueOf(exception.getMessage()));
        try {
            producer().send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get();
        } catch (Exception e) {
            LOG.error("Cannot write to dead-letter topic {}; stopping rather than losing the record", topic, e);
            return DeserializationHandlerResponse.FAIL;
        }
        RECORDS_SENT.incrementAndGet();
        return DeserializationHandlerResponse.CONTINUE;
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

    /** Counts a record another part of the service (the webhook) sent to the dead-letter topic. */
    public static void countSent() {
        RECORDS_SENT.incrementAndGet();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterHandlerTest {

    private static final byte[] KEY = "bad-1".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void shouldCountTheRecordsItSendsInTheCountItWasConfiguredWithOnly() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("dl", 1, (short) 1))).all().get();
            }
            DeadLetterCount count = new DeadLetterCount();
            DeadLetterHandler counted = new DeadLetterHandler();
            counted.configure(configs(broker, "counted", count));
            // a topology started without a count (a test's, a benchmark's): its records are sent, and counted nowhere
            DeadLetterHandler uncounted = new DeadLetterHandler();
            uncounted.configure(configs(broker, "uncounted", null));
            ConsumerRecord<byte[], byte[]> bad = new ConsumerRecord<>("tension.events", 0, 5, KEY, new byte[] {9});

            assertThat(counted.handle((ErrorHandlerContext) null, bad, new IllegalArgumentException("not Avro")))
                    .isEqualTo(DeserializationHandlerResponse.CONTINUE);
            assertThat(uncounted.handle((ErrorHandlerContext) null, bad, new IllegalArgumentException("not Avro")))
                    .isEqualTo(DeserializationHandlerResponse.CONTINUE);
            assertThat(count.sent()).isEqualTo(1);
        }
    }

    /** Streams properties as StreamsApplications gives them, objects included. */
    private static Map<String, Object> configs(EmbeddedKafkaBroker broker, String applicationId, DeadLetterCount count) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("application.id", applicationId);
        configs.put("bootstrap.servers", broker.bootstrapServers());
        configs.put(DeadLetterHandler.TOPIC_CONFIG, "dl");
        // a handler has no close hook, so its producer outlives the broker: it should not try to reconnect every
        // second for the rest of the test run
        configs.put(KafkaConnection.class.getName(), new KafkaConnection(broker.bootstrapServers(),
                Map.of("reconnect.backoff.ms", "3600000", "reconnect.backoff.max.ms", "3600000")));
        if (count != null) {
            configs.put(DeadLetterCount.class.getName(), count);
        }
        return configs;
    }

    @Test
    void shouldCopyARecordWholeWithItsOriginAndReason() {
        RecordHeaders original = new RecordHeaders();
        original.add("trace", new byte[] {1, 2});
        byte[] value = new byte[1000];
        ProducerRecord<byte[], byte[]> copy = DeadLetterHandler.copy("dl", "tension.events", 2, 42, KEY, value, original,
                "not Avro");
        assertThat(copy.topic()).isEqualTo("dl");
        assertThat(copy.key()).isEqualTo(KEY);
        assertThat(copy.value()).isEqualTo(value);
        assertThat(header(copy, "trace")).isEqualTo("\u0001\u0002");
        assertThat(header(copy, "dlq.source.topic")).isEqualTo("tension.events");
        assertThat(header(copy, "dlq.source.partition")).isEqualTo("2");
        assertThat(header(copy, "dlq.source.offset")).isEqualTo("42");
        assertThat(header(copy, "dlq.error")).isEqualTo("not Avro");
        assertThat(copy.headers().lastHeader("dlq.truncated")).isNull();
    }

    @Test
    void shouldTruncateARecordTooLargeToCopyWholeAndSaySo() {
        byte[] value = new byte[BadRecords.OVERSIZED_BYTES];
        value[0] = 7;
        ProducerRecord<byte[], byte[]> copy = DeadLetterHandler.copy("dl", "tension.articles", 0, 9, KEY, value,
                new RecordHeaders(), "x".repeat(100_000));
        assertThat(copy.value()).hasSize(DeadLetterHandler.MAX_COPY_BYTES - KEY.length).startsWith(7);
        assertThat(header(copy, "dlq.truncated")).isEqualTo("value: first 899995 of 1048400 bytes");
        assertThat(header(copy, "dlq.error")).hasSize(DeadLetterHandler.MAX_ERROR_CHARS + 3);
        assertThat(header(copy, "dlq.source.offset")).isEqualTo("9");
        assertThat(size(copy)).as("under the producer's max.request.size with room for framing").isLessThan(1_000_000);
    }

    @Test
    void shouldLeaveOutLargeHeadersAndCutALargeKey() {
        RecordHeaders original = new RecordHeaders();
        original.add("huge", new byte[600_000]);
        byte[] key = new byte[600_000];
        ProducerRecord<byte[], byte[]> copy = DeadLetterHandler.copy("dl", "tension.events", 0, 1, key, new byte[10],
                original, "bad");
        assertThat(copy.headers().lastHeader("huge")).isNull();
        assertThat(copy.key()).hasSize(DeadLetterHandler.MAX_COPY_BYTES / 4);
        assertThat(copy.value()).hasSize(10);
        assertThat(header(copy, "dlq.truncated"))
                .isEqualTo("original headers (600004 bytes) left out; key: first 225000 of 600000 bytes");
        assertThat(size(copy)).isLessThan(1_000_000);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int size(ProducerRecord<byte[], byte[]> record) {
        int size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
        for (Header header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }
}

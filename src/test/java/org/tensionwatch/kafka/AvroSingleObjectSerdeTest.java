package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.CanonicalEventReport;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;

/**
 * The serde of the public topics reads what it writes, and refuses everything else with a SerializationException (which
 * the streams send to the dead-letter topic) without allocating what a length prefix claims.
 */
class AvroSingleObjectSerdeTest {

    private static final Topics TOPICS = Topics.defaults();

    static Article article() {
        return Article.newBuilder().setId("a1").setUrl("https://example.org/a1").setSource("Adriatic Wire")
                .setTitle("Clashes in Zvecan").setBody("Police said 34 peacekeepers were injured in Zvecan on Monday.")
                .setPublishedAt(Instant.parse("2026-10-01T10:00:00Z")).setIngestedAt(Instant.parse("2026-10-01T10:05:00Z"))
                .build();
    }

    static CanonicalEvent canonicalEvent() {
        CanonicalEventReport report = CanonicalEventReport.newBuilder().setEventId("a1#0").setArticleId("a1")
                .setSource("Adriatic Wire").setUrl("https://example.org/a1").setCount(34L).setQualifier(CountQualifier.EXACT)
                .setPublishedAt(Instant.parse("2026-10-01T10:00:00Z")).setEvidence("34 peacekeepers were injured").build();
        return CanonicalEvent.newBuilder().setId("XK|INJURY|kfor|2026-10-01").setRegion("XK").setType(EventType.INJURY)
                .setActorGroup("kfor").setActor("peacekeepers").setLocation("Zvecan").setOccurredOn(LocalDate.parse("2026-10-01"))
                .setLow(34L).setBest(34L).setHigh(34L).setBestQualifier(CountQualifier.EXACT).setLevel(null).setArticleCount(2)
                .setSources(List.of("Adriatic Wire", "Danube Post")).setReports(List.of(report, report))
                .setFirstSeen(Instant.parse("2026-10-01T10:00:00Z")).setLastSeen(Instant.parse("2026-10-01T11:00:00Z"))
                .build();
    }

    @Test
    void shouldReadWhatItWrites() {
        assertRoundTrip(TOPICS.articles().valueSerde(), article());
        assertRoundTrip(TOPICS.canonicalEvents().valueSerde(), canonicalEvent());
    }

    @Test
    void shouldRefuseAStringLengthOfTwoGigabytesWithoutAllocatingIt() {
        byte[] bomb = BadRecords.stringLengthBomb(Article.getClassSchema());
        assertThat(bomb).hasSize(15);
        // without the bounds check the decoder allocates 2^31-9 bytes first: OutOfMemoryError, or with enough heap an
        // end-of-stream error that does not say why
        assertThatThrownBy(() -> TOPICS.articles().valueSerde().deserializer().deserialize("tension.articles", bomb))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string of length 2147483639 at byte 15 with 0 bytes left in the record");
    }

    @Test
    void shouldRefuseAnArrayOfMoreItemsThanBytesLeft() {
        Schema strings = new Schema.Parser().parse("{\"type\": \"array\", \"items\": \"string\"}");
        byte[] body = BadRecords.concat(BadRecords.varint(Integer.MAX_VALUE), new byte[] {0, 0});
        assertThatThrownBy(() -> AvroBounds.check(strings, body, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("array block of 2147483647 items at byte 5 with 2 bytes left");
        byte[] blockBytes = BadRecords.concat(BadRecords.varint(-2), BadRecords.varint(1L << 40), new byte[] {0, 0});
        assertThatThrownBy(() -> AvroBounds.check(strings, blockBytes, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("block of 1099511627776 bytes");
    }

    @Test
    void shouldRefuseEveryKindOfBadRecordWithASerializationException() {
        assertRefusesAll(TOPICS.articles().valueSerde(), Article.getClassSchema(), article());
        assertRefusesAll(TOPICS.canonicalEvents().valueSerde(), CanonicalEvent.getClassSchema(), canonicalEvent());
        assertRefusesAll(TOPICS.events().valueSerde(), ConflictEvent.getClassSchema(), ConflictEvent.newBuilder()
                .setId("a1#0").setArticleId("a1").setType(EventType.ARREST).setCountryCode("XK")
                .setPublishedAt(Instant.parse("2026-10-01T10:00:00Z")).setEvidence("Police arrested 4.").setConfidence(0.9)
                .setExtractorVersion("test").build());
    }

    @Test
    void shouldRefuseEveryPrefixOfAValidRecord() {
        Serde<CanonicalEvent> serde = TOPICS.canonicalEvents().valueSerde();
        byte[] valid = serde.serializer().serialize("t", canonicalEvent());
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", prefix)).as("first %d bytes", length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    @Test
    void shouldEitherDecodeOrRefuseAValidRecordWithRandomBytesChanged() {
        Serde<CanonicalEvent> serde = TOPICS.canonicalEvents().valueSerde();
        byte[] valid = serde.serializer().serialize("t", canonicalEvent());
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = valid.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                mutated[10 + random.nextInt(mutated.length - 10)] = (byte) random.nextInt(256);
            }
            try {
                serde.deserializer().deserialize("t", mutated);
            } catch (SerializationException refused) {
                // as it should: anything else (an Error, another exception) fails the test
            }
        }
    }

    private static <T extends SpecificRecord> void assertRoundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }

    private static <T extends SpecificRecord> void assertRefusesAll(Serde<T> serde, Schema schema, T valid) {
        Map<String, byte[]> bad = BadRecords.all(schema, serde.serializer().serialize("t", valid));
        bad.forEach((name, bytes) -> assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes)).as(name)
                .isInstanceOf(SerializationException.class));
    }
}

package org.tensionwatch.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding for Kafka: every message carries its writer schema's fingerprint, and
 * messages written with an older schema are read through a {@link SchemaStore} that knows it. No
 * schema registry is needed; this is the one place to swap in a registry-backed serde later.
 *
 * <p>Before a message is decoded, its body is checked against its writer schema ({@link AvroBounds}): a length or
 * count longer than the rest of the message is refused as undecodable instead of being allocated.
 */
public final class AvroSingleObjectSerde<T extends SpecificRecord> implements Serde<T> {

    /** The marker C3 01 and the writer schema's 8-byte fingerprint, little-endian. */
    private static final int HEADER_BYTES = 10;

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    /** Every schema this serde reads, by fingerprint, for the bounds check. */
    private final Map<Long, Schema> writerSchemas = new HashMap<>();

    private AvroSingleObjectSerde(Class<T> type, Schema schema, Collection<Schema> olderSchemas) {
        this.type = type;
        SchemaStore.Cache store = new SchemaStore.Cache();
        olderSchemas.forEach(store::addSchema);
        writerSchemas.put(SchemaNormalization.parsingFingerprint64(schema), schema);
        olderSchemas.forEach(older -> writerSchemas.put(SchemaNormalization.parsingFingerprint64(older), older));
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema, store);
    }

    /**
     * A serde for a generated Avro class.
     *
     * @param olderSchemas earlier versions of the schema whose messages must still be readable
     */
    public static <T extends SpecificRecord> AvroSingleObjectSerde<T> of(Class<T> type, Collection<Schema> olderSchemas) {
        return new AvroSingleObjectSerde<>(type, SpecificData.get().getSchema(type), olderSchemas);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteBuffer buffer = encoder.encode(value);
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                checkBounds(bytes);
                return decoder.decode(bytes);
            } catch (MissingSchemaException e) {
                throw new SerializationException("message on " + topic + " was written with a " + type.getSimpleName()
                        + " schema this service does not know (add it to schemas/history/): " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("message on " + topic + " is not a single-object encoded "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * Refuses a body whose lengths cannot be right before the decoder allocates them. A header that is not
     * single-object encoding, or names a schema this serde does not know, is left to the decoder, which refuses it
     * without reading the body.
     */
    private void checkBounds(byte[] bytes) throws IOException {
        if (bytes.length < HEADER_BYTES || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            return;
        }
        Schema writer = writerSchemas.get(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        if (writer != null) {
            AvroBounds.check(writer, bytes, HEADER_BYTES);
        }
    }
}

package org.tensionwatch.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.kafka.JsonSerde;

/**
 * Serdes of the indicators topology's internal values in {@link CompactCodec} form, marked by a leading format byte.
 * Values written as JSON by earlier versions (they start with '{') are still read, so existing state stores and
 * repartition topics need no reset.
 */
final class CompactSerde<T> implements Serde<T> {

    private static final byte FORMAT_V1 = 1;

    private final Class<T> type;
    private final Writer<T> writer;
    private final Reader<T> reader;
    private final JsonSerde<T> json;

    private CompactSerde(Class<T> type, Writer<T> writer, Reader<T> reader) {
        this.type = type;
        this.writer = writer;
        this.reader = reader;
        this.json = JsonSerde.of(type);
    }

    static CompactSerde<CanonicalEventList> canonicalEventList() {
        return new CompactSerde<>(CanonicalEventList.class, (out, list) -> CompactCodec.writeEvents(out, list.events()),
                in -> new CanonicalEventList(CompactCodec.readEvents(in)));
    }

    static CompactSerde<CanonicalEvent> canonicalEvent() {
        return new CompactSerde<>(CanonicalEvent.class, CompactCodec::writeEvent, CompactCodec::readEvent);
    }

    static CompactSerde<EventReport> eventReport() {
        return new CompactSerde<>(EventReport.class, CompactCodec::writeReport, CompactCodec::readReport);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(FORMAT_V1);
                writer.write(out, value);
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> fromJson = json.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return fromJson.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] != FORMAT_V1) {
                throw new SerializationException("not a compact " + type.getSimpleName() + " on " + topic
                        + ": format byte " + (bytes.length == 0 ? "missing" : bytes[0]));
            }
            try {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1));
                return reader.read(in);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " on " + topic + ": " + e, e);
            }
        };
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }
}

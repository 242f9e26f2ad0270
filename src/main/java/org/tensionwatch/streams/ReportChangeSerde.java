package org.tensionwatch.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.ReportChange;
import org.tensionwatch.indicators.Retraction;

/**
 * The values waiting for a merge: a report as {@link CompactSerde#eventReport()} writes it (so reports written before
 * retractions existed are read as they are), or a retraction as the format byte {@value #RETRACTION} and its event id
 * in UTF-8.
 */
final class ReportChangeSerde implements Serde<ReportChange> {

    static final byte RETRACTION = 2;

    private final Serializer<EventReport> reports = CompactSerde.eventReport().serializer();
    private final Deserializer<EventReport> fromReports = CompactSerde.eventReport().deserializer();

    @Override
    public Serializer<ReportChange> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            if (value instanceof EventReport report) {
                return reports.serialize(topic, report);
            }
            byte[] id = value.eventId().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[id.length + 1];
            bytes[0] = RETRACTION;
            System.arraycopy(id, 0, bytes, 1, id.length);
            return bytes;
        };
    }

    @Override
    public Deserializer<ReportChange> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == RETRACTION) {
                if (bytes.length == 1) {
                    throw new SerializationException("a retraction without an event id on " + topic);
                }
                return new Retraction(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
            }
            return fromReports.deserialize(topic, bytes);
        };
    }
}

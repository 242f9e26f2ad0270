package org.tensionwatch.streams;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.ReportRef;

/**
 * A compact binary form of the records the indicators topology keeps in its stores and repartition topics: field by
 * field in declaration order, strings as UTF-8 with a length, absent values as a flag. Decoding goes through the
 * records' constructors, so every invariant is checked as when reading JSON. Several times smaller and faster than
 * JSON, which matters because the merge step rewrites all canonical events of a region and type per report.
 * Enums are written by ordinal: new constants go at the end, as in the Avro schemas. Every length and count is checked
 * against the bytes left before anything is allocated, so a damaged value is an IOException, not 2 GB.
 */
final class CompactCodec {

    private static final AlertLevel[] LEVELS = AlertLevel.values();
    private static final EventType[] TYPES = EventType.values();
    private static final Qualifier[] QUALIFIERS = Qualifier.values();

    private CompactCodec() {
    }

    static void writeEvents(DataOutputStream out, List<CanonicalEvent> events) throws IOException {
        out.writeInt(events.size());
        for (CanonicalEvent event : events) {
            writeEvent(out, event);
        }
    }

    static List<CanonicalEvent> readEvents(DataInputStream in) throws IOException {
        int size = readSize(in, "events");
        List<CanonicalEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(readEvent(in));
        }
        return events;
    }

    static void writeEvent(DataOutputStream out, CanonicalEvent e) throws IOException {
        writeString(out, e.id());
        writeString(out, e.region());
        out.writeByte(e.type().ordinal());
        writeString(out, e.actorKey());
        writeString(out, e.actor());
        writeString(out, e.location());
        out.writeLong(e.occurredOn().toEpochDay());
        writeLong(out, e.low());
        writeLong(out, e.best());
        writeLong(out, e.high());
        writeEnum(out, e.bestQualifier());
        writeEnum(out, e.level());
        out.writeInt(e.reports().size());
        for (ReportRef ref : e.reports()) {
            writeRef(out, ref);
        }
        out.writeInt(e.articleCount());
        out.writeInt(e.sourceCount());
        writeInstant(out, e.firstSeen());
        writeInstant(out, e.lastSeen());
    }

    static CanonicalEvent readEvent(DataInputStream in) throws IOException {
        String id = readString(in);
        String region = readString(in);
        EventType type = readType(in);
        String actorKey = readString(in);
        String actor = readString(in);
        String location = readString(in);
        LocalDate occurredOn = LocalDate.ofEpochDay(in.readLong());
        Long low = readLong(in);
        Long best = readLong(in);
        Long high = readLong(in);
        Qualifier bestQualifier = readEnum(in, QUALIFIERS);
        AlertLevel level = readEnum(in, LEVELS);
        int size = readSize(in, "reports");
        List<ReportRef> reports = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            reports.add(readRef(in));
        }
        int articleCount = in.readInt();
        int sourceCount = in.readInt();
        return new CanonicalEvent(id, region, type, actorKey, actor, location, occurredOn, low, best, high,
                bestQualifier, level, reports, articleCount, sourceCount, readInstant(in), readInstant(in));
    }

    static void writeReport(DataOutputStream out, EventReport r) throws IOException {
        writeString(out, r.eventId());
        writeString(out, r.articleId());
        writeString(out, r.source());
        writeString(out, r.url());
        out.writeByte(r.type().ordinal());
        writeLong(out, r.count());
        writeEnum(out, r.qualifier());
        writeEnum(out, r.level());
        writeString(out, r.actor());
        writeString(out, r.location());
        writeString(out, r.region());
        out.writeLong(r.occurredOn().toEpochDay());
        out.writeBoolean(r.occurredOnStated());
        writeInstant(out, r.publishedAt());
        writeString(out, r.evidence());
        out.writeDouble(r.confidence());
    }

    static EventReport readReport(DataInputStream in) throws IOException {
        return new EventReport(readString(in), readString(in), readString(in), readString(in), readType(in),
                readLong(in), readEnum(in, QUALIFIERS), readEnum(in, LEVELS), readString(in), readString(in),
                readString(in), LocalDate.ofEpochDay(in.readLong()), in.readBoolean(), readInstant(in), readString(in),
                in.readDouble());
    }

    private static void writeRef(DataOutputStream out, ReportRef r) throws IOException {
        writeString(out, r.eventId());
        writeString(out, r.articleId());
        writeString(out, r.source());
        writeString(out, r.url());
        writeLong(out, r.count());
        writeEnum(out, r.qualifier());
        writeEnum(out, r.level());
        writeString(out, r.actor());
        writeString(out, r.location());
        out.writeLong(r.occurredOn().toEpochDay());
        out.writeBoolean(r.occurredOnStated());
        writeInstant(out, r.publishedAt());
        writeString(out, r.evidence());
    }

    private static ReportRef readRef(DataInputStream in) throws IOException {
        return new ReportRef(readString(in), readString(in), readString(in), readString(in), readLong(in),
                readEnum(in, QUALIFIERS), readEnum(in, LEVELS), readString(in), readString(in),
                LocalDate.ofEpochDay(in.readLong()), in.readBoolean(), readInstant(in), readString(in));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        // the stream is over the value's own bytes: a length beyond them is a damaged value, not a reason to allocate
        if (length > in.available()) {
            throw new IOException("a string of " + length + " bytes with " + in.available() + " left");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeEnum(DataOutputStream out, Enum<?> value) throws IOException {
        out.writeByte(value == null ? -1 : value.ordinal());
    }

    private static <E extends Enum<E>> E readEnum(DataInputStream in, E[] values) throws IOException {
        byte ordinal = in.readByte();
        if (ordinal >= values.length) {
            throw new IOException("constant " + ordinal + " of " + values.length);
        }
        return ordinal < 0 ? null : values[ordinal];
    }

    private static EventType readType(DataInputStream in) throws IOException {
        EventType type = readEnum(in, TYPES);
        if (type == null) {
            throw new IOException("no event type");
        }
        return type;
    }

    /** A list's size, at most one item per byte left (every item takes more than one). */
    private static int readSize(DataInputStream in, String what) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > in.available()) {
            throw new IOException(size + " " + what + " with " + in.available() + " bytes left");
        }
        return size;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.Retraction;
import org.tensionwatch.kafka.JsonSerde;

class CompactSerdeTest {

    private static EventReport report(String article, EventType type, Long count, Qualifier qualifier, AlertLevel level,
            String actor, boolean stated, String url, String evidence) {
        return new EventReport(article + "#0", article, "Adriatic Wire", url, type, count, qualifier, level, actor,
                actor == null ? null : "Zvecan", "XK", LocalDate.parse("2026-10-12"), stated,
                Instant.parse("2026-10-12T18:00:00.123456789Z"), evidence, 0.75);
    }

    private static List<EventReport> reports() {
        return List.of(
                report("a1", EventType.INJURY, 30L, Qualifier.EXACT, null, "KFOR peacekeepers", true,
                        "https://example.org/a1", "Thirty peacekeepers were injured – «Zvečan»."),
                report("a2", EventType.INJURY, null, null, null, null, false, null, null),
                report("a3", EventType.INJURY, 12L, Qualifier.VAGUE, null, "protesters", true, null, ""),
                report("a4", EventType.MILITARY_ALERT, null, null, AlertLevel.HIGHEST, "army", true, null, "x"));
    }

    private static List<CanonicalEvent> events() {
        CanonicalEventMerger merger = CanonicalEventMerger.withDefaults();
        List<CanonicalEvent> injuries = new ArrayList<>();
        for (EventReport report : reports().subList(0, 3)) {
            injuries = merger.merge(injuries, report).events();
        }
        List<CanonicalEvent> all = new ArrayList<>(injuries);
        all.addAll(merger.merge(List.of(), reports().get(3)).events());
        return all;
    }

    private static <T> T roundTrip(CompactSerde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void shouldReadBackWaitingReportsAndRetractionsAndReportsWaitingFromBeforeRetractions() {
        ReportChangeSerde serde = new ReportChangeSerde();
        for (EventReport report : reports()) {
            byte[] written = serde.serializer().serialize("t", report);
            assertThat(written).as("a report is written as before").isEqualTo(CompactSerde.eventReport().serializer()
                    .serialize("t", report));
            assertThat(serde.deserializer().deserialize("t", written)).isEqualTo(report);
        }
        Retraction retraction = new Retraction("a1#0 – «Zvečan»");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", retraction))).isEqualTo(retraction);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {ReportChangeSerde.RETRACTION}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldReadBackEveryReportFieldForField() {
        for (EventReport report : reports()) {
            assertThat(roundTrip(CompactSerde.eventReport(), report)).isEqualTo(report);
        }
    }

    @Test
    void shouldReadBackCanonicalEventsAndTheirLists() {
        List<CanonicalEvent> events = events();
        assertThat(events).hasSizeGreaterThan(1);
        for (CanonicalEvent event : events) {
            assertThat(roundTrip(CompactSerde.canonicalEvent(), event)).isEqualTo(event);
        }
        CanonicalEventList list = new CanonicalEventList(events);
        assertThat(roundTrip(CompactSerde.canonicalEventList(), list)).isEqualTo(list);
        assertThat(roundTrip(CompactSerde.canonicalEventList(), new CanonicalEventList(List.of())).events()).isEmpty();
    }

    @Test
    void shouldStillReadValuesThatEarlierVersionsWroteAsJson() {
        CanonicalEventList list = new CanonicalEventList(events());
        byte[] json = JsonSerde.of(CanonicalEventList.class).serializer().serialize("t", list);
        assertThat(CompactSerde.canonicalEventList().deserializer().deserialize("t", json)).isEqualTo(list);
        EventReport report = reports().get(0);
        byte[] jsonReport = JsonSerde.of(EventReport.class).serializer().serialize("t", report);
        assertThat(CompactSerde.eventReport().deserializer().deserialize("t", jsonReport)).isEqualTo(report);
    }

    @Test
    void shouldPassNullsThroughAsTombstones() {
        assertThat(CompactSerde.canonicalEvent().serializer().serialize("t", null)).isNull();
        assertThat(CompactSerde.canonicalEvent().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldRejectBytesOfAnUnknownFormat() {
        assertThatThrownBy(() -> CompactSerde.canonicalEvent().deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format byte 9");
    }

    @Test
    void shouldRefuseALengthOrCountBeyondTheValueWithoutAllocatingIt() {
        // format byte, then the id's length as 2^31-9: without the check, 2 GB are allocated before the end is found
        byte[] stringBomb = ByteBuffer.allocate(5).put((byte) 1).putInt(Integer.MAX_VALUE - 8).array();
        assertThatThrownBy(() -> CompactSerde.canonicalEvent().deserializer().deserialize("t", stringBomb))
                .isInstanceOf(SerializationException.class).hasMessageContaining("a string of 2147483639 bytes with 0 left");
        byte[] countBomb = ByteBuffer.allocate(5).put((byte) 1).putInt(Integer.MAX_VALUE - 8).array();
        assertThatThrownBy(() -> CompactSerde.canonicalEventList().deserializer().deserialize("t", countBomb))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2147483639 events with 0 bytes left");
    }

    @Test
    void shouldRefuseEveryPrefixOfAValueAndAnUnknownEventType() {
        CompactSerde<CanonicalEventList> serde = CompactSerde.canonicalEventList();
        byte[] valid = serde.serializer().serialize("t", new CanonicalEventList(events()));
        for (int length = 1; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", prefix)).as("first %d bytes", length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] report = CompactSerde.eventReport().serializer().serialize("t", reports().get(0));
        // the type follows the format byte and four strings
        int typeAt = 1 + 4 * 4 + "a1#0".length() + "a1".length() + "Adriatic Wire".length() + "https://example.org/a1".length();
        report[typeAt] = 100;
        assertThatThrownBy(() -> CompactSerde.eventReport().deserializer().deserialize("t", report))
                .isInstanceOf(SerializationException.class).hasMessageContaining("constant 100 of");
    }
}

package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.RegionIndicators;
import java.util.List;

/** Events written before a schema change stay readable after it. */
class SchemaHistoryTest {

    @Test
    void shouldReadAnEventWrittenWithTheFirstSchemaWithoutItsNewDayRange() throws IOException {
        Schema v1 = new Schema.Parser().parse(Files.readString(Path.of("schemas/history/ConflictEvent-v1.avsc")));
        assertThat(SchemaHistory.olderVersionsOf("ConflictEvent")).containsExactly(v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "a1#0");
        old.put("articleId", "a1");
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "INJURY"));
        old.put("count", 30L);
        old.put("occurredOn", (int) LocalDate.of(2023, 5, 29).toEpochDay());
        old.put("publishedAt", Instant.parse("2023-05-31T10:00:00Z").toEpochMilli());
        old.put("evidence", "Thirty soldiers were injured.");
        old.put("confidence", 0.9);
        old.put("extractorVersion", "rules-1.1");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] wire = new byte[bytes.remaining()];
        bytes.get(wire);

        ConflictEvent read = Topics.defaults().events().valueSerde().deserializer().deserialize("tension.events", wire);

        assertThat(read.getCount()).isEqualTo(30L);
        assertThat(read.getOccurredOn()).isEqualTo(LocalDate.of(2023, 5, 29));
        assertThat(read.getEarliestDay()).isNull();
        assertThat(read.getLatestDay()).isNull();
    }

    @Test
    void shouldReadAnAlertStepWrittenBeforeStepsWereMarkedLateAsAPromptOne() throws IOException {
        Schema v1 = new Schema.Parser().parse(Files.readString(Path.of("schemas/history/EscalationAlert-v1.avsc")));
        assertThat(SchemaHistory.olderVersionsOf("EscalationAlert")).containsExactly(v1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "injuries|XK|2026-10-01");
        old.put("ruleId", "injuries");
        old.put("region", "XK");
        old.put("status", new GenericData.EnumSymbol(v1.getField("status").schema(), "RAISED"));
        old.put("severity", new GenericData.EnumSymbol(v1.getField("severity").schema(), "MEDIUM"));
        old.put("indicator", "injuries");
        old.put("window", "P7D");
        old.put("kind", new GenericData.EnumSymbol(v1.getField("kind").schema(), "THRESHOLD"));
        old.put("value", 37.0);
        old.put("threshold", 20.0);
        old.put("windowStart", (int) LocalDate.of(2026, 9, 25).toEpochDay());
        old.put("windowEnd", (int) LocalDate.of(2026, 10, 1).toEpochDay());
        old.put("sources", 2);
        old.put("events", List.of());
        old.put("raisedAt", Instant.parse("2026-10-01T12:00:00Z").toEpochMilli());
        old.put("updatedAt", Instant.parse("2026-10-01T12:00:00Z").toEpochMilli());
        old.put("message", "XK injuries over 7 days: 37, threshold 20 (medium)");
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] wire = new byte[bytes.remaining()];
        bytes.get(wire);

        EscalationAlert read = Topics.defaults().alerts().valueSerde().deserializer().deserialize("tension.alerts", wire);

        assertThat(read.getValue()).isEqualTo(37.0);
        assertThat(read.getLate()).isFalse();
        assertThat(read.getLearnedAt()).isNull();
    }

    @Test
    void shouldReadADayWrittenBeforeDeployedPersonnelWasPublishedAsNoneDeployed() throws IOException {
        Schema v1 = new Schema.Parser().parse(Files.readString(Path.of("schemas/history/RegionIndicators-v1.avsc")));
        assertThat(SchemaHistory.olderVersionsOf("RegionIndicators")).containsExactly(v1);
        // the fingerprint every record written before carries: the history must keep it to read them
        assertThat(org.apache.avro.SchemaNormalization.parsingFingerprint64(v1)).isEqualTo(5279477182163879464L);
        GenericRecord old = new GenericData.Record(v1);
        old.put("region", "XK");
        old.put("windowStart", (int) LocalDate.of(2026, 10, 12).toEpochDay());
        old.put("windowEnd", (int) LocalDate.of(2026, 10, 12).toEpochDay());
        for (String count : List.of("injuries", "fatalities", "arrests", "resignations", "dismissals", "protests",
                "protestParticipants", "clashes", "deployments", "appeals", "condemnations", "events", "reports", "sources")) {
            old.put(count, 0L);
        }
        old.put("deployments", 2L);
        old.put("events", 2L);
        old.put("alertLevel", new GenericData.EnumSymbol(v1.getField("alertLevel").schema().getTypes().get(1), "HIGH"));
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] wire = new byte[bytes.remaining()];
        bytes.get(wire);

        RegionIndicators read = Topics.defaults().indicators().valueSerde().deserializer().deserialize("tension.indicators", wire);

        assertThat(read.getDeployments()).isEqualTo(2L);
        assertThat(read.getDeployedPersonnel()).isZero();
        assertThat(read.getAlertLevel()).isEqualTo(org.tensionwatch.avro.MilitaryAlertLevel.HIGH);
        assertThat(read.getTensionIndex()).isNull();
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.Indicator;
import org.tensionwatch.indicators.IndicatorCounts;

/** The indicators topic carries every {@link Indicator}, each in the field of its name, as the schema documents it. */
class IndicatorMappingTest {

    private static final Schema SCHEMA = RegionIndicators.getClassSchema();

    @Test
    void shouldHaveAFieldForEveryIndicatorInItsOrderWithItsDescription() {
        List<String> fields = SCHEMA.getFields().stream().map(Schema.Field::name).toList();
        assertThat(fields).containsSubsequence(Indicator.all().stream().map(Indicator::fieldName).toList());
        for (Indicator indicator : Indicator.all()) {
            Schema.Field field = SCHEMA.getField(indicator.fieldName());
            assertThat(field).as(indicator.fieldName()).isNotNull();
            assertThat(field.doc()).as("the doc of %s", indicator.fieldName()).isEqualTo(indicator.description());
            if (indicator == Indicator.ALERT_LEVEL) {
                assertThat(field.schema().getTypes()).extracting(Schema::getType)
                        .containsExactly(Schema.Type.NULL, Schema.Type.ENUM);
                assertThat(field.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
            } else {
                // a long that old records, written without the field, read as 0
                assertThat(field.schema().getType()).as(indicator.fieldName()).isEqualTo(Schema.Type.LONG);
                assertThat(field.defaultVal()).as(indicator.fieldName()).isEqualTo(0L);
            }
        }
        assertThat(fields).as("and nothing else but the key and the index").containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(Indicator.all().stream().map(Indicator::fieldName),
                        java.util.stream.Stream.of("region", "windowStart", "windowEnd", "tensionIndex")).toList());
    }

    @Test
    void shouldWriteEveryIndicatorIntoItsOwnField() {
        IndicatorCounts counts = IndicatorCounts.of(indicator -> Indicator.counts().indexOf(indicator) + 1L,
                Map.of("high", 1L), Map.of("A", 1L, "B", 1L));
        List<String> ids = new java.util.ArrayList<>();
        for (long i = 0; i < counts.events(); i++) {
            ids.add("e" + i);
        }
        DailyIndicators row = new DailyIndicators("XK", LocalDate.parse("2026-10-12"), counts, ids);

        RegionIndicators record = IndicatorMapping.toAvro("XK|2026-10-12", row, 42.5);

        for (Indicator indicator : Indicator.counts()) {
            assertThat(record.get(indicator.fieldName())).as(indicator.fieldName()).isEqualTo(counts.get(indicator));
        }
        assertThat(record.getDeployedPersonnel()).isEqualTo(counts.deployedPersonnel()).isNotEqualTo(counts.deployments());
        assertThat(record.getAlertLevel()).isEqualTo(MilitaryAlertLevel.HIGH);
        assertThat(record.getSources()).isEqualTo(2);
        assertThat(record.getTensionIndex()).isEqualTo(42.5);
        assertThat(record.getRegion()).isEqualTo("XK");
        assertThat(record.getWindowStart()).isEqualTo(record.getWindowEnd()).isEqualTo(LocalDate.parse("2026-10-12"));
        // and it is a whole record: it serializes
        assertThat(org.tensionwatch.kafka.Topics.defaults().indicators().valueSerde().serializer()
                .serialize("tension.indicators", record)).isNotEmpty();
    }
}

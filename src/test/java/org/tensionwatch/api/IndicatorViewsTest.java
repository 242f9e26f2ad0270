package org.tensionwatch.api;

import org.tensionwatch.views.IndicatorRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.Indicator;
import org.tensionwatch.indicators.IndicatorCounts;
import org.tensionwatch.indicators.WindowIndicators;

/**
 * The REST rows ({@link IndicatorRow}) and the Server-Sent Events of the indicators topic ({@link DailyIndicatorsView})
 * carry every {@link Indicator}, in the same field names and order, each with its own value.
 */
class IndicatorViewsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate DAY = LocalDate.parse("2026-10-12");
    private static final IndicatorCounts COUNTS = IndicatorCounts.of(i -> 100L + Indicator.counts().indexOf(i),
            Map.of("raised", 1L, "highest", 1L), Map.of("A", 1L, "B", 1L, "C", 2L));

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> indicatorNames() {
        return Indicator.all().stream().map(Indicator::fieldName).toList();
    }

    private static List<String> concat(List<String> head, List<String> middle, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(middle);
        all.addAll(tail);
        return all;
    }

    private static void assertEveryIndicatorIn(JsonNode json) {
        for (Indicator indicator : Indicator.all()) {
            JsonNode value = json.get(indicator.fieldName());
            assertThat(value).as(indicator.fieldName()).isNotNull();
            Object expected = indicator.value(COUNTS);
            if (expected instanceof Long number) {
                assertThat(value.isIntegralNumber()).as(indicator.fieldName()).isTrue();
                assertThat(value.longValue()).as(indicator.fieldName()).isEqualTo(number);
            } else {
                assertThat(value.textValue()).as(indicator.fieldName()).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldGiveEveryIndicatorInTheRestRowsInTheOrderOfTheList() {
        assertThat(names(IndicatorRow.class)).containsExactlyElementsOf(concat(
                List.of("region", "day", "window", "windowStart"), indicatorNames(),
                List.of("tensionIndex", "tensionChange7d")));

        IndicatorRow row = IndicatorRow.of(new WindowIndicators("XK", "P1D", DAY, DAY, COUNTS),
                new DailyIndex("XK", DAY, 5, 20, 39.34, 1.26, null));
        JsonNode json = JSON.valueToTree(row);

        assertEveryIndicatorIn(json);
        assertThat(json.get("alertLevel").textValue()).isEqualTo("highest");
        assertThat(json.get("deployedPersonnel").longValue()).isNotEqualTo(json.get("deployments").longValue());
        assertThat(json.get("tensionIndex").doubleValue()).isEqualTo(39.3);
        assertThat(json.get("tensionChange7d").doubleValue()).isEqualTo(1.3);
    }

    @Test
    void shouldGiveEveryIndicatorOfTheTopicInTheStreamInTheFieldNamesOfTheRestRows() {
        assertThat(names(DailyIndicatorsView.class)).containsExactlyElementsOf(concat(
                List.of("region", "day", "window", "windowStart"), indicatorNames(), List.of("tensionIndex")));

        RegionIndicators record = new RegionIndicators();
        record.setRegion("XK");
        record.setWindowStart(DAY);
        record.setWindowEnd(DAY);
        for (Indicator indicator : Indicator.all()) {
            Object value = indicator.value(COUNTS);
            record.put(indicator.fieldName(), indicator == Indicator.ALERT_LEVEL ? MilitaryAlertLevel.HIGHEST : value);
        }
        record.setTensionIndex(61.2);
        JsonNode json = JSON.valueToTree(DailyIndicatorsView.of(record));

        assertEveryIndicatorIn(json);
        assertThat(json.get("tensionIndex").doubleValue()).isEqualTo(61.2);
        assertThat(json.get("window").textValue()).isEqualTo("P1D");
        record.setTensionIndex(null);
        assertThat(DailyIndicatorsView.of(record).tensionIndex()).isNull();
    }
}

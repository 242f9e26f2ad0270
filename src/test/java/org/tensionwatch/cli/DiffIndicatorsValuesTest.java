package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.Indicator;
import org.tensionwatch.indicators.IndicatorsDiff;

/** {@code diff-indicators} reads every indicator of a topic's record, each from its own field, and compares it. */
class DiffIndicatorsValuesTest {

    @Test
    void shouldReadEveryIndicatorOfARecordAndCompareIt() {
        RegionIndicators older = RegionIndicators.newBuilder().setRegion("XK").setWindowStart(LocalDate.parse("2026-10-12"))
                .setWindowEnd(LocalDate.parse("2026-10-12")).setTensionIndex(40.0).build();
        RegionIndicators newer = RegionIndicators.newBuilder(older).build();
        long value = 1;
        for (Indicator indicator : Indicator.all()) {
            if (indicator != Indicator.ALERT_LEVEL) {
                newer.put(indicator.fieldName(), value++);
            }
        }
        newer.setAlertLevel(MilitaryAlertLevel.HIGH);

        Map<String, Object> values = DiffIndicatorsCommand.values(newer);

        assertThat(values).containsOnlyKeys(IndicatorsDiff.INDICATORS);
        assertThat(values).containsEntry("deployedPersonnel", newer.getDeployedPersonnel())
                .containsEntry("deployments", newer.getDeployments()).containsEntry("alertLevel", "HIGH");
        LocalDate day = LocalDate.parse("2026-10-12");
        IndicatorsDiff diff = IndicatorsDiff.compare(day, day, Map.of(day, DiffIndicatorsCommand.values(older)),
                Map.of(day, values));
        assertThat(diff.changes()).extracting(IndicatorsDiff.Change::indicator)
                .as("every indicator differs, so every one is compared").containsExactlyElementsOf(IndicatorsDiff.INDICATORS);
        assertThat(diff.lines()).contains("2026-10-12  deployedPersonnel       0 -> 10");
    }
}

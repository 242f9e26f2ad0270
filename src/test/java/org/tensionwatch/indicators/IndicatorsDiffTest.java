package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorsDiffTest {

    private static final LocalDate OCT_12 = LocalDate.parse("2026-10-12");
    private static final LocalDate OCT_13 = LocalDate.parse("2026-10-13");
    private static final LocalDate OCT_14 = LocalDate.parse("2026-10-14");
    private static final LocalDate OCT_15 = LocalDate.parse("2026-10-15");

    @Test
    void shouldListEachDayAndIndicatorThatDiffersWithTheChangedTotals() {
        // one arrest event of 14 and 9 counted as one on the 13th, then as two, one on each day
        Map<LocalDate, Map<String, Object>> before = Map.of(OCT_13, row(14, 1, 2, 1));
        Map<LocalDate, Map<String, Object>> after = Map.of(OCT_13, row(14, 1, 1, 1), OCT_14, row(9, 1, 1, 1));

        IndicatorsDiff diff = IndicatorsDiff.compare(OCT_12, OCT_15, before, after);

        assertThat(diff.changes()).containsExactly(
                new IndicatorsDiff.Change(OCT_13, "reports", "2", "1"),
                new IndicatorsDiff.Change(OCT_14, "arrests", "0", "9"),
                new IndicatorsDiff.Change(OCT_14, "events", "0", "1"),
                new IndicatorsDiff.Change(OCT_14, "reports", "0", "1"),
                new IndicatorsDiff.Change(OCT_14, "sources", "0", "1"));
        assertThat(diff.totals()).containsExactly(new IndicatorsDiff.TotalChange("arrests", 14, 23),
                new IndicatorsDiff.TotalChange("events", 1, 2));
        assertThat(diff.lines()).containsExactly(
                "2026-10-13  reports  2 -> 1",
                "2026-10-14  arrests  0 -> 9",
                "2026-10-14  events   0 -> 1",
                "2026-10-14  reports  0 -> 1",
                "2026-10-14  sources  0 -> 1");
        assertThat(diff.summary()).isEqualTo("5 differences on 2 of 4 days; totals: arrests 14 -> 23, events 1 -> 2");
    }

    @Test
    void shouldTreatAMissingDayAsQuietAndIgnoreDaysOutsideThePeriod() {
        Map<String, Object> zeros = new HashMap<>();
        IndicatorsDiff.INDICATORS.forEach(i -> zeros.put(i, i.equals("alertLevel") ? null : 0L));

        IndicatorsDiff diff = IndicatorsDiff.compare(OCT_13, OCT_14, Map.of(OCT_13, zeros, OCT_15, row(3, 1, 1, 1)),
                Map.of(OCT_12, row(5, 1, 1, 1)));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.lines()).isEmpty();
        assertThat(diff.summary()).isEqualTo("no differences on 2 days");
    }

    @Test
    void shouldShowAnAlertLevelByNameAndLeaveItOutOfTheTotals() {
        Map<String, Object> high = new HashMap<>(row(0, 1, 1, 1));
        high.put("alertLevel", "HIGH");
        Map<String, Object> highest = new HashMap<>(high);
        highest.put("alertLevel", "HIGHEST");

        IndicatorsDiff diff = IndicatorsDiff.compare(OCT_13, OCT_13, Map.of(OCT_13, high), Map.of(OCT_13, highest));

        assertThat(diff.lines()).containsExactly("2026-10-13  alertLevel  high -> highest");
        assertThat(diff.summary()).isEqualTo("1 difference on 1 of 1 day");
    }

    @Test
    void shouldCompareEveryIndicatorAndTotalTheCounts() {
        Map<String, Object> before = new HashMap<>();
        Map<String, Object> after = new HashMap<>();
        for (Indicator indicator : Indicator.all()) {
            before.put(indicator.fieldName(), indicator == Indicator.ALERT_LEVEL ? null : 1L);
            after.put(indicator.fieldName(), indicator == Indicator.ALERT_LEVEL ? "RAISED" : 2L);
        }

        IndicatorsDiff diff = IndicatorsDiff.compare(OCT_13, OCT_13, Map.of(OCT_13, before), Map.of(OCT_13, after));

        assertThat(IndicatorsDiff.INDICATORS).containsExactlyElementsOf(
                Indicator.all().stream().map(Indicator::fieldName).toList());
        assertThat(diff.changes()).extracting(IndicatorsDiff.Change::indicator)
                .containsExactlyElementsOf(IndicatorsDiff.INDICATORS);
        assertThat(diff.totals()).extracting(IndicatorsDiff.TotalChange::indicator)
                .containsExactlyElementsOf(Indicator.counts().stream().map(Indicator::fieldName).toList());
        assertThat(diff.lines()).contains("2026-10-13  deployedPersonnel       1 -> 2",
                "2026-10-13  alertLevel           none -> raised");
    }

    @Test
    void shouldRefuseAnUnknownIndicatorOrABackwardPeriod() {
        assertThatThrownBy(() -> IndicatorsDiff.compare(OCT_13, OCT_13, Map.of(OCT_13, Map.of("injured", 3L)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("injured");
        assertThatThrownBy(() -> IndicatorsDiff.compare(OCT_14, OCT_13, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }

    private static Map<String, Object> row(long arrests, long events, long reports, long sources) {
        return Map.of("arrests", arrests, "events", events, "reports", reports, "sources", sources);
    }
}

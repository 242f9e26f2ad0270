package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

class RollingWindowTest {

    private final RollingWindow window = RollingWindow.of("XK", List.of(
            Rows.of(Reports.injury("a").on("2023-05-01").exactly(2).build()),
            Rows.of(Reports.of(EventType.MILITARY_ALERT, "b").actor("army").on("2023-05-23")
                    .level(AlertLevel.HIGHEST).build()),
            Rows.of(Reports.injury("c").on("2023-05-24").exactly(5).build()),
            Rows.clashDay("2023-05-29", 30)));

    @Test
    void shouldSumTheDayAndTheSixBeforeIntoTheSevenDayWindow() {
        WindowIndicators week = window.endingOn(LocalDate.parse("2023-05-29"), RollingPeriod.P7D);

        assertThat(week.from()).hasToString("2023-05-23");
        assertThat(week.counts().injuries()).isEqualTo(35);
        assertThat(week.counts().clashes()).isEqualTo(1);
        assertThat(week.highestAlertLevel()).isEqualTo(AlertLevel.HIGHEST);
    }

    @Test
    void shouldLeaveDaysOutsideTheWindowOut() {
        assertThat(window.endingOn(LocalDate.parse("2023-05-30"), RollingPeriod.P7D).highestAlertLevel())
                .isEqualTo(AlertLevel.HIGH);
        assertThat(window.endingOn(LocalDate.parse("2023-05-29"), RollingPeriod.P1D).counts().injuries())
                .isEqualTo(30);
        assertThat(window.endingOn(LocalDate.parse("2023-05-30"), RollingPeriod.P30D).counts().injuries())
                .isEqualTo(37);
        assertThat(window.endingOn(LocalDate.parse("2023-05-31"), RollingPeriod.P30D).counts().injuries())
                .isEqualTo(35);
    }

    @Test
    void shouldGiveEveryPeriodForEveryDayOfTheSeries() {
        List<WindowIndicators> series = window.series(LocalDate.parse("2023-05-28"), LocalDate.parse("2023-05-29"));

        assertThat(series).extracting(WindowIndicators::period)
                .containsExactly("P1D", "P7D", "P30D", "P1D", "P7D", "P30D");
        assertThat(series.get(0).counts()).isEqualTo(IndicatorCounts.ZERO);
    }

    @Test
    void shouldRefuseRowsOfAnotherRegion() {
        assertThatThrownBy(() -> RollingWindow.of("RS", List.of(Rows.clashDay("2023-05-29", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

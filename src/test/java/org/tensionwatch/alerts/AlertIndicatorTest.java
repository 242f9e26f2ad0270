package org.tensionwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.Indicator;

/** What alert rules watch is the indicators' own definition: the same name, the same events, the same amounts. */
class AlertIndicatorTest {

    @Test
    void shouldWatchEachIndicatorUnderItsNameCountingWhatTheIndicatorsCount() {
        for (AlertIndicator watched : AlertIndicator.values()) {
            Indicator indicator = watched.indicator();
            if (watched == AlertIndicator.TENSION_INDEX) {
                assertThat(indicator).isNull();
                assertThat(watched.configName()).isEqualTo("tensionIndex");
                continue;
            }
            assertThat(watched.configName()).isEqualTo(indicator.fieldName());
            assertThat(AlertIndicator.parse(indicator.fieldName())).isSameAs(watched);
            assertThat(watched.isSum()).as(watched.configName()).isEqualTo(indicator.isCount());
            for (EventType type : EventType.values()) {
                CanonicalEvent event = Events.of("XK", type).count(7).build();
                assertThat(watched.counts(event)).as("%s counts a %s", watched.configName(), type)
                        .isEqualTo(indicator.eventTypes().contains(type));
                if (watched.counts(event) && watched.isSum()) {
                    assertThat(watched.amount(event)).as("%s of a %s", watched.configName(), type)
                            .isEqualTo(indicator.amount(event));
                }
            }
        }
        assertThat(AlertIndicator.INJURIES.amount(Events.injured("XK", "2026-10-01", 12).build())).isEqualTo(12);
        assertThat(AlertIndicator.CLASHES.amount(Events.of("XK", EventType.CLASH).count(40).build())).isEqualTo(1);
        assertThat(AlertIndicator.DEPLOYED_PERSONNEL.amount(Events.of("XK", EventType.DEPLOYMENT).count(1500).build()))
                .isEqualTo(1500);
        assertThat(AlertIndicator.DEPLOYED_PERSONNEL.amount(Events.of("XK", EventType.DEPLOYMENT).build())).isZero();
        // every indicator that is a sum over canonical events can be watched; the reports and outlets are not
        assertThat(AlertIndicator.values()).extracting(AlertIndicator::indicator).containsAll(Indicator.counts().stream()
                .filter(i -> i != Indicator.REPORTS).toList());
    }
}

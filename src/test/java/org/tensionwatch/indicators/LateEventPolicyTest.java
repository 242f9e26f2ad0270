package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LateEventPolicyTest {

    private final LateEventPolicy policy = LateEventPolicy.defaults();
    private final Instant streamTime = Instant.parse("2023-06-30T10:00:00Z");

    @Test
    void shouldAcceptDaysWithinTheGracePeriodOfTheStreamTime() {
        assertThat(policy.cutoff(streamTime)).hasToString("2023-05-31");
        assertThat(policy.accepts(LocalDate.parse("2023-05-31"), streamTime)).isTrue();
        assertThat(policy.accepts(LocalDate.parse("2023-06-30"), streamTime)).isTrue();
    }

    @Test
    void shouldRejectDaysOlderThanTheGracePeriod() {
        assertThat(policy.accepts(LocalDate.parse("2023-05-30"), streamTime)).isFalse();
    }

    @Test
    void shouldNeverMoveTheStreamTimeBack() {
        Instant later = LateEventPolicy.advance(streamTime, Instant.parse("2023-07-01T00:00:00Z"));

        assertThat(LateEventPolicy.advance(later, Instant.parse("2023-05-01T00:00:00Z"))).isEqualTo(later);
        assertThat(LateEventPolicy.advance(null, streamTime)).isEqualTo(streamTime);
    }
}

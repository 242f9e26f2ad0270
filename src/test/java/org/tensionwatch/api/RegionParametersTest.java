package org.tensionwatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegionParametersTest {

    @Test
    void shouldReadAsOfAsAnInstantWithItsOffsetAndRejectAnythingElseWithTheParameterNamed() {
        assertThat(RegionsResource.instant("asOf", "2026-10-02T00:00:00Z")).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
        assertThat(RegionsResource.instant("asOf", "2026-10-02T02:00:00+02:00")).isEqualTo(Instant.parse("2026-10-02T00:00:00Z"));
        assertThatThrownBy(() -> RegionsResource.instant("asOf", "yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'asOf'").hasMessageContaining("yesterday");
        assertThatThrownBy(() -> RegionsResource.instant("asOf", "2026-10-02"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instant");
    }
}

package org.tensionwatch.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;

/** A match key is REGION|TYPE in record keys and as the prefix of the merge's store keys. */
class MatchKeyTest {

    @Test
    void shouldEncodeAsTheStoresHoldIt() {
        assertThat(new MatchKey("XK", EventType.INJURY).asString()).isEqualTo("XK|INJURY");
    }

    @Test
    void shouldRoundTrip() {
        for (EventType type : EventType.values()) {
            MatchKey key = new MatchKey("GB-NIR", type);
            assertThat(MatchKey.parse(key.asString())).isEqualTo(key);
            assertThat(MatchKey.regionOf(key.asString())).isEqualTo("GB-NIR");
        }
    }
}

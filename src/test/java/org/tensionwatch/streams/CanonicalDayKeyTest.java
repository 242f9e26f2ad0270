package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.MatchKey;

/** The canonical events by day are keyed REGION|TYPE|YYYY-MM-DD, as stored by existing deployments. */
class CanonicalDayKeyTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-12");

    @Test
    void shouldEncodeAsTheStoreHoldsIt() {
        String matchKey = new MatchKey("XK", EventType.INJURY).asString();
        assertThat(new CanonicalDayKey(matchKey, DAY).encode()).isEqualTo("XK|INJURY|2026-10-12");
        assertThat(CanonicalDayKey.firstOf(matchKey)).isEqualTo("XK|INJURY|");
        assertThat(CanonicalDayKey.afterLastOf(matchKey)).isEqualTo("XK|INJURY|~");
    }

    @Test
    void shouldRoundTrip() {
        CanonicalDayKey key = new CanonicalDayKey("GB-NIR|INJURY", DAY);
        assertThat(CanonicalDayKey.parse(key.encode())).isEqualTo(key);
    }

    @Test
    void shouldKeepAMatchKeysDaysInOneRangeInDayOrder() {
        String first = CanonicalDayKey.firstOf("XK|INJURY");
        String last = CanonicalDayKey.afterLastOf("XK|INJURY");
        for (LocalDate day : new LocalDate[] {LocalDate.parse("0001-01-01"), DAY, LocalDate.parse("9999-12-31")}) {
            assertThat(new CanonicalDayKey("XK|INJURY", day).encode()).isGreaterThan(first).isLessThan(last);
        }
        assertThat(new CanonicalDayKey("XK|INJURY", DAY).encode())
                .isLessThan(new CanonicalDayKey("XK|INJURY", DAY.plusDays(1)).encode());
        for (EventType type : EventType.values()) {
            String other = new MatchKey("XK", type).asString();
            if (!other.equals("XK|INJURY")) {
                assertThat(new CanonicalDayKey(other, DAY).encode()).as(other)
                        .matches(k -> k.compareTo(first) < 0 || k.compareTo(last) > 0, "outside the range");
            }
        }
    }
}

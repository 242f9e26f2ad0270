package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The daily indicators' and the alerts' region days are keyed REGION|YYYY-MM-DD, as stored by existing deployments. */
class RegionDayKeyTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-12");

    @Test
    void shouldEncodeAsTheStoresHoldIt() {
        assertThat(new RegionDayKey("XK", DAY).encode()).isEqualTo("XK|2026-10-12");
        assertThat(new RegionDayKey("GB-NIR", DAY).encode()).isEqualTo("GB-NIR|2026-10-12");
        assertThat(RegionDay.key("XK", DAY)).isEqualTo("XK|2026-10-12");
        assertThat(RegionDayKey.firstOf("XK")).isEqualTo("XK|");
        assertThat(RegionDayKey.afterLastOf("XK")).isEqualTo("XK|~");
    }

    @Test
    void shouldRoundTrip() {
        RegionDayKey key = new RegionDayKey("GB-NIR", DAY);
        assertThat(RegionDayKey.parse(key.encode())).isEqualTo(key);
        assertThat(RegionDayKey.regionOf(key.encode())).isEqualTo("GB-NIR");
        assertThat(RegionDay.region("GB-NIR|2026-10-12")).isEqualTo("GB-NIR");
        assertThat(RegionDay.day("GB-NIR|2026-10-12")).isEqualTo(DAY);
    }

    @Test
    void shouldKeepARegionsDaysInOneRangeInDayOrder() {
        String first = RegionDayKey.firstOf("XK");
        String last = RegionDayKey.afterLastOf("XK");
        for (LocalDate day : new LocalDate[] {LocalDate.parse("0001-01-01"), DAY, LocalDate.parse("9999-12-31")}) {
            assertThat(new RegionDayKey("XK", day).encode()).startsWith(first).isGreaterThan(first).isLessThan(last);
        }
        assertThat(new RegionDayKey("XK", DAY).encode()).isLessThan(new RegionDayKey("XK", DAY.plusDays(1)).encode());
        assertThat(new RegionDayKey("XKA", DAY).encode()).as("another region is outside the range").isLessThan(first)
                .doesNotStartWith(first);
        assertThat(new RegionDayKey("XL", DAY).encode()).isGreaterThan(last);
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pending reports are keyed region|type|offset, the offset padded so that keys sort in offset order. */
class PendingReportKeyTest {

    @Test
    void shouldPadOffsetsAsTheFormatDid() {
        for (long offset : new long[] {0, 7, 42, 1_000_000, 123_456_789_012L, Long.MAX_VALUE}) {
            assertThat(PendingReportKey.zeroPadded(offset)).as("offset %d", offset)
                    .isEqualTo(String.format("%019d", offset));
        }
    }

    @Test
    void shouldEncodeAsTheStoresHoldIt() {
        PendingReportKey key = new PendingReportKey("XK|INJURY", 42);

        assertThat(key.encode()).isEqualTo("XK|INJURY|0000000000000000042");
        assertThat(new PendingReportKey("XK|INJURY", Long.MAX_VALUE).encode()).isEqualTo("XK|INJURY|9223372036854775807");
        assertThat(PendingReportKey.parse("XK|INJURY|0000000000000000042")).isEqualTo(key);
        assertThat(PendingReportKey.matchKeyOf(key.encode())).isEqualTo("XK|INJURY");
    }

    @Test
    void shouldRoundTrip() {
        for (long offset : new long[] {0, 7, 123_456_789_012L, Long.MAX_VALUE}) {
            PendingReportKey key = new PendingReportKey("GB-NIR|CLASH", offset);
            assertThat(PendingReportKey.parse(key.encode())).isEqualTo(key);
        }
    }

    @Test
    void shouldKeepAMatchKeysReportsInOneRangeInOffsetOrder() {
        String first = PendingReportKey.firstOf("XK|INJURY");
        String last = PendingReportKey.afterLastOf("XK|INJURY");
        assertThat(first).isEqualTo("XK|INJURY|");
        assertThat(last).isEqualTo("XK|INJURY|~");
        for (long offset : new long[] {0, 99, 100, Long.MAX_VALUE}) {
            assertThat(new PendingReportKey("XK|INJURY", offset).encode()).isGreaterThan(first).isLessThan(last);
        }
        assertThat(new PendingReportKey("XK|INJURY_X", 0).encode()).as("a longer type is outside the range")
                .isLessThan(first);
        assertThat(new PendingReportKey("XK|INJURY", 99).encode()).isLessThan(new PendingReportKey("XK|INJURY", 100).encode());
    }

    @Test
    void shouldSortPaddedOffsetsInOffsetOrder() {
        assertThat(PendingReportKey.zeroPadded(99)).isLessThan(PendingReportKey.zeroPadded(100));
    }
}

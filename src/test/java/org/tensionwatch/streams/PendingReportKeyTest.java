package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pending reports are keyed region|type|offset, the offset padded so that keys sort in offset order. */
class PendingReportKeyTest {

    @Test
    void shouldPadOffsetsAsTheFormatDid() {
        for (long offset : new long[] {0, 7, 42, 1_000_000, 123_456_789_012L, Long.MAX_VALUE}) {
            assertThat(MergeReportsIntoIndicators.zeroPadded(offset)).as("offset %d", offset)
                    .isEqualTo(String.format("%019d", offset));
        }
    }

    @Test
    void shouldSortPaddedOffsetsInOffsetOrder() {
        assertThat(MergeReportsIntoIndicators.zeroPadded(99)).isLessThan(MergeReportsIntoIndicators.zeroPadded(100));
    }
}

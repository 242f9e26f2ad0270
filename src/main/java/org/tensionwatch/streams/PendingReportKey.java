package org.tensionwatch.streams;

import java.util.Objects;

/**
 * The key of a report waiting for the next merge in {@link StoreNames#PENDING_REPORTS}: the match key it is merged
 * under and the input offset it arrived at.
 *
 * <p>Encoded {@code REGION|TYPE|OFFSET} with the offset zero-padded to {@value #OFFSET_DIGITS} digits
 * ("XK|INJURY|0000000000000000042"): the format is on disk and in changelogs of existing deployments (a waiting
 * report is committed with its input offset and merged after a restart), so it must never change. Padded, the keys of
 * a match key sort in offset order, which is the order its reports are merged in; they are one range from
 * {@link #firstOf(String)} to {@link #afterLastOf(String)} ('~' sorts after every digit). The match key is kept as
 * the record key it came with (a retraction's is the region|type the extraction wrote on it), not parsed.
 */
record PendingReportKey(String matchKey, long offset) {

    /** Digits of the offset, so that keys sort in offset order: a long has at most 19. */
    static final int OFFSET_DIGITS = 19;
    private static final char SEPARATOR = '|';

    PendingReportKey {
        Objects.requireNonNull(matchKey, "matchKey == null");
    }

    String encode() {
        return matchKey + SEPARATOR + zeroPadded(offset);
    }

    static PendingReportKey parse(String encoded) {
        int separator = encoded.lastIndexOf(SEPARATOR);
        return new PendingReportKey(encoded.substring(0, separator), Long.parseLong(encoded.substring(separator + 1)));
    }

    /** The match key of an encoded key, without parsing its offset. */
    static String matchKeyOf(String encoded) {
        return encoded.substring(0, encoded.lastIndexOf(SEPARATOR));
    }

    /** The start of the range of the match key's waiting reports. */
    static String firstOf(String matchKey) {
        return matchKey + SEPARATOR;
    }

    /** A key after every waiting report of the match key. */
    static String afterLastOf(String matchKey) {
        return matchKey + SEPARATOR + '~';
    }

    /** The offset with leading zeros to {@link #OFFSET_DIGITS} digits (as {@code %019d}, without a formatter). */
    static String zeroPadded(long offset) {
        String digits = Long.toString(offset);
        return digits.length() >= OFFSET_DIGITS ? digits : "0".repeat(OFFSET_DIGITS - digits.length()) + digits;
    }
}

package org.tensionwatch.service;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a subscriber is in a topic: the next offset to read in every partition, written
 * {@code PARTITION-OFFSET} and joined with dots, e.g. {@code 0-15.1-3.2-9}. It is the {@code id:}
 * of every Server-Sent Event, so a browser's {@code Last-Event-ID} on reconnect resumes exactly
 * after the last event it received.
 */
public record ResumeToken(Map<Integer, Long> nextOffsets) {

    /** Longer tokens are refused before parsing: a topic would need hundreds of partitions to need one. */
    static final int MAX_LENGTH = 4096;

    private static final Pattern FORM = Pattern.compile("\\d{1,9}-\\d{1,18}(\\.\\d{1,9}-\\d{1,18})*");

    public ResumeToken {
        nextOffsets = Collections.unmodifiableMap(new TreeMap<>(nextOffsets));
    }

    /**
     * Parses a token.
     *
     * @throws IllegalArgumentException with a message for the client when it is not a token
     */
    public static ResumeToken parse(String token) {
        String t = token == null ? "" : token.trim();
        if (t.length() > MAX_LENGTH || !FORM.matcher(t).matches()) {
            throw new IllegalArgumentException("the Last-Event-ID is not a resume token of this stream: expected "
                    + "PARTITION-OFFSET pairs joined by dots, such as 0-15.1-3.2-9, not '" + abbreviate(t) + "'");
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : t.split("\\.")) {
            int dash = pair.indexOf('-');
            int partition = Integer.parseInt(pair.substring(0, dash));
            long offset = Long.parseLong(pair.substring(dash + 1));
            if (offsets.put(partition, offset) != null) {
                throw new IllegalArgumentException("the Last-Event-ID names partition " + partition + " twice: '"
                        + abbreviate(t) + "'");
            }
        }
        return new ResumeToken(offsets);
    }

    /** The token's text, partitions in ascending order. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(".");
        nextOffsets.forEach((partition, offset) -> joined.add(partition + "-" + offset));
        return joined.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}

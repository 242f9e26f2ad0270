package org.tensionwatch.extraction;

import java.util.List;

/**
 * What the extractor made of one article: its events, and when the input was refused or cut, why.
 *
 * @param events the events, possibly none
 * @param note why the article was refused ("not English", "binary") or what was done to it ("truncated"), or null
 * @param sentences how many sentences were read
 */
public record ExtractionResult(List<org.tensionwatch.domain.ExtractedEvent> events, String note, int sentences) {

    public ExtractionResult {
        events = List.copyOf(events);
    }

    /** A refused article: no events, and the reason. */
    public static ExtractionResult refused(String reason) {
        return new ExtractionResult(List.of(), reason, 0);
    }
}

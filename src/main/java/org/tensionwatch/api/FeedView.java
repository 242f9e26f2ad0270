package org.tensionwatch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tensionwatch.feeds.FeedRecord;
import org.tensionwatch.feeds.FeedState;

/** A feed as {@code GET /api/feeds} shows it: what is followed and where it stands (without the keys of items seen). */
public record FeedView(String id, String url, String source, String pollInterval, boolean fullText, String origin,
        Instant lastPollAt, Instant lastSuccessAt, Instant nextPollAt, String lastStatus, String lastError,
        Instant lastErrorAt, int consecutiveErrors, long polls, long errors, long itemsNew, long itemsUpdated,
        long itemsUnchanged, long itemsSkipped, Map<String, Long> skippedByReason, List<String> recentSkips,
        int itemsRemembered, String polledBy) {

    static FeedView of(FeedRecord record) {
        FeedState s = record.state();
        return new FeedView(record.definition().id(), record.definition().url().toString(), record.definition().source(),
                record.definition().pollInterval().toString(), record.definition().fullText(), record.origin(),
                s.lastPollAt(), s.lastSuccessAt(), s.nextPollAt(), s.lastStatus(), s.lastError(), s.lastErrorAt(),
                s.consecutiveErrors(), s.polls(), s.errors(), s.itemsNew(), s.itemsUpdated(), s.itemsUnchanged(),
                s.itemsSkipped(), s.skippedByReason(), s.recentSkips(), s.seen().size(), s.polledBy());
    }
}

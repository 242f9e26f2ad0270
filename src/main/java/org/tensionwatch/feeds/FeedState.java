package org.tensionwatch.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a feed stands: its last read and what came of it, the validators of its last answer, its counts, and the
 * items seen (key to fingerprint) so that a restart or another instance does not take them again.
 *
 * @param lastPollAt when it was last read, or null
 * @param lastSuccessAt when a read last got a feed (or "not modified"), or null
 * @param nextPollAt when it is due
 * @param etag the last answer's ETag, for a conditional GET
 * @param lastModified the last answer's Last-Modified, for a conditional GET
 * @param lastStatus what the last read did, in words
 * @param lastError the last failure, in words, or null
 * @param lastErrorAt when it happened
 * @param consecutiveErrors failures in a row (0 once a read answers)
 * @param polls reads so far
 * @param errors failed reads so far
 * @param itemsNew items taken as new articles
 * @param itemsUpdated items that changed since seen, taken as corrections
 * @param itemsUnchanged items seen again unchanged, which add nothing
 * @param itemsSkipped items left out (see skippedByReason and recentSkips)
 * @param skippedByReason counts of items left out, by reason
 * @param recentSkips the last few items left out, each with why
 * @param seen the keys of items seen, with the fingerprint of what each said, oldest first
 * @param polledBy the instance that polled it last ({@code host:port}), or null
 */
public record FeedState(Instant lastPollAt, Instant lastSuccessAt, Instant nextPollAt, String etag, String lastModified,
        String lastStatus, String lastError, Instant lastErrorAt, int consecutiveErrors, long polls, long errors,
        long itemsNew, long itemsUpdated, long itemsUnchanged, long itemsSkipped, Map<String, Long> skippedByReason,
        List<String> recentSkips, Map<String, String> seen, String polledBy) {

    /** Items left out kept in {@link #recentSkips}. */
    public static final int RECENT_SKIPS = 10;

    public FeedState {
        skippedByReason = skippedByReason == null ? Map.of() : Map.copyOf(skippedByReason);
        recentSkips = recentSkips == null ? List.of() : List.copyOf(recentSkips);
        seen = seen == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seen));
    }

    /** A feed never read, due at once. */
    public static FeedState initial(Instant now) {
        return new FeedState(null, null, now, null, null, "not read yet", null, null, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);
    }

    /** This state, polled by the given instance. */
    public FeedState polledBy(String instance) {
        return new FeedState(lastPollAt, lastSuccessAt, nextPollAt, etag, lastModified, lastStatus, lastError,
                lastErrorAt, consecutiveErrors, polls, errors, itemsNew, itemsUpdated, itemsUnchanged, itemsSkipped,
                skippedByReason, recentSkips, seen, instance);
    }

    /** Skip counts with these added. */
    static Map<String, Long> addSkips(Map<String, Long> counts, Map<String, Long> more) {
        Map<String, Long> sum = new LinkedHashMap<>(counts);
        more.forEach((reason, n) -> sum.merge(reason, n, Long::sum));
        return sum;
    }

    /** The recent skips with these appended, the oldest dropped past {@link #RECENT_SKIPS}. */
    static List<String> addRecent(List<String> recent, List<String> more) {
        List<String> all = new ArrayList<>(recent);
        all.addAll(more);
        return all.size() <= RECENT_SKIPS ? all : all.subList(all.size() - RECENT_SKIPS, all.size());
    }
}

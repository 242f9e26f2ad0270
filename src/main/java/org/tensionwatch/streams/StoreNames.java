package org.tensionwatch.streams;

/** Names of the indicators topology's state stores and repartition topics, so that queries and tests use the same ones. */
public final class StoreNames {

    /**
     * region|type|day -> the canonical events of that region and type that happened on that day, for the days the
     * merge step still keeps: a region and type is a range of keys, and a merge rewrites only the days it changed.
     */
    public static final String CANONICAL_BY_DAY = "canonical-events-by-day";
    /** region|type|offset -> a report waiting for the next merge of its region and type (see {@link IndicatorSettings#mergeInterval()}). */
    public static final String PENDING_REPORTS = "pending-reports";
    /** canonical event id -> canonical event, for queries of a region's events. */
    public static final String CANONICAL_EVENTS = "canonical-events";
    /** region|day -> that day's indicators. */
    public static final String DAILY_INDICATORS = "daily-indicators";
    /**
     * region|day -> every version of that day's indicators, each valid from the stream time the system learned it
     * (a versioned store), for "as known at" queries.
     */
    public static final String DAILY_INDICATORS_HISTORY = "daily-indicators-history";

    /**
     * region -> the newest publication day among that region's reports (its start, epoch ms): the region's own clock, from
     * which the merge step lets go of old days. Per region, not per task, so that the news of one region never ages out
     * the days of another that shares its partition.
     */
    public static final String REGION_NEWEST_PUBLICATION = "region-newest-publication";

    private StoreNames() {
    }
}

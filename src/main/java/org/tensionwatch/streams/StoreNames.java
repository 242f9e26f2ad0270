package org.tensionwatch.streams;

/** Names of the indicators topology's state stores and repartition topics, so that queries and tests use the same ones. */
public final class StoreNames {

    /** eventId -> the match key its report was filed under, so that a retraction finds it. */
    public static final String REPORT_MATCH_KEYS = "report-match-keys";
    /** match key (region|type) -> the canonical events of that region and type still within the grace period. */
    public static final String CANONICAL_BY_MATCH_KEY = "canonical-events-by-match-key";
    /** canonical event id -> canonical event, for queries of a region's events. */
    public static final String CANONICAL_EVENTS = "canonical-events";
    /** region|day -> that day's indicators. */
    public static final String DAILY_INDICATORS = "daily-indicators";
    /** Repartition of reports by match key. */
    public static final String REPORTS_BY_MATCH_KEY = "reports-by-match-key";
    /** Repartition of canonical events by region and day. */
    public static final String CANONICAL_BY_REGION_DAY = "canonical-events-by-region-day";

    private StoreNames() {
    }
}

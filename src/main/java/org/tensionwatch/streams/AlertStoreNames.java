package org.tensionwatch.streams;

/** Names of the alerts topology's state stores and repartition topic, so that queries and tests use the same ones. */
public final class AlertStoreNames {

    /**
     * REGION|YYYY-MM-DD -> the region's canonical events of that day, condensed ({@code RegionDay}), as far back as
     * the rules read. (Until this layout, one value per region held its whole history, {@code alerts-region-events}:
     * that value outgrew the 1 MB record limit of its changelog.)
     */
    public static final String REGION_DAYS = "alerts-region-days";
    /**
     * ruleId|region -> that rule's alert state for the region (open alert, last clearing for the cooldown);
     * settled|ruleId|region -> the same for the settled steps.
     */
    public static final String RULE_STATE = "alerts-rule-state";
    /**
     * "clock" -> the last stream day the task has seen, so days are closed once each, also after a restart;
     * "settled" -> the last day settled.
     */
    public static final String CLOCK = "alerts-clock";
    /** alert id -> the latest step of that alert, for {@code GET /api/alerts}. */
    public static final String LATEST_ALERTS = "alerts-latest";
    /** alert id -> every provisional step of that alert ({@code AlertHistory}), for {@code GET /api/alerts/{id}}. */
    public static final String ALERT_HISTORY = "alerts-history";
    /** Repartition of canonical event changes by region. */
    public static final String CANONICAL_BY_REGION = "alerts-canonical-events-by-region";

    /**
     * The topic of that repartition in the application {@code applicationId}, as Kafka Streams names it: the alert
     * stores' partitions are its partitions.
     */
    public static String regionChangesTopic(String applicationId) {
        return applicationId + "-" + CANONICAL_BY_REGION + "-repartition";
    }

    private AlertStoreNames() {
    }
}

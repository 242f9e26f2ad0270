package org.tensionwatch.streams;

import java.util.concurrent.atomic.LongAdder;

/** Counts of reports the indicators topology could not apply, for the metrics endpoint: never silently dropped. */
public final class DroppedReports {

    static final LongAdder LATE = new LongAdder();
    static final LongAdder WITHOUT_REGION = new LongAdder();
    static final LongAdder MISROUTED = new LongAdder();
    static final LongAdder INVALID = new LongAdder();

    private DroppedReports() {
    }

    /** Reports about a day older than the grace period allows. */
    public static long late() {
        return LATE.sum();
    }

    /**
     * Events that arrived in another partition than their region's (the events topic is partitioned by region) and
     * went to the dead-letter topic instead of being counted.
     */
    public static long misrouted() {
        return MISROUTED.sum();
    }

    /**
     * Events that decoded but that no extraction writes (a negative or absurd count, a region that is not a code, a
     * day outside years 1 to 9999), sent to the dead-letter topic instead of being counted.
     */
    public static long invalid() {
        return INVALID.sum();
    }

    /** Reports the extractor could place in no country. */
    public static long withoutRegion() {
        return WITHOUT_REGION.sum();
    }
}

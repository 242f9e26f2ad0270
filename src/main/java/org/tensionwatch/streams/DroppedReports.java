package org.tensionwatch.streams;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of reports the indicators topology could not apply, for the metrics endpoint: never silently dropped. One
 * object per topology built: whoever builds it creates this and reads it, so the service's figures hold the service's
 * application only, not a benchmark's or a test's topology run in the same JVM.
 */
public final class DroppedReports {

    private final LongAdder late = new LongAdder();
    private final LongAdder withoutRegion = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder invalid = new LongAdder();

    /** Reports about a day older than the grace period allows. */
    public long late() {
        return late.sum();
    }

    /**
     * Events that arrived in another partition than their region's (the events topic is partitioned by region) and
     * went to the dead-letter topic instead of being counted.
     */
    public long misrouted() {
        return misrouted.sum();
    }

    /**
     * Events that decoded but that no extraction writes (a negative or absurd count, a region that is not a code, a
     * day outside years 1 to 9999), sent to the dead-letter topic instead of being counted.
     */
    public long invalid() {
        return invalid.sum();
    }

    /** Reports the extractor could place in no country. */
    public long withoutRegion() {
        return withoutRegion.sum();
    }

    void countLate() {
        late.increment();
    }

    void countWithoutRegion() {
        withoutRegion.increment();
    }

    void countMisrouted() {
        misrouted.increment();
    }

    void countInvalid() {
        invalid.increment();
    }
}

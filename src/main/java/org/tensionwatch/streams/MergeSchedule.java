package org.tensionwatch.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which regions and types a periodic merge takes. Plain bookkeeping of one task, no Kafka.
 *
 * <p>Why: merging a region and type clusters all of its retained reports, so a merge costs about as much for one new
 * report as for a thousand. Merging every waiting key every interval therefore costs the whole retained state once per
 * interval, however few reports came: while a backlog is read (a replay, a new derivation, a restart after downtime)
 * that work, not the reports, sets the pace, and it grows with the state.
 *
 * <p>Rule, at each punctuation:
 * <ul>
 *   <li>If no report arrived since the previous punctuation, or at most {@code mergeAllBelow} reports wait in all, the
 *       input is keeping up: every waiting key is merged, so outputs follow within one interval as before.</li>
 *   <li>Otherwise (a backlog is being read) a key is merged when its first waiting report has waited
 *       {@code maxWaitMs}, or earlier once its waiting reports are as many as it retains ({@link #RETAINED_PER_WAITING}
 *       retained reports per waiting one; a key not merged yet retains none). A busy key's clustering then runs once
 *       per maximum wait instead of once per interval, and a new or small key is merged at once. When the backlog is
 *       read, the next punctuation merges the rest.</li>
 * </ul>
 * The result is the same: merging in batches gives the events that merging one by one gives, whatever the batches
 * (see {@link org.tensionwatch.indicators.CanonicalEventMerger#mergeAll}).
 */
final class MergeSchedule {

    /**
     * During a backlog a key is merged before its maximum wait once it has one waiting report per this many retained
     * ones. Measured at 1,000,000 events (docs/benchmarks.md): 40 gave the slowest run, 10 and 3 faster ones, 1 the
     * fastest; larger batches cost fewer clusterings, and the maximum wait bounds how long they grow.
     */
    static final int RETAINED_PER_WAITING = 1;
    /**
     * At most this many reports per task and merge interval are live news (a few articles a second), merged as soon as
     * the input is idle; more are a backlog, merged by the interval's rule. A replay brings hundreds per task and second.
     */
    static final int LIVE_REPORTS_PER_INTERVAL = 100;

    private final long maxWaitMs;
    private final int mergeAllBelow;
    /** Waiting keys in the order their first waiting report arrived. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    /** Reports each key retained after its last merge; a key not merged yet counts as retaining none. */
    private final Map<String, Integer> retained = new HashMap<>();
    private int waitingReports;
    private int arrivedSincePunctuation;
    /** Reports that arrived in the last complete interval (between the last two punctuations). */
    private int arrivedLastInterval;

    MergeSchedule(long maxWaitMs, int mergeAllBelow) {
        if (maxWaitMs < 0 || mergeAllBelow < 0) {
            throw new IllegalArgumentException("maxWaitMs and mergeAllBelow must not be negative");
        }
        this.maxWaitMs = maxWaitMs;
        this.mergeAllBelow = mergeAllBelow;
    }

    /** A report of this key now waits for a merge. */
    void arrived(String matchKey, long nowMs) {
        found(matchKey, nowMs);
        arrivedSincePunctuation++;
    }

    /**
     * A report of this key waiting since before this schedule existed (found in the store after a restart): it counts
     * as waiting from now, but not as new input.
     */
    void found(String matchKey, long nowMs) {
        waiting.computeIfAbsent(matchKey, k -> new Waiting(nowMs)).reports++;
        waitingReports++;
    }

    /** The keys to merge at a punctuation at {@code nowMs}, in the order they started waiting; they no longer wait. */
    List<String> due(long nowMs) {
        boolean backlog = arrivedSincePunctuation > 0 && waitingReports > mergeAllBelow;
        arrivedLastInterval = arrivedSincePunctuation;
        arrivedSincePunctuation = 0;
        List<String> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Waiting> entry = it.next();
            Waiting w = entry.getValue();
            if (!backlog
                    || (long) w.reports * RETAINED_PER_WAITING >= retained.getOrDefault(entry.getKey(), 0)
                    || nowMs - w.sinceMs >= maxWaitMs) {
                due.add(entry.getKey());
                waitingReports -= w.reports;
                it.remove();
            }
        }
        return due;
    }

    /**
     * Every key, when the input has gone idle while keeping up: merged at once rather than at the end of the interval.
     * Unlike {@link #all()} the reports that arrived since the last punctuation still count for it, so that the
     * interval's own decision (backlog or not) is the one it would have made.
     */
    List<String> idle() {
        List<String> all = new ArrayList<>(waiting.keySet());
        waiting.clear();
        waitingReports = 0;
        return all;
    }

    /**
     * Whether the input is live news rather than a backlog read as fast as it comes: at most
     * {@link #LIVE_REPORTS_PER_INTERVAL} reports arrived in the last interval and in this one so far, and at most
     * {@code mergeAllBelow} wait. Only then are reports merged as soon as the input is idle: a backlog that the task
     * keeps up with still comes in bursts (one per commit of the extraction), and merging each burst would cluster its
     * regions and types ten times a second and publish as many intermediate versions of their canonical events.
     */
    boolean live() {
        return arrivedSincePunctuation <= LIVE_REPORTS_PER_INTERVAL && arrivedLastInterval <= LIVE_REPORTS_PER_INTERVAL
                && waitingReports <= mergeAllBelow;
    }

    /** Every key, as when the store of waiting reports is full; none waits any more. */
    List<String> all() {
        List<String> all = new ArrayList<>(waiting.keySet());
        waiting.clear();
        waitingReports = 0;
        arrivedSincePunctuation = 0;
        return all;
    }

    /** After a key's merge: how many reports it retains now. */
    void merged(String matchKey, int retainedReports) {
        retained.put(matchKey, retainedReports);
    }

    /** Reports waiting in all. */
    int waitingReports() {
        return waitingReports;
    }

    /** Forgets everything, as when the task is (re)initialized. */
    void clear() {
        waiting.clear();
        retained.clear();
        waitingReports = 0;
        arrivedSincePunctuation = 0;
        arrivedLastInterval = 0;
    }

    private static final class Waiting {
        final long sinceMs;
        int reports;

        Waiting(long sinceMs) {
            this.sinceMs = sinceMs;
        }
    }
}

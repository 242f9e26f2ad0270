package org.tensionwatch.indicators;

/**
 * What reaches the canonical events of a region and type: a report (new, re-sent or revised) or the retraction of one
 * (its article's corrected version no longer yields it). {@link CanonicalEventMerger#mergeAll} applies a list of them
 * in order.
 */
public sealed interface ReportChange permits EventReport, Retraction {

    /** The extracted event this change is about ("articleId#n"). */
    String eventId();
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Folds one article's report into the canonical events of its region and type, so that many reports of one
 * occurrence count once.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A report from an article that is already known in a newer version (later {@code publishedAt}) is stale and
 *       ignored. A report replaces the reports of older versions of its article, and an earlier report with the same
 *       article and event id (a re-send): it never adds to them.</li>
 *   <li>All remaining reports of the region and type are clustered again by {@link ReportClusterer}: same actor group
 *       (an actor-less report joins the only candidate group, if exactly one is within the tolerance), days within
 *       {@link MergeSettings#toleranceDays()}, nearest cluster wins, ties go to the earliest.</li>
 *   <li>Each cluster's figures are reconciled by {@link Figures}: highest exact figure, never a sum.</li>
 * </ol>
 *
 * <p>Order: clustering is greedy, so its result depends on the order in which reports are considered. The merger
 * therefore never clusters in arrival order but re-clusters all reports of the region and type in one fixed order
 * (stated days first, then by day, publication time, article and event id). The canonical events and every indicator
 * built on them are thus a function of the set of latest report versions, whatever order they arrive in. The one
 * exception: two versions of a report with the same article, event id and {@code publishedAt} - the last to arrive wins.
 * What greedy still means is that chains of reports each within the tolerance of the next, spanning more than it,
 * split where the earliest reports anchor them rather than where a human would.
 *
 * <p>Cost: each merge re-clusters the region's and type's reports, O(n log n); keep n small with
 * {@link #retainMatchable(List, LocalDate)}.
 */
public final class CanonicalEventMerger {

    private final ReportClusterer clusterer;
    private final MergeSettings settings;

    public CanonicalEventMerger(MergeSettings settings, ActorGroups actors) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.clusterer = new ReportClusterer(settings, Objects.requireNonNull(actors, "actors == null"));
    }

    /** A merger with {@link MergeSettings#defaults()} and {@link ActorGroups#defaults()}. */
    public static CanonicalEventMerger withDefaults() {
        return new CanonicalEventMerger(MergeSettings.defaults(), ActorGroups.defaults());
    }

    /**
     * Merges a report into the known canonical events of its {@link MatchKey}.
     *
     * @param known all canonical events stored under the report's match key (empty for the first report)
     * @throws IllegalArgumentException if a known event has another region or type than the report
     */
    public MergeResult merge(List<CanonicalEvent> known, EventReport report) {
        MatchKey key = MatchKey.of(report);
        for (CanonicalEvent event : known) {
            if (!MatchKey.of(event).equals(key)) {
                throw new IllegalArgumentException("event " + event.id() + " is not of match key " + key.asString());
            }
        }
        ReportRef ref = ReportRef.of(report);
        List<ReportRef> refs = new ArrayList<>();
        for (CanonicalEvent event : known) {
            for (ReportRef existing : event.reports()) {
                boolean sameArticle = existing.articleId().equals(ref.articleId());
                if (sameArticle && existing.publishedAt().isAfter(ref.publishedAt())) {
                    return MergeResult.unchanged(known);
                }
                boolean replaced = sameArticle
                        && (existing.publishedAt().isBefore(ref.publishedAt()) || existing.sameEventAs(ref));
                if (!replaced) {
                    refs.add(existing);
                }
            }
        }
        refs.add(ref);
        return MergeResult.between(known, clusterer.cluster(key, refs, known), ref);
    }

    /**
     * The events a report accepted from {@code acceptedFrom} on could still join: what the topology needs to keep in
     * its store (older events stay final downstream).
     */
    public List<CanonicalEvent> retainMatchable(List<CanonicalEvent> events, LocalDate acceptedFrom) {
        LocalDate keepFrom = acceptedFrom.minusDays((long) settings.toleranceDays() + settings.fallbackLookbackDays());
        return events.stream().filter(e -> !e.occurredOn().isBefore(keepFrom)).toList();
    }
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds one article's report into the canonical events of its region and type, so that many reports of one
 * occurrence count once.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A report from an article that is already known in a newer version (later {@code publishedAt}) is stale and
 *       ignored. A report replaces the reports of older versions of its article, and an earlier report with the same
 *       article and event id (a re-send): it never adds to them. A {@link Retraction} removes every version of its
 *       report (batches only, {@link #mergeAll}).</li>
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
     * Merges several reports of one match key at once, in the order given, clustering once at the end: the events are
     * those that merging them one by one with {@link #merge} gives, because clustering is a function of the set of
     * latest report versions and the rules of step 1 are applied here in the same order. (The one difference: which
     * reports beyond {@link MergeSettings#maxDetailedReports()} of an event lost url and evidence on the way, since
     * one by one an intermediate clustering may strip a report that the final one would not.) This is what makes a
     * busy region cheap: one clustering per batch instead of one per report.
     *
     * <p>A {@link Retraction} among them removes every version of its report held so far (known, or earlier in the
     * list); a report of that event id later in the list counts again. The events are then those the reports left
     * give, as if the retracted one had never come; an event left without reports is removed. Retracting what is not
     * held changes nothing.
     *
     * @param known all canonical events stored under the reports' match key
     * @param changes reports of one match key and retractions of reports filed under it, in arrival order
     * @return the new events and what changed; {@link MergeResult#event()} is empty, as no single event holds them all
     * @throws IllegalArgumentException if the reports or known events are not all of one match key
     */
    public MergeResult mergeAll(List<CanonicalEvent> known, List<? extends ReportChange> changes) {
        MatchKey key = null;
        for (ReportChange change : changes) {
            if (change instanceof EventReport report) {
                MatchKey of = MatchKey.of(report);
                if (key == null) {
                    key = of;
                } else if (!of.equals(key)) {
                    throw new IllegalArgumentException("report " + report.eventId() + " is not of match key " + key.asString());
                }
            }
        }
        if (key == null) {
            // retractions alone: of the known events' key, or of nothing held at all
            if (changes.isEmpty() || known.isEmpty()) {
                return MergeResult.unchanged(known);
            }
            key = MatchKey.of(known.get(0));
        }
        // only the known reports of the articles in this batch can be replaced: index those alone
        Map<String, List<ReportRef>> byArticle = new HashMap<>();
        for (ReportChange change : changes) {
            if (change instanceof EventReport report) {
                byArticle.putIfAbsent(report.articleId(), new ArrayList<>(2));
            }
        }
        List<ReportRef> untouched = new ArrayList<>();
        for (CanonicalEvent event : known) {
            if (!event.region().equals(key.region()) || event.type() != key.type()) {
                throw new IllegalArgumentException("event " + event.id() + " is not of match key " + key.asString());
            }
            for (ReportRef existing : event.reports()) {
                List<ReportRef> sameArticle = byArticle.get(existing.articleId());
                (sameArticle != null ? sameArticle : untouched).add(existing);
            }
        }
        boolean changed = false;
        for (ReportChange change : changes) {
            if (change instanceof Retraction retraction) {
                // rare (a corrected article): a pass over the references is cheaper than an index kept for it
                String eventId = retraction.eventId();
                changed |= untouched.removeIf(existing -> existing.eventId().equals(eventId));
                for (List<ReportRef> sameArticle : byArticle.values()) {
                    changed |= sameArticle.removeIf(existing -> existing.eventId().equals(eventId));
                }
                continue;
            }
            ReportRef ref = ReportRef.of((EventReport) change);
            List<ReportRef> sameArticle = byArticle.get(ref.articleId());
            if (sameArticle.stream().anyMatch(existing -> existing.publishedAt().isAfter(ref.publishedAt()))) {
                continue;
            }
            sameArticle.removeIf(existing -> existing.publishedAt().isBefore(ref.publishedAt()) || existing.sameEventAs(ref));
            sameArticle.add(ref);
            changed = true;
        }
        if (!changed) {
            return MergeResult.unchanged(known);
        }
        List<ReportRef> refs = untouched;
        byArticle.values().forEach(refs::addAll);
        return MergeResult.changes(known, clusterer.cluster(key, refs, known));
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

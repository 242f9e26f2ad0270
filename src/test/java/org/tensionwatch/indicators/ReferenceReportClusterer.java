package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The clusterer as first written (re-evaluating every cluster on every merge), kept as the reference that the faster {@link ReportClusterer} must agree with.
 *
 * Groups the reports of one region and type into canonical events by greedy clustering in a fixed order, so that the
 * result depends on the set of reports only.
 *
 * <p>Order: reports with a stated day before those dated by their publication day, then by day, publication time,
 * article and event id. Reports with a known actor group go first, each group on its own: a report joins the cluster
 * of its group nearest in days if that is within the tolerance (ties: the cluster whose day is nearer the report's own
 * day, then the earlier cluster), else it starts a cluster. Then each report without an actor joins the one cluster
 * of any group within the tolerance if there is exactly one, else it clusters among the other actor-less reports.
 *
 * <p>Greedy means a cluster is anchored where its first reports fall: reports a day apart each on the 28th, 29th, 30th
 * and 31st give [28, 29] and [30, 31], not an optimal partition. A cluster's day is the day most of its reports state;
 * an undated report, dated by its publication day P, counts as the span from P minus the lookback to P.
 */
final class ReferenceReportClusterer {

    private static final Comparator<ReportRef> CLUSTERING_ORDER =
            Comparator.comparing((ReportRef r) -> !r.occurredOnStated())
                    .thenComparing(ReportRef::occurredOn)
                    .thenComparing(ReportRef.PUBLICATION_ORDER);

    private final MergeSettings settings;
    private final ActorGroups actors;

    ReferenceReportClusterer(MergeSettings settings, ActorGroups actors) {
        this.settings = settings;
        this.actors = actors;
    }

    /** The canonical events these reports of one region and type describe, ordered by day and id. */
    List<CanonicalEvent> cluster(MatchKey key, Collection<ReportRef> refs) {
        List<ReportRef> ordered = refs.stream().sorted(CLUSTERING_ORDER).toList();
        Map<String, List<Draft>> byGroup = new TreeMap<>();
        List<ReportRef> actorless = new ArrayList<>();
        for (ReportRef ref : ordered) {
            String group = actors.clusterKeyOf(ref.actor());
            if (group.equals(ActorGroups.UNKNOWN)) {
                actorless.add(ref);
            } else {
                place(byGroup.computeIfAbsent(group, g -> new ArrayList<>()), actors.keyOf(ref.actor()), ref);
            }
        }
        List<Draft> known = byGroup.values().stream().flatMap(List::stream).toList();
        List<Draft> unknown = new ArrayList<>();
        for (ReportRef ref : actorless) {
            Draft largest = null;
            for (Draft d : known) {
                if (distance(d, ref) <= settings.toleranceDays() && (largest == null || maxCount(d) > maxCount(largest))) {
                    largest = d;
                }
            }
            if (largest != null) {
                largest.add(ref);
            } else {
                place(unknown, ActorGroups.UNKNOWN, ref);
            }
        }
        List<Draft> drafts = new ArrayList<>(known);
        drafts.addAll(unknown);
        return build(key, drafts);
    }

    private static long maxCount(Draft d) {
        return d.refs.stream().filter(r -> r.count() != null).mapToLong(ReportRef::count).max().orElse(-1);
    }

    private void place(List<Draft> drafts, String group, ReportRef ref) {
        Optional<Draft> nearest = drafts.stream()
                .filter(d -> distance(d, ref) <= settings.toleranceDays())
                .min(Comparator.comparingLong((Draft d) -> distance(d, ref))
                        .thenComparingLong(d -> Math.abs(ChronoUnit.DAYS.between(d.day, ref.occurredOn())))
                        .thenComparing(d -> d.day));
        if (nearest.isPresent()) {
            nearest.get().add(ref);
        } else {
            Draft draft = new Draft(group);
            draft.add(ref);
            drafts.add(draft);
        }
    }

    /** Days between the spans of a cluster and a report; 0 where they overlap. */
    private long distance(Draft draft, ReportRef ref) {
        LocalDate draftStart = draft.stated ? draft.day : draft.day.minusDays(settings.fallbackLookbackDays());
        LocalDate refStart = ref.occurredOnStated()
                ? ref.occurredOn() : ref.occurredOn().minusDays(settings.fallbackLookbackDays());
        long gap = Math.max(ChronoUnit.DAYS.between(draft.day, refStart), ChronoUnit.DAYS.between(ref.occurredOn(), draftStart));
        return Math.max(0, gap);
    }

    private List<CanonicalEvent> build(MatchKey key, List<Draft> drafts) {
        // two clusters of one group can, in odd chains of reports, settle on the same day and so the same id: one event
        Map<String, List<ReportRef>> byId = new LinkedHashMap<>();
        Map<String, String> groupOfId = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            CanonicalEvent event = event(key, draft.group, draft.refs);
            byId.computeIfAbsent(event.id(), id -> new ArrayList<>()).addAll(draft.refs);
            groupOfId.put(event.id(), draft.group);
        }
        List<CanonicalEvent> events = new ArrayList<>();
        byId.forEach((id, refs) -> events.add(event(key, groupOfId.get(id), refs)));
        events.sort(Comparator.comparing(CanonicalEvent::occurredOn).thenComparing(CanonicalEvent::id));
        return List.copyOf(events);
    }

    private CanonicalEvent event(MatchKey key, String group, List<ReportRef> refs) {
        return CanonicalEvent.from(key.region(), key.type(), group, refs, settings.maxDetailedReports());
    }

    /** A cluster being built: its reports and the day they vote for. */
    private static final class Draft {
        final String group;
        final List<ReportRef> refs = new ArrayList<>();
        LocalDate day;
        boolean stated;

        Draft(String group) {
            this.group = group;
        }

        void add(ReportRef ref) {
            refs.add(ref);
            stated |= ref.occurredOnStated();
            day = CanonicalEvent.representativeDay(refs);
        }
    }
}

package org.tensionwatch.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
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
 *
 * <p>Cost: one sort, then each report looks only at the clusters of its group (actor-less ones at those of all groups)
 * whose days lie within reach of its own, found in an index by day; a cluster whose reports are the very references of
 * an event of the previous state is that event again, not rebuilt.
 */
final class ReportClusterer {

    /** Stated days first, then by day, publication time, article and event id (written out: it sorts every merge). */
    private static final Comparator<ReportRef> CLUSTERING_ORDER = (a, b) -> {
        int order = Boolean.compare(b.occurredOnStated(), a.occurredOnStated());
        if (order == 0) {
            order = a.occurredOn().compareTo(b.occurredOn());
        }
        if (order == 0) {
            order = a.publishedAt().compareTo(b.publishedAt());
        }
        if (order == 0) {
            order = a.articleId().compareTo(b.articleId());
        }
        return order != 0 ? order : a.eventId().compareTo(b.eventId());
    };

    private final MergeSettings settings;
    private final ActorGroups actors;

    ReportClusterer(MergeSettings settings, ActorGroups actors) {
        this.settings = settings;
        this.actors = actors;
    }

    /** The canonical events these reports of one region and type describe, ordered by day and id. */
    List<CanonicalEvent> cluster(MatchKey key, Collection<ReportRef> refs) {
        return cluster(key, refs, List.of());
    }

    /**
     * As {@link #cluster(MatchKey, Collection)}; {@code previous} events whose reports a cluster has exactly are
     * returned as they are, since {@link CanonicalEvent#from} of an event's own reports gives that event again.
     */
    List<CanonicalEvent> cluster(MatchKey key, Collection<ReportRef> refs, List<CanonicalEvent> previous) {
        List<ReportRef> ordered = new ArrayList<>(refs);
        ordered.sort(CLUSTERING_ORDER);
        Map<String, Drafts> byGroup = new TreeMap<>();
        List<ReportRef> actorless = new ArrayList<>();
        for (ReportRef ref : ordered) {
            String group = actors.clusterKeyOf(ref.actor());
            if (group.equals(ActorGroups.UNKNOWN)) {
                actorless.add(ref);
            } else {
                // matched under the coarser group, named after the first report's own ("peacekeepers")
                place(byGroup.computeIfAbsent(group, g -> new Drafts()), actors.keyOf(ref.actor()), ref);
            }
        }
        Drafts known = new Drafts();
        byGroup.values().forEach(group -> group.all.forEach(known::index));
        Drafts unknown = new Drafts();
        for (ReportRef ref : actorless) {
            // an unnamed group may be any group of the occurrence: it joins the one named cluster within reach, or of
            // several the one with the largest figure (an unnamed total covers its largest part), ties to the first
            // created; with none it clusters among the unnamed
            Draft largest = null;
            for (Draft draft : known.near(ref)) {
                if (distance(draft, ref) <= settings.toleranceDays() && (largest == null || draft.maxCount > largest.maxCount
                        || draft.maxCount == largest.maxCount && draft.order < largest.order)) {
                    largest = draft;
                }
            }
            if (largest != null) {
                known.join(largest, ref);
            } else {
                place(unknown, ActorGroups.UNKNOWN, ref);
            }
        }
        List<Draft> drafts = new ArrayList<>(known.all);
        drafts.addAll(unknown.all);
        return build(key, drafts, previous);
    }

    /** Adds the report to the nearest cluster within the tolerance (ties: nearer its own day, then earlier), or a new one. */
    private void place(Drafts drafts, String group, ReportRef ref) {
        Draft nearest = null;
        long nearestDistance = 0;
        // candidates in order of day, then of creation: among exact ties (same day) the earliest created wins, as
        // in a scan of all clusters in creation order
        for (Draft draft : drafts.near(ref)) {
            long distance = distance(draft, ref);
            if (distance <= settings.toleranceDays()
                    && (nearest == null || closer(draft, distance, nearest, nearestDistance, ref) < 0)) {
                nearest = draft;
                nearestDistance = distance;
            }
        }
        if (nearest != null) {
            drafts.join(nearest, ref);
        } else {
            Draft draft = new Draft(group);
            draft.add(ref);
            drafts.index(draft);
        }
    }

    private static int closer(Draft a, long aDistance, Draft b, long bDistance, ReportRef ref) {
        int byDistance = Long.compare(aDistance, bDistance);
        if (byDistance != 0) {
            return byDistance;
        }
        long day = ref.occurredOn().toEpochDay();
        int byOwnDay = Long.compare(Math.abs(a.day - day), Math.abs(b.day - day));
        return byOwnDay != 0 ? byOwnDay : Long.compare(a.day, b.day);
    }

    /** Days between the spans of a cluster and a report; 0 where they overlap. */
    private long distance(Draft draft, ReportRef ref) {
        long lookback = settings.fallbackLookbackDays();
        long refDay = ref.occurredOn().toEpochDay();
        long draftStart = draft.stated ? draft.day : draft.day - lookback;
        long refStart = ref.occurredOnStated() ? refDay : refDay - lookback;
        return Math.max(0, Math.max(refStart - draft.day, draftStart - refDay));
    }

    private List<CanonicalEvent> build(MatchKey key, List<Draft> drafts, List<CanonicalEvent> previous) {
        // two clusters of one group can, in odd chains of reports, settle on the same day and so the same id: one event
        Map<String, CanonicalEvent> before = new HashMap<>();
        Map<ReportRef, CanonicalEvent> owners = new IdentityHashMap<>();
        for (CanonicalEvent event : previous) {
            before.put(event.id(), event);
            event.reports().forEach(ref -> owners.put(ref, event));
        }
        Map<String, List<Draft>> byId = new LinkedHashMap<>();
        for (Draft draft : drafts) {
            byId.computeIfAbsent(id(key, draft, owners), i -> new ArrayList<>()).add(draft);
        }
        List<CanonicalEvent> events = new ArrayList<>();
        byId.forEach((id, same) -> {
            List<ReportRef> refs = new ArrayList<>();
            same.forEach(d -> refs.addAll(d.refs));
            CanonicalEvent earlier = before.get(id);
            events.add(earlier != null && sameReports(refs, earlier, owners) ? earlier : event(key, same.get(0).group, refs));
        });
        events.sort(Comparator.comparing(CanonicalEvent::occurredOn).thenComparing(CanonicalEvent::id));
        return List.copyOf(events);
    }

    /** region|type|group|day; the string of the previous event of its first report where that is the same id. */
    private static String id(MatchKey key, Draft draft, Map<ReportRef, CanonicalEvent> owners) {
        CanonicalEvent owner = owners.get(draft.refs.get(0));
        if (owner != null && owner.actorKey().equals(draft.group) && owner.occurredOn().toEpochDay() == draft.day
                && owner.region().equals(key.region()) && owner.type() == key.type()) {
            return owner.id();
        }
        return String.join("|", key.region(), key.type().name(), draft.group, LocalDate.ofEpochDay(draft.day).toString());
    }

    private static boolean sameReports(List<ReportRef> refs, CanonicalEvent event, Map<ReportRef, CanonicalEvent> owners) {
        if (refs.size() != event.reports().size()) {
            return false;
        }
        if (allHeldBy(refs, event, owners)) {
            return true;
        }
        List<ReportRef> sorted = new ArrayList<>(refs);
        sorted.sort(ReportRef.PUBLICATION_ORDER);
        return sorted.equals(event.reports());
    }

    /** Whether these distinct references are all the very objects the event holds (then, as many, exactly its reports). */
    private static boolean allHeldBy(List<ReportRef> refs, CanonicalEvent event, Map<ReportRef, CanonicalEvent> owners) {
        Map<ReportRef, Boolean> seen = new IdentityHashMap<>(refs.size() * 2);
        for (ReportRef ref : refs) {
            if (owners.get(ref) != event || seen.put(ref, Boolean.TRUE) != null) {
                return false;
            }
        }
        return true;
    }

    private CanonicalEvent event(MatchKey key, String group, List<ReportRef> refs) {
        return CanonicalEvent.from(key.region(), key.type(), group, refs, settings.maxDetailedReports());
    }

    /**
     * Clusters being built, in order of creation, and indexed by day: a report can only be within the tolerance of a
     * cluster whose day lies in a window around its own, so placing it looks at those clusters alone instead of all.
     */
    private final class Drafts {
        final List<Draft> all = new ArrayList<>();
        private final TreeMap<Long, List<Draft>> byDay = new TreeMap<>();

        /** Adds a cluster (last in creation order) with its first report already in. */
        void index(Draft draft) {
            draft.order = all.size();
            all.add(draft);
            file(draft);
        }

        void join(Draft draft, ReportRef ref) {
            long before = draft.day;
            draft.add(ref);
            if (draft.day != before) {
                List<Draft> sameDay = byDay.get(before);
                sameDay.remove(draft);
                if (sameDay.isEmpty()) {
                    byDay.remove(before);
                }
                file(draft);
            }
        }

        /**
         * The clusters that may be within the tolerance of the report, by day and then creation order: distance 0 or
         * more needs the cluster's day at least the report's span start minus the tolerance, and its span start (its
         * day, or that less the lookback) at most the report's day plus the tolerance.
         */
        List<Draft> near(ReportRef ref) {
            long refDay = ref.occurredOn().toEpochDay();
            long lookback = settings.fallbackLookbackDays();
            long refStart = ref.occurredOnStated() ? refDay : refDay - lookback;
            long from = refStart - settings.toleranceDays();
            long to = refDay + settings.toleranceDays() + Math.max(0, lookback);
            if (from > to) {
                return List.of();
            }
            List<Draft> near = new ArrayList<>();
            for (List<Draft> sameDay : byDay.subMap(from, true, to, true).values()) {
                near.addAll(sameDay);
            }
            return near;
        }

        private void file(Draft draft) {
            List<Draft> sameDay = byDay.computeIfAbsent(draft.day, d -> new ArrayList<>(2));
            int at = sameDay.size();
            while (at > 0 && sameDay.get(at - 1).order > draft.order) {
                at--;
            }
            sameDay.add(at, draft);
        }
    }

    /**
     * A cluster being built: its reports and the day they vote for, kept as running vote counts (the same day as
     * {@link CanonicalEvent#representativeDay}: most stated votes, ties to the earliest; fallback days only if no
     * report states one).
     */
    private static final class Draft {
        final String group;
        final List<ReportRef> refs = new ArrayList<>();
        final TreeMap<Long, Integer> statedVotes = new TreeMap<>();
        final TreeMap<Long, Integer> fallbackVotes = new TreeMap<>();
        /** Position in creation order among the clusters it is placed with. */
        int order;
        long day;
        boolean stated;
        /** The largest figure of its reports, -1 for none. */
        long maxCount = -1;

        Draft(String group) {
            this.group = group;
        }

        void add(ReportRef ref) {
            refs.add(ref);
            if (ref.count() != null) {
                maxCount = Math.max(maxCount, ref.count());
            }
            stated |= ref.occurredOnStated();
            (ref.occurredOnStated() ? statedVotes : fallbackVotes).merge(ref.occurredOn().toEpochDay(), 1, Integer::sum);
            day = mostVoted(stated ? statedVotes : fallbackVotes);
        }

        private static long mostVoted(TreeMap<Long, Integer> votes) {
            long best = 0;
            int most = 0;
            for (Map.Entry<Long, Integer> vote : votes.entrySet()) {
                if (vote.getValue() > most) {
                    best = vote.getKey();
                    most = vote.getValue();
                }
            }
            return best;
        }
    }
}

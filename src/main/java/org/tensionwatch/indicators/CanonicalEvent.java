package org.tensionwatch.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

/**
 * One real-world occurrence, merged from every article that reports it, with its figure reconciled rather than summed.
 *
 * <p>Every field but {@code id} follows from the reports, so the same reports always give the same event. The
 * {@code id} is {@code region|type|actorKey|occurredOn} ("XK|INJURY|peacekeepers|2023-05-29"): replays reproduce it,
 * and it changes when later reports move the event to another day (the merger then reports the old id as removed).
 *
 * <p>Every article keeps a {@link ReportRef} (so that a revised or re-sent report can replace it exactly), but only
 * the first {@link MergeSettings#maxDetailedReports()} in publication order keep url and evidence.
 *
 * @param occurredOn the day most reports state (ties: the earliest); stated days outvote publication-day fallbacks
 * @param actor the actor string most reports use (ties: alphabetical first), or {@code null}
 * @param location the place most reports name (ties: alphabetical first), or {@code null}
 * @param level the highest alert level reported, for {@link EventType#MILITARY_ALERT}
 * @param articleCount distinct articles; {@code sourceCount} distinct sources
 * @param firstSeen earliest publication of a report; {@code lastSeen} the latest
 */
public record CanonicalEvent(
        String id,
        String region,
        EventType type,
        String actorKey,
        String actor,
        String location,
        LocalDate occurredOn,
        Long low,
        Long best,
        Long high,
        Qualifier bestQualifier,
        AlertLevel level,
        List<ReportRef> reports,
        int articleCount,
        int sourceCount,
        Instant firstSeen,
        Instant lastSeen) {

    public CanonicalEvent {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(actorKey, "actorKey == null");
        Objects.requireNonNull(occurredOn, "occurredOn == null");
        Objects.requireNonNull(firstSeen, "firstSeen == null");
        Objects.requireNonNull(lastSeen, "lastSeen == null");
        reports = List.copyOf(reports);
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("reports is empty");
        }
        if (articleCount != distinct(reports, ReportRef::articleId)) {
            throw new IllegalArgumentException("articleCount != distinct articles in reports: " + articleCount);
        }
        if (sourceCount != distinct(reports, ReportRef::source)) {
            throw new IllegalArgumentException("sourceCount != distinct sources in reports: " + sourceCount);
        }
        if ((best == null) != (bestQualifier == null)) {
            throw new IllegalArgumentException("best and bestQualifier must both be set or both be null");
        }
        if (firstSeen.isAfter(lastSeen)) {
            throw new IllegalArgumentException("firstSeen after lastSeen");
        }
    }

    /** The event that these reports of one region, type and actor group describe. */
    public static CanonicalEvent from(
            String region, EventType type, String actorKey, Collection<ReportRef> refs, int maxDetailedReports) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("refs is empty");
        }
        List<ReportRef> sorted = new ArrayList<>(refs);
        sorted.sort(ReportRef.PUBLICATION_ORDER);
        for (int i = maxDetailedReports; i < sorted.size(); i++) {
            sorted.set(i, sorted.get(i).withoutDetail());
        }
        LocalDate day = representativeDay(sorted);
        Figures figures = Figures.reconcile(sorted);
        AlertLevel level = sorted.stream().map(ReportRef::level).reduce(null, AlertLevel::max);
        return new CanonicalEvent(
                String.join("|", region, type.name(), actorKey, day.toString()),
                region, type, actorKey,
                mostCommon(sorted, ReportRef::actor),
                mostCommon(sorted, ReportRef::location),
                day,
                figures.low(), figures.best(), figures.high(), figures.bestQualifier(),
                level,
                sorted,
                distinct(sorted, ReportRef::articleId),
                distinct(sorted, ReportRef::source),
                sorted.get(0).publishedAt(),
                sorted.stream().map(ReportRef::publishedAt).max(Comparator.naturalOrder()).orElseThrow());
    }

    /**
     * The number indicators count: {@code best}, or 1 where no report gives a usable figure (an injury, a mass
     * resignation or a clash happened at least once).
     */
    public long magnitude() {
        return best != null ? best : 1;
    }

    /** Whether indicators count this type's people ({@code magnitude}) rather than its events. */
    public static boolean countsPeople(EventType type) {
        return switch (type) {
            case INJURY, FATALITY, ARREST, RESIGNATION, DISMISSAL -> true;
            case PROTEST, CLASH, MILITARY_ALERT, DEPLOYMENT, APPEAL, CONDEMNATION -> false;
        };
    }

    /** The distinct sources citing this event, in alphabetical order. */
    public List<String> sources() {
        return reports.stream().map(ReportRef::source).distinct().sorted().toList();
    }

    /** Whether this event holds that report. */
    public boolean holds(ReportRef ref) {
        return reports.stream().anyMatch(ref::sameEventAs);
    }

    /** The day most reports state (ties: earliest); only when none states a day, the most common fallback day. */
    static LocalDate representativeDay(Collection<ReportRef> refs) {
        boolean anyStated = refs.stream().anyMatch(ReportRef::occurredOnStated);
        Map<LocalDate, Long> votes = refs.stream()
                .filter(r -> r.occurredOnStated() || !anyStated)
                .collect(Collectors.groupingBy(ReportRef::occurredOn, TreeMap::new, Collectors.counting()));
        return votes.entrySet().stream()
                .max(Map.Entry.<LocalDate, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    private static String mostCommon(List<ReportRef> refs, Function<ReportRef, String> field) {
        Map<String, Long> votes = refs.stream().map(field)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static int distinct(List<ReportRef> refs, Function<ReportRef, String> field) {
        return (int) refs.stream().map(field).distinct().count();
    }
}

package org.tensionwatch.indicators;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

/**
 * The additive part of the indicators, for a day or a window: sums that {@link #plus} and {@link #minus} exactly,
 * never below zero.
 *
 * @param events canonical events counted
 * @param reports the article reports behind them
 * @param injuries people injured: sum of the events' magnitudes (likewise fatalities, arrests, resignations,
 *     dismissals)
 * @param protests protest events; {@code protestParticipants} the sum of their known participant figures
 * @param deployments deployment events; {@code deployedPersonnel} the sum of their known personnel figures
 * @param clashes clash events (likewise appeals, condemnations)
 * @param alertLevelCounts military alerts by level ("raised", "high", "highest"); an alert without level counts as
 *     raised
 * @param sourceCounts canonical events citing each source
 */
public record IndicatorCounts(
        long events,
        long reports,
        long injuries,
        long fatalities,
        long arrests,
        long resignations,
        long dismissals,
        long protests,
        long protestParticipants,
        long clashes,
        long deployments,
        long deployedPersonnel,
        long appeals,
        long condemnations,
        Map<String, Long> alertLevelCounts,
        Map<String, Long> sourceCounts) {

    /** Nothing counted. */
    public static final IndicatorCounts ZERO =
            new IndicatorCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    public IndicatorCounts {
        long[] all = {events, reports, injuries, fatalities, arrests, resignations, dismissals, protests,
            protestParticipants, clashes, deployments, deployedPersonnel, appeals, condemnations};
        for (long value : all) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count: " + value);
            }
        }
        alertLevelCounts = positive(alertLevelCounts, "alertLevelCounts");
        sourceCounts = positive(sourceCounts, "sourceCounts");
        for (String level : alertLevelCounts.keySet()) {
            AlertLevel.fromJsonName(level);
        }
    }

    /** What one canonical event adds. */
    public static IndicatorCounts of(CanonicalEvent e) {
        long people = CanonicalEvent.countsPeople(e.type()) ? e.magnitude() : 0;
        long figure = e.best() != null ? e.best() : 0;
        Map<String, Long> sources = new TreeMap<>();
        e.sources().forEach(s -> sources.put(s, 1L));
        Map<String, Long> alerts = e.type() == EventType.MILITARY_ALERT
                ? Map.of((e.level() != null ? e.level() : AlertLevel.RAISED).jsonName(), 1L) : Map.of();
        return new IndicatorCounts(1, e.articleCount(),
                e.type() == EventType.INJURY ? people : 0,
                e.type() == EventType.FATALITY ? people : 0,
                e.type() == EventType.ARREST ? people : 0,
                e.type() == EventType.RESIGNATION ? people : 0,
                e.type() == EventType.DISMISSAL ? people : 0,
                e.type() == EventType.PROTEST ? 1 : 0,
                e.type() == EventType.PROTEST ? figure : 0,
                e.type() == EventType.CLASH ? 1 : 0,
                e.type() == EventType.DEPLOYMENT ? 1 : 0,
                e.type() == EventType.DEPLOYMENT ? figure : 0,
                e.type() == EventType.APPEAL ? 1 : 0,
                e.type() == EventType.CONDEMNATION ? 1 : 0,
                alerts, sources);
    }

    /** The sum of both. */
    public IndicatorCounts plus(IndicatorCounts o) {
        return combine(o, 1);
    }

    /**
     * These counts less {@code o}.
     *
     * @throws IllegalArgumentException if any count would go below zero: {@code o} was never added
     */
    public IndicatorCounts minus(IndicatorCounts o) {
        return combine(o, -1);
    }

    /** How many of this type: people for people-counted types, events for the others. */
    public long amount(EventType type) {
        return switch (type) {
            case INJURY -> injuries;
            case FATALITY -> fatalities;
            case ARREST -> arrests;
            case RESIGNATION -> resignations;
            case DISMISSAL -> dismissals;
            case PROTEST -> protests;
            case CLASH -> clashes;
            case DEPLOYMENT -> deployments;
            case APPEAL -> appeals;
            case CONDEMNATION -> condemnations;
            case MILITARY_ALERT -> militaryAlerts();
        };
    }

    /** Military alert events at any level. */
    public long militaryAlerts() {
        return alertLevelCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The highest alert level among the counted alerts, or {@code null} if none. */
    public AlertLevel highestAlertLevel() {
        return alertLevelCounts.keySet().stream().map(AlertLevel::fromJsonName).reduce(null, AlertLevel::max);
    }

    /** Distinct sources cited by the counted events. */
    public int distinctSources() {
        return sourceCounts.size();
    }

    private IndicatorCounts combine(IndicatorCounts o, int sign) {
        return new IndicatorCounts(
                add(events, o.events, sign, "events"),
                add(reports, o.reports, sign, "reports"),
                add(injuries, o.injuries, sign, "injuries"),
                add(fatalities, o.fatalities, sign, "fatalities"),
                add(arrests, o.arrests, sign, "arrests"),
                add(resignations, o.resignations, sign, "resignations"),
                add(dismissals, o.dismissals, sign, "dismissals"),
                add(protests, o.protests, sign, "protests"),
                add(protestParticipants, o.protestParticipants, sign, "protestParticipants"),
                add(clashes, o.clashes, sign, "clashes"),
                add(deployments, o.deployments, sign, "deployments"),
                add(deployedPersonnel, o.deployedPersonnel, sign, "deployedPersonnel"),
                add(appeals, o.appeals, sign, "appeals"),
                add(condemnations, o.condemnations, sign, "condemnations"),
                add(alertLevelCounts, o.alertLevelCounts, sign, "alertLevelCounts"),
                add(sourceCounts, o.sourceCounts, sign, "sourceCounts"));
    }

    private static long add(long a, long b, int sign, String name) {
        long result = Math.addExact(a, sign * b);
        if (result < 0) {
            throw new IllegalArgumentException(name + " would go below zero: " + a + " - " + b);
        }
        return result;
    }

    private static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b, int sign, String name) {
        Map<String, Long> result = new TreeMap<>(a);
        b.forEach((key, value) -> result.put(key, add(result.getOrDefault(key, 0L), value, sign, name + "." + key)));
        result.values().removeIf(v -> v == 0);
        return result;
    }

    private static Map<String, Long> positive(Map<String, Long> counts, String name) {
        Objects.requireNonNull(counts, name + " == null");
        Map<String, Long> copy = new TreeMap<>(counts);
        copy.forEach((key, value) -> {
            if (key == null || value == null || value <= 0) {
                throw new IllegalArgumentException(name + " holds a null key or a count <= 0: " + key + "=" + value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}

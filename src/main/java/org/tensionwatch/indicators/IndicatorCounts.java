package org.tensionwatch.indicators;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

/**
 * The additive part of the indicators, for a day or a window: sums that {@link #plus} and {@link #minus} exactly,
 * never below zero. One long per {@link Indicator#counts() count indicator}; what each counts is defined there, and
 * {@link #get} and {@link #of(java.util.function.ToLongFunction, Map, Map)} are the only places that map the indicators
 * to these components (the components keep their names: they are the JSON of the state stores and of the instances'
 * internal API).
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
            of(indicator -> 0, Map.of(), Map.of());

    public IndicatorCounts {
        for (Indicator indicator : Indicator.counts()) {
            long value = get(indicator, events, reports, injuries, fatalities, arrests, resignations, dismissals, protests,
                    protestParticipants, clashes, deployments, deployedPersonnel, appeals, condemnations);
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
        Map<String, Long> sources = new TreeMap<>();
        e.sources().forEach(s -> sources.put(s, 1L));
        Map<String, Long> alerts = e.type() == EventType.MILITARY_ALERT
                ? Map.of((e.level() != null ? e.level() : AlertLevel.RAISED).jsonName(), 1L) : Map.of();
        return of(indicator -> indicator.amount(e), alerts, sources);
    }

    /**
     * Counts with each {@link Indicator#counts() count indicator}'s value given by {@code count}.
     *
     * @param count the value of each count indicator; never asked for the alert level or the sources
     */
    public static IndicatorCounts of(ToLongFunction<Indicator> count, Map<String, Long> alertLevelCounts,
            Map<String, Long> sourceCounts) {
        return new IndicatorCounts(
                count.applyAsLong(Indicator.EVENTS),
                count.applyAsLong(Indicator.REPORTS),
                count.applyAsLong(Indicator.INJURIES),
                count.applyAsLong(Indicator.FATALITIES),
                count.applyAsLong(Indicator.ARRESTS),
                count.applyAsLong(Indicator.RESIGNATIONS),
                count.applyAsLong(Indicator.DISMISSALS),
                count.applyAsLong(Indicator.PROTESTS),
                count.applyAsLong(Indicator.PROTEST_PARTICIPANTS),
                count.applyAsLong(Indicator.CLASHES),
                count.applyAsLong(Indicator.DEPLOYMENTS),
                count.applyAsLong(Indicator.DEPLOYED_PERSONNEL),
                count.applyAsLong(Indicator.APPEALS),
                count.applyAsLong(Indicator.CONDEMNATIONS),
                alertLevelCounts, sourceCounts);
    }

    /**
     * The value of a count indicator.
     *
     * @throws IllegalArgumentException for the alert level and the sources, which are not counts (see
     *     {@link Indicator#count})
     */
    public long get(Indicator indicator) {
        return get(indicator, events, reports, injuries, fatalities, arrests, resignations, dismissals, protests,
                protestParticipants, clashes, deployments, deployedPersonnel, appeals, condemnations);
    }

    /** The components by indicator: a switch without default, so that a new indicator does not compile without one. */
    private static long get(Indicator indicator, long events, long reports, long injuries, long fatalities, long arrests,
            long resignations, long dismissals, long protests, long protestParticipants, long clashes, long deployments,
            long deployedPersonnel, long appeals, long condemnations) {
        return switch (indicator) {
            case EVENTS -> events;
            case REPORTS -> reports;
            case INJURIES -> injuries;
            case FATALITIES -> fatalities;
            case ARRESTS -> arrests;
            case RESIGNATIONS -> resignations;
            case DISMISSALS -> dismissals;
            case PROTESTS -> protests;
            case PROTEST_PARTICIPANTS -> protestParticipants;
            case CLASHES -> clashes;
            case DEPLOYMENTS -> deployments;
            case DEPLOYED_PERSONNEL -> deployedPersonnel;
            case APPEALS -> appeals;
            case CONDEMNATIONS -> condemnations;
            case ALERT_LEVEL, SOURCES -> throw new IllegalArgumentException(indicator.fieldName() + " is not a count");
        };
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
        return of(indicator -> add(get(indicator), o.get(indicator), sign, indicator.fieldName()),
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

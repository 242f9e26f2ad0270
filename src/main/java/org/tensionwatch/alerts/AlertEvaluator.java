package org.tensionwatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.TensionIndex;

/**
 * Decides, for one rule, one region and one day, whether an alert is raised, escalated or cleared: a pure function of
 * the rule, the region's canonical events and the rule's state for the region, so that the same history always gives
 * the same alerts.
 *
 * <ul>
 *   <li>No open alert: raise when the value reaches the rule's level (THRESHOLD: the threshold; CHANGE: the baseline
 *       times 1 + rise, and only if the baseline is at least {@code minBaseline}), at least {@code minSources}
 *       outlets stand behind the counted events, and the last alert of the rule and region cleared at least
 *       {@code cooldownDays} ago (a crossing within the cooldown stays silent until the value falls below the
 *       clearing level again, so the end of a cooldown never raises an alert by itself). The alert id is {@code ruleId|region|day}; its severity is that of the highest
 *       escalation level reached, else the rule's.</li>
 *   <li>An open alert: escalate when the value reaches a level with a higher severity than the alert has; clear when
 *       the value falls below the clearing level (hysteresis: between clearing level and threshold it stays open).
 *       Nothing else: one alert per crossing, however many records arrive while the value stays up.</li>
 * </ul>
 */
public final class AlertEvaluator {

    /** At most this many canonical events are listed as an alert's evidence. */
    public static final int MAX_EVIDENCE = 20;

    private final TensionIndex tensionIndex;

    public AlertEvaluator(TensionIndex tensionIndex) {
        this.tensionIndex = Objects.requireNonNull(tensionIndex, "tensionIndex == null");
    }

    public static AlertEvaluator withDefaults() {
        return new AlertEvaluator(TensionIndex.withDefaults());
    }

    /**
     * The transition of {@code rule} for the history's region on {@code day}, decided at stream time {@code at}.
     * A day before the last one evaluated changes nothing: time does not run backwards.
     */
    public Transition evaluate(AlertRule rule, RegionHistory history, AlertState state, LocalDate day, Instant at) {
        if (state.evaluatedOn() != null && day.isBefore(state.evaluatedOn())) {
            return new Transition(Transition.Step.NONE, state.alertId(), state.severity(), null, at, state, null);
        }
        Measurement m = measure(rule, history, day);
        String region = history.region();
        double baseline = m.baselineOrZero();
        if (state.open()) {
            if (m.value() < rule.clearBelow(baseline)) {
                return new Transition(Transition.Step.CLEARED, state.alertId(), state.severity(), m, at,
                        state.cleared(day), message(rule, region, m, "below " + number(rule.clearBelow(baseline)) + ", cleared"));
            }
            Severity deserved = rule.severityFor(m.value(), baseline);
            if (deserved.compareTo(state.severity()) > 0 && m.sources() >= rule.minSources()) {
                return new Transition(Transition.Step.ESCALATED, state.alertId(), deserved, m, at,
                        state.escalated(deserved, day), message(rule, region, m, "now " + lower(deserved)));
            }
            return new Transition(Transition.Step.NONE, state.alertId(), state.severity(), m, at, state.evaluated(day), null);
        }
        // a crossing that began in the cooldown stays silent until the value falls below the clearing level
        boolean heldBack = state.heldBack() && m.value() >= rule.clearBelow(baseline);
        boolean reaches = reaches(rule, m);
        if (reaches && (heldBack || state.coolingDown(day, rule.cooldownDays()))) {
            return new Transition(Transition.Step.NONE, state.alertId(), state.severity(), m, at, state.evaluated(day, true), null);
        }
        if (!reaches) {
            return new Transition(Transition.Step.NONE, state.alertId(), state.severity(), m, at, state.evaluated(day, heldBack), null);
        }
        String id = String.join("|", rule.id(), region, day.toString());
        Severity severity = rule.severityFor(m.value(), baseline);
        return new Transition(Transition.Step.RAISED, id, severity, m, at, state.raised(id, severity, day, at),
                message(rule, region, m, lower(severity)));
    }

    /** Whether the measurement is high enough, corroborated enough and (CHANGE) above a baseline worth the name. */
    static boolean reaches(AlertRule rule, Measurement m) {
        if (rule.kind() == RuleKind.CHANGE && (m.baseline() == null || m.baseline() < rule.minBaseline())) {
            return false;
        }
        return m.value() >= m.raiseAt() && m.value() > 0 && m.sources() >= rule.minSources();
    }

    /** The rule's indicator for the region over the window ending on {@code day}, with its baseline and evidence. */
    public Measurement measure(AlertRule rule, RegionHistory history, LocalDate day) {
        LocalDate start = day.minusDays(rule.window().days() - 1L);
        AlertIndicator indicator = rule.indicator();
        List<CanonicalEvent> counted = history.between(start, day).stream().filter(indicator::counts).toList();
        double value = switch (indicator) {
            case ALERT_LEVEL -> counted.stream().mapToInt(AlertEvaluator::alertRank).max().orElse(0);
            case TENSION_INDEX -> indexOn(history, day);
            default -> counted.stream().mapToLong(indicator::amount).sum();
        };
        Double baseline = null;
        if (rule.kind() == RuleKind.CHANGE) {
            LocalDate baselineStart = start.minusDays(rule.baselineDays());
            long total = history.between(baselineStart, start.minusDays(1)).stream().filter(indicator::counts)
                    .mapToLong(indicator::amount).sum();
            baseline = round((double) total * rule.window().days() / rule.baselineDays());
        }
        int sources = (int) counted.stream().flatMap(e -> e.sources().stream()).distinct().count();
        List<CanonicalEvent> evidence = new ArrayList<>(counted);
        evidence.sort(Comparator.comparingLong(AlertEvaluator::weight).reversed()
                .thenComparing(CanonicalEvent::occurredOn, Comparator.reverseOrder())
                .thenComparing(CanonicalEvent::id));
        return new Measurement(value, baseline, round(rule.raiseAt(baseline == null ? 0 : baseline)), start, day, sources,
                evidence.subList(0, Math.min(MAX_EVIDENCE, evidence.size())));
    }

    private double indexOn(RegionHistory history, LocalDate day) {
        // each day's row built in place (the same row as a chain of DailyIndicatorsAggregator.add, without a copy per event)
        Map<LocalDate, DailyIndicatorsAggregator.RowChanges> building = new TreeMap<>();
        for (CanonicalEvent e : history.events()) {
            if (!e.occurredOn().isAfter(day)) {
                building.computeIfAbsent(e.occurredOn(), d -> new DailyIndicatorsAggregator.RowChanges(DailyIndicators.empty()))
                        .add(e);
            }
        }
        Map<LocalDate, DailyIndicators> rows = new TreeMap<>();
        building.forEach((d, row) -> rows.put(d, row.row()));
        if (rows.isEmpty()) {
            return 0;
        }
        return round(tensionIndex.compute(history.region(), new ArrayList<>(rows.values()), day, day).get(0).index());
    }

    /** How an event ranks as evidence: people for people-counted types, the alert level for alerts, else 1. */
    private static long weight(CanonicalEvent e) {
        if (e.type() == EventType.MILITARY_ALERT) {
            return alertRank(e);
        }
        return CanonicalEvent.countsPeople(e.type()) ? e.magnitude() : 1;
    }

    private static int alertRank(CanonicalEvent e) {
        return e.level() == null ? 1 : e.level().ordinal() + 1;
    }

    private static String message(AlertRule rule, String region, Measurement m, String outcome) {
        StringBuilder s = new StringBuilder(region).append(' ').append(describe(rule)).append(": ").append(number(m.value()));
        if (rule.kind() == RuleKind.CHANGE) {
            s.append(", baseline ").append(number(m.baselineOrZero())).append(" per ").append(rule.window().days())
                    .append(" days over the ").append(rule.baselineDays()).append(" days before, threshold ")
                    .append(number(m.raiseAt()));
        } else {
            s.append(", threshold ").append(number(m.raiseAt()));
        }
        return s.append(" (").append(outcome).append(')').toString();
    }

    private static String describe(AlertRule rule) {
        return switch (rule.indicator()) {
            case TENSION_INDEX -> "tension index";
            case ALERT_LEVEL -> "military alert level (1 raised, 2 high, 3 highest) over " + rule.window().days() + " days";
            default -> rule.indicator().configName() + " over " + rule.window().days() + (rule.window().days() == 1 ? " day" : " days");
        };
    }

    private static String lower(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}

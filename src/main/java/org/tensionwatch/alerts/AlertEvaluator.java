package org.tensionwatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.CanonicalEvent;
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
    /**
     * A changed day's events move the tension index of the days after it too, halving every week: a late change is
     * followed for two half-lives (a quarter of its pressure left), no further.
     */
    public static final int INDEX_REVISIT_DAYS = 14;

    /**
     * Events whose outlets are remembered as bit masks, at most; then all are forgotten and computed again (the map
     * also keeps replaced versions of events alive until then, so it is bounded well below the decoded state).
     */
    static final int MAX_SOURCE_MASKS = 50_000;
    /** Days whose index rows are remembered, at most; then all are forgotten and built again. */
    static final int MAX_DAY_ROWS = 20_000;

    private final TensionIndex tensionIndex;
    /**
     * Each event's outlets as a bit mask over {@link #sourceIds}, by event identity (events are immutable): the distinct
     * outlets of a window are then an OR of its events' masks instead of a hash set of every report's outlet, for every
     * rule and day evaluated. A cache, so an evaluator is not to be shared between threads (each task has its own).
     */
    private final Map<CanonicalEvent, long[]> sourceMasks = new IdentityHashMap<>();
    private final Map<String, Integer> sourceIds = new HashMap<>();
    /** Each day's indicator row for the tension index, by the identity of the day's events (see RegionHistory). */
    private final Map<List<CanonicalEvent>, org.tensionwatch.indicators.DailyIndicators> dayRows = new IdentityHashMap<>();

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

    /**
     * Evaluates the rule again on the past windows that a change of the region's events on the days from
     * {@code firstChanged} to {@code lastChanged} touched: every window that holds one of those days (for the tension
     * index, the {@link #INDEX_REVISIT_DAYS} days from it) and ends before
     * {@code today} (today's is evaluated as usual, by {@link #evaluate}), and none ending before {@code oldest}.
     * The late steps it decides are marked late, learned at {@code learnedAt}, with the end of the day they are about
     * as their time.
     *
     * <p>The alerts already told (the open one, and the past ones the state remembers) stand: a past window inside one
     * of them raises nothing. Between them, the days are evaluated one by one as {@link #evaluate} would have, from
     * the state the earlier alert left (its clearing day, so its cooldown, and a crossing held back by it): a window
     * that reaches the level raises a late alert {@code ruleId|region|day}, which escalates and clears on the
     * following days as the value goes, under the same hysteresis and cooldown as a prompt one. A late alert still
     * open when the next alert told was raised is the same crossing as that one and is not told (one alert per
     * crossing); one still open on the day before {@code today} becomes the rule's open alert. Inside the open alert,
     * a past window with a value worth a higher severity escalates it (late).
     *
     * <p>What a late change cannot undo, since it was told: an alert raised or escalated on evidence later retracted
     * or lowered, the day an alert cleared, and an alert raised within the cooldown of a late one before it.
     */
    public Revisit revisit(AlertRule rule, RegionHistory history, AlertState state, LocalDate firstChanged,
            LocalDate lastChanged, LocalDate today, LocalDate oldest, Instant learnedAt) {
        LocalDate from = max(firstChanged, oldest);
        LocalDate to = min(lastChanged.plusDays(reachDays(rule) - 1L), today.minusDays(1));
        if (from.isAfter(to)) {
            return new Revisit(List.of(), state);
        }
        List<Transition> steps = new ArrayList<>();
        List<AlertLife> lives = new ArrayList<>();
        AlertState current = state;
        AlertLife previous = null;
        List<AlertLife> told = new ArrayList<>(state.past());
        if (state.open()) {
            told.add(new AlertLife(state.alertId(), state.raisedOn(), LocalDate.MAX, state.severity()));
        }
        for (int i = 0; i <= told.size(); i++) {
            AlertLife next = i < told.size() ? told.get(i) : null;
            LocalDate gapLast = next == null ? today.minusDays(1) : next.raisedOn().minusDays(1);
            LocalDate gapFirst = previous == null ? from : previous.clearedOn().plusDays(1);
            if (!max(gapFirst, from).isAfter(min(gapLast, to))) {
                AlertState simulated = simulate(rule, history, previous, from, to, gapLast, next == null, learnedAt,
                        steps, lives);
                if (next == null && simulated != null) {
                    current = simulated;
                }
            }
            if (next == null || next.clearedOn().equals(LocalDate.MAX)) {
                break;
            }
            if (!next.raisedOn().isAfter(to) && !next.clearedOn().isBefore(from)) {
                AlertLife following = i + 1 < told.size() ? told.get(i + 1) : null;
                LocalDate last = following == null ? today.minusDays(1) : following.raisedOn().minusDays(1);
                next = extend(rule, history, next, last, learnedAt, steps);
            }
            lives.add(next);
            previous = next;
        }
        if (current.open()) {
            for (LocalDate day = max(from, current.raisedOn()); !day.isAfter(to); day = day.plusDays(1)) {
                Measurement m = measure(rule, history, day);
                Severity deserved = rule.severityFor(m.value(), m.baselineOrZero());
                if (deserved.compareTo(current.severity()) > 0 && m.sources() >= rule.minSources()) {
                    current = current.escalatedLate(deserved);
                    steps.add(new Transition(Transition.Step.ESCALATED, current.alertId(), deserved, m, endOf(day),
                            current, late(message(rule, history.region(), m, "now " + lower(deserved)), learnedAt))
                            .learnedLate(learnedAt));
                }
            }
        }
        List<AlertLife> kept = lives.stream()
                .filter(life -> !life.clearedOn().isBefore(today.minusDays(AlertState.LIVES_KEPT_DAYS))).toList();
        return new Revisit(steps, current.withPast(kept));
    }

    /**
     * How many days' windows, from a changed day on, {@link #revisit} evaluates again: the window's length; for the
     * tension index, whose day carries the pressure of the days before with a half-life of a week,
     * {@link #INDEX_REVISIT_DAYS}.
     */
    static int reachDays(AlertRule rule) {
        return rule.indicator() == AlertIndicator.TENSION_INDEX ? Math.max(INDEX_REVISIT_DAYS, rule.window().days())
                : rule.window().days();
    }

    /**
     * Follows a cleared alert again from the day it was raised to {@code last} on the history as it now stands: a
     * value that now deserves a higher severity escalates it (late), and a value that now stays up past the day it
     * was told cleared clears it again, later (late). Returns the alert as it now stands. An alert told cleared is
     * not reopened, nor cleared earlier: if the value now stays up to {@code last}, or falls earlier, the clearing
     * told stands.
     */
    private AlertLife extend(AlertRule rule, RegionHistory history, AlertLife life, LocalDate last, Instant learnedAt,
            List<Transition> steps) {
        AlertState state = new AlertState(life.id(), true, life.severity(), life.raisedOn(), endOf(life.raisedOn()),
                null, life.raisedOn(), false);
        List<Transition> found = new ArrayList<>();
        for (LocalDate day = life.raisedOn().plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            Transition t = evaluate(rule, history, state, day, endOf(day));
            state = t.next();
            if (t.step() == Transition.Step.ESCALATED) {
                found.add(asLate(t, learnedAt));
            } else if (t.step() == Transition.Step.CLEARED) {
                if (day.isAfter(life.clearedOn()) || !found.isEmpty()) {
                    found.add(asLate(t, learnedAt));
                    steps.addAll(found);
                    return new AlertLife(life.id(), life.raisedOn(), max(day, life.clearedOn()), t.severity());
                }
                return life;
            }
        }
        steps.addAll(found);
        return found.isEmpty() ? life : new AlertLife(life.id(), life.raisedOn(), life.clearedOn(), state.severity());
    }

    private static Transition asLate(Transition t, Instant learnedAt) {
        return new Transition(t.step(), t.alertId(), t.severity(), t.measurement(), t.at(), t.next(),
                late(t.message(), learnedAt)).learnedLate(learnedAt);
    }

    /**
     * Evaluates the days between the alert told before ({@code previous}, or none) and {@code last}, adding the
     * steps of late alerts to {@code steps} and those that cleared to {@code lives}; returns the state on
     * {@code last} if {@code trailing} (it is then the rule's state before today: a late alert may be open, or a
     * crossing held back by the cooldown), else {@code null}. The steps of an alert still open on {@code last} are
     * dropped unless {@code trailing} ({@code last} is the day before today): it is the crossing of the next alert.
     */
    private AlertState simulate(AlertRule rule, RegionHistory history, AlertLife previous, LocalDate from,
            LocalDate to, LocalDate last, boolean trailing, Instant learnedAt, List<Transition> steps,
            List<AlertLife> lives) {
        AlertState state = previous == null ? AlertState.NONE
                : new AlertState(previous.id(), false, previous.severity(), previous.raisedOn(), null,
                        previous.clearedOn(), previous.clearedOn(), false);
        LocalDate start = previous == null ? from
                : max(previous.clearedOn().plusDays(1), from.minusDays((long) rule.cooldownDays() + rule.window().days()));
        List<Transition> found = new ArrayList<>();
        List<Transition> ofOpen = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(last); day = day.plusDays(1)) {
            if (!trailing && day.isAfter(to) && found.isEmpty() && !state.open()) {
                return null;
            }
            Transition t = evaluate(rule, history, state, day, endOf(day));
            state = t.next();
            if (!t.emits()) {
                continue;
            }
            ofOpen.add(asLate(t, learnedAt));
            if (t.step() == Transition.Step.CLEARED) {
                found.addAll(ofOpen);
                ofOpen.clear();
                lives.add(new AlertLife(t.alertId(), t.next().raisedOn(), day, t.severity()));
            }
        }
        if (trailing) {
            found.addAll(ofOpen);
        }
        steps.addAll(found);
        return trailing ? state : null;
    }

    private static String late(String message, Instant learnedAt) {
        return message.substring(0, message.length() - 1) + ", learned late on "
                + LocalDate.ofInstant(learnedAt, ZoneOffset.UTC) + ")";
    }

    /** The last millisecond of the day: the time of a step decided on that day's close. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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
        List<CanonicalEvent> window = history.between(start, day);
        List<CanonicalEvent> counted = new ArrayList<>(window.size());
        for (CanonicalEvent e : window) {
            if (indicator.counts(e)) {
                counted.add(e);
            }
        }
        double value;
        if (indicator == AlertIndicator.ALERT_LEVEL) {
            int highest = 0;
            for (CanonicalEvent e : counted) {
                highest = Math.max(highest, alertRank(e));
            }
            value = highest;
        } else if (indicator == AlertIndicator.TENSION_INDEX) {
            value = indexOn(history, day);
        } else {
            value = sum(indicator, counted);
        }
        Double baseline = null;
        if (rule.kind() == RuleKind.CHANGE) {
            LocalDate baselineStart = start.minusDays(rule.baselineDays());
            long total = 0;
            for (CanonicalEvent e : history.between(baselineStart, start.minusDays(1))) {
                if (indicator.counts(e)) {
                    total += indicator.amount(e);
                }
            }
            baseline = round((double) total * rule.window().days() / rule.baselineDays());
        }
        return new Measurement(value, baseline, round(rule.raiseAt(baseline == null ? 0 : baseline)), start, day,
                sources(counted), new Evidence(counted));
    }

    private static long sum(AlertIndicator indicator, List<CanonicalEvent> counted) {
        long total = 0;
        for (CanonicalEvent e : counted) {
            total += indicator.amount(e);
        }
        return total;
    }

    /** The distinct outlets behind the events: those of their reports (an event's sources are its reports' outlets). */
    private int sources(List<CanonicalEvent> counted) {
        if (counted.isEmpty()) {
            return 0;
        }
        if (counted.size() == 1) {
            return counted.get(0).sourceCount();
        }
        if (sourceMasks.size() + counted.size() > MAX_SOURCE_MASKS) {
            sourceMasks.clear();
            sourceIds.clear();
        }
        long[][] masks = new long[counted.size()][];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = sourceMasks.computeIfAbsent(counted.get(i), this::maskOf);
        }
        long[] union = new long[(sourceIds.size() + 63) >>> 6];
        for (long[] mask : masks) {
            for (int w = 0; w < mask.length; w++) {
                union[w] |= mask[w];
            }
        }
        int outlets = 0;
        for (long word : union) {
            outlets += Long.bitCount(word);
        }
        return outlets;
    }

    private long[] maskOf(CanonicalEvent event) {
        List<Integer> ids = new ArrayList<>();
        int highest = 0;
        for (org.tensionwatch.indicators.ReportRef r : event.reports()) {
            Integer id = sourceIds.get(r.source());
            if (id == null) {
                id = sourceIds.size();
                sourceIds.put(r.source(), id);
            }
            ids.add(id);
            highest = Math.max(highest, id);
        }
        long[] mask = new long[(highest >>> 6) + 1];
        for (int id : ids) {
            mask[id >>> 6] |= 1L << (id & 63);
        }
        return mask;
    }

    /** How events rank as evidence: largest first, then the latest day, then by id. */
    private static final Comparator<CanonicalEvent> EVIDENCE_ORDER = Comparator.comparingLong(AlertEvaluator::weight)
            .reversed().thenComparing(CanonicalEvent::occurredOn, Comparator.reverseOrder())
            .thenComparing(CanonicalEvent::id);

    /**
     * The first {@link #MAX_EVIDENCE} counted events in {@link #EVIDENCE_ORDER}, sorted when first read: most
     * measurements decide that nothing happens and are never shown.
     */
    static final class Evidence extends java.util.AbstractList<CanonicalEvent> implements java.util.RandomAccess {
        private final List<CanonicalEvent> counted;
        private List<CanonicalEvent> sorted;

        Evidence(List<CanonicalEvent> counted) {
            this.counted = counted;
        }

        private List<CanonicalEvent> sorted() {
            List<CanonicalEvent> s = sorted;
            if (s == null) {
                List<CanonicalEvent> all = new ArrayList<>(counted);
                all.sort(EVIDENCE_ORDER);
                s = List.copyOf(all.subList(0, Math.min(MAX_EVIDENCE, all.size())));
                sorted = s;
            }
            return s;
        }

        @Override
        public CanonicalEvent get(int index) {
            return sorted().get(index);
        }

        @Override
        public int size() {
            return Math.min(MAX_EVIDENCE, counted.size());
        }
    }

    private double indexOn(RegionHistory history, LocalDate day) {
        // the series of the history's daily rows (each built in place, as a chain of DailyIndicatorsAggregator.add
        // would), computed once per history: the index of a day depends only on the rows up to it
        if (dayRows.size() > MAX_DAY_ROWS) {
            dayRows.clear();
        }
        return round(history.tensionIndexOn(tensionIndex, day, dayRows));
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

package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.alerts.AlertEvaluator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertState;
import org.tensionwatch.alerts.RegionDay;
import org.tensionwatch.alerts.RegionHistory;
import org.tensionwatch.alerts.Revisit;
import org.tensionwatch.alerts.Transition;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.indicators.CanonicalEvent;

/**
 * Keeps each region's recent canonical events and evaluates the region's rules whenever they change, emitting the
 * steps of alerts keyed by alert id: provisional steps at once, settled steps once a day can no longer change.
 *
 * <p>A region's events are stored one value per day ({@link RegionDay}, key {@link RegionDayKey} {@code REGION|YYYY-MM-DD}), each event
 * condensed to what the rules and the evidence read, and read back as the region's key range: a change writes only
 * its day, and no value grows with the length of the history (days older than the rules' horizon plus the settling
 * delay are dropped when the region next changes).
 *
 * <p>"Today" is the UTC day of stream time (the newest canonical event change the task has seen, stamped with its
 * publication time), never the wall clock. When stream time moves into a new day, every day since the last one seen
 * is closed first: every region of the task is evaluated on it as it stands, so that a quiet region still clears
 * its alerts, and steps decided then carry the end of that day as their time. Then the changed region is evaluated
 * on today, at stream time. The same records in the same order therefore give the same alerts, ids and times.
 *
 * <p>A change about an earlier day than today is evaluated on every past window it touches too
 * ({@link AlertEvaluator#revisit}: each window holding its day, for the tension index the two weeks from it, up to
 * yesterday): a crossing learned late raises an alert for the window it crossed in, marked late, with the end of that
 * day as its time and stream time as when it was learned, under the same hysteresis and cooldown as a prompt one.
 * The provisional alerts are then a function of the evidence rather than of its order of arrival, but for what was
 * told already and cannot be taken back. What remains order-dependent:
 * <ul>
 *   <li>the day a crossing is raised on (so its id), when the evidence of its first days comes after an alert of
 *       the same crossing was raised on a later day: one crossing keeps the one alert told;</li>
 *   <li>a step told on evidence later retracted or lowered (a raise, an escalation), and a clearing told before
 *       evidence that would have kept the value up to today: a cleared alert is cleared again later, or escalated,
 *       but not reopened nor un-told; an alert raised within the cooldown of a late one before it stands;</li>
 *   <li>which steps are late and their {@code learnedAt}: "today" is the task's stream time, over all regions of
 *       the task's partition, so a region's report is late when another region's newer news came first;</li>
 *   <li>windows a change reaches only through a baseline (change rules) or beyond two weeks (tension index).</li>
 * </ul>
 * A per-region "today" would make the late marks independent of other regions, but a region that went quiet would
 * then never see its days close and its alerts clear; the task's day is kept, and late steps make up the difference.
 *
 * <p>Provisional steps depend on what had arrived when each was decided, within those limits. Settled steps do not: when stream time enters a new day,
 * each day that is {@code settleDays} old is evaluated once more, for every region of the task, with a second,
 * separate state per rule and region. By then no report about that day (or one that merges into its events) can
 * still arrive, so a settled step is a function of the day's final canonical events and the previous settled day:
 * any order of the same history gives the same settled steps, ids and times (the end of the day evaluated).
 */
final class EvaluateAlerts implements Processor<String, CanonicalEventChange, String, AlertStep> {

    static final String CLOCK_KEY = "clock";
    /** The last day evaluated for settled steps. */
    static final String SETTLED_CLOCK_KEY = "settled";
    /** A jump in stream time closes at most this many days: older ones can no longer hold anything to clear. */
    static final int MAX_DAYS_CLOSED = AlertRule.MAX_BASELINE_DAYS + 31;
    /**
     * Condensed events kept decoded in the heap between records, over all regions of the task: reading a region's days
     * back from the store decodes every one of them, the largest cost of a change. A region that does not fit is read
     * from the store each time.
     */
    static final int MAX_DECODED_EVENTS = 100_000;
    /** Rule states kept decoded in the heap, over all rules and regions of the task (two per rule and region). */
    static final int MAX_STATE_COPIES = 100_000;

    private final List<AlertRule> rules;
    private final AlertEvaluator evaluator;
    private final int horizonDays;
    private final int settleDays;
    private final AlertSteps stepCounts;
    private ProcessorContext<String, AlertStep> context;
    private KeyValueStore<String, RegionDay> days;
    private KeyValueStore<String, AlertState> states;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, EscalationAlert> latest;
    private KeyValueStore<String, AlertHistory> histories;
    /** Decoded days of the busiest regions (see {@link #MAX_DECODED_EVENTS}), written through with the store. */
    private final DecodedCache<String, Decoded> decoded = new DecodedCache<>(MAX_DECODED_EVENTS, Decoded::events);
    /**
     * The regions with stored days, in order; {@code null} until first needed after the task is initialized, then read
     * from the store once and kept with it.
     */
    private TreeSet<String> regions;
    /** Rule states as last read from or written to the store (absent: not read yet), written through with it. */
    private final Map<String, AlertState> stateCopies = new HashMap<>();
    /** The stored clock's days as last read or written, by key (absent: not read yet). */
    private final Map<String, Long> clockCopies = new HashMap<>();

    /**
     * @param settleDays how old a day is when its settled steps are decided (see {@link AlertsTopology})
     * @param stepCounts where the provisional steps emitted are counted
     */
    EvaluateAlerts(List<AlertRule> rules, AlertEvaluator evaluator, int settleDays, AlertSteps stepCounts) {
        if (settleDays < 1) {
            throw new IllegalArgumentException("settleDays < 1: " + settleDays);
        }
        this.rules = List.copyOf(rules);
        this.evaluator = evaluator;
        this.horizonDays = rules.stream().mapToInt(AlertRule::horizonDays).max().orElse(1);
        this.settleDays = settleDays;
        this.stepCounts = stepCounts;
    }

    @Override
    public void init(ProcessorContext<String, AlertStep> context) {
        this.context = context;
        this.days = context.getStateStore(AlertStoreNames.REGION_DAYS);
        this.states = context.getStateStore(AlertStoreNames.RULE_STATE);
        this.clock = context.getStateStore(AlertStoreNames.CLOCK);
        this.latest = context.getStateStore(AlertStoreNames.LATEST_ALERTS);
        this.histories = context.getStateStore(AlertStoreNames.ALERT_HISTORY);
        // after a rollback under exactly-once the task is initialized again: the copy is rebuilt from the restored store
        forgetDecoded();
    }

    @Override
    public void close() {
        forgetDecoded();
    }

    private void forgetDecoded() {
        decoded.clear();
        regions = null;
        stateCopies.clear();
        clockCopies.clear();
    }

    /**
     * A region's days as stored, each event's day by id, and the history they make: immutable, replaced as a whole
     * when the region changes, so that the copy kept between records is never half updated.
     */
    private record Decoded(String region, Map<LocalDate, RegionDay> days, Map<String, LocalDate> dayOfId,
            RegionHistory history) {

        static Decoded of(String region, Map<LocalDate, RegionDay> days) {
            Map<String, LocalDate> dayOfId = new HashMap<>();
            days.forEach((day, events) -> events.events().forEach(e -> dayOfId.put(e.id(), day)));
            return new Decoded(region, days, dayOfId, RegionHistory.of(region, days.values()));
        }

        long events() {
            return dayOfId.size();
        }
    }

    private AlertState state(String key) {
        AlertState state = stateCopies.get(key);
        if (state == null && !stateCopies.containsKey(key)) {
            state = states.get(key);
            keepState(key, state);
        }
        return state == null ? AlertState.NONE : state;
    }

    private void putState(String key, AlertState state) {
        states.put(key, state);
        keepState(key, state);
    }

    private void keepState(String key, AlertState state) {
        if (stateCopies.size() >= MAX_STATE_COPIES && !stateCopies.containsKey(key)) {
            stateCopies.clear();
        }
        stateCopies.put(key, state);
    }

    private Long clockDay(String key) {
        if (!clockCopies.containsKey(key)) {
            clockCopies.put(key, clock.get(key));
        }
        return clockCopies.get(key);
    }

    private void putClockDay(String key, long epochDay) {
        clock.put(key, epochDay);
        clockCopies.put(key, epochDay);
    }

    @Override
    public void process(Record<String, CanonicalEventChange> record) {
        String region = record.key();
        CanonicalEventChange change = record.value();
        if (region == null || change == null) {
            return;
        }
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(streamTime), ZoneOffset.UTC);
        Long lastDay = clockDay(CLOCK_KEY);
        if (lastDay == null || today.toEpochDay() > lastDay) {
            if (lastDay != null) {
                LocalDate from = LocalDate.ofEpochDay(Math.max(lastDay, today.toEpochDay() - MAX_DAYS_CLOSED));
                closeDays(from, today.minusDays(1));
            }
            settle(today.minusDays(settleDays));
            putClockDay(CLOCK_KEY, today.toEpochDay());
        } else {
            today = LocalDate.ofEpochDay(lastDay);
        }

        Decoded stored = daysOf(region);
        LocalDate[] changed = changedDays(stored, change);
        RegionHistory history = update(stored, change, today.minusDays(horizonDays + settleDays));
        Instant now = Instant.ofEpochMilli(streamTime);
        if (changed != null && changed[0].isBefore(today)) {
            revisit(history, changed[0], changed[1], today, now);
        }
        evaluate(history, today, now);
    }

    /**
     * The first and last day the change touches: the event's day before (if the region held it) and after (if it
     * still exists); {@code null} when it touches none (a tombstone of an event never seen).
     */
    private static LocalDate[] changedDays(Decoded stored, CanonicalEventChange change) {
        LocalDate before = stored.dayOfId().get(change.id());
        LocalDate after = change.event() == null ? null : change.event().occurredOn();
        if (before == null && after == null) {
            return null;
        }
        LocalDate first = before == null || (after != null && after.isBefore(before)) ? after : before;
        LocalDate last = before == null || (after != null && after.isAfter(before)) ? after : before;
        return new LocalDate[] {first, last};
    }

    /**
     * Evaluates every rule of the region on the past windows the change touched ({@link AlertEvaluator#revisit}):
     * crossings learned late are told as late steps, under the same hysteresis and cooldown as prompt ones.
     */
    private void revisit(RegionHistory history, LocalDate first, LocalDate last, LocalDate today, Instant now) {
        for (AlertRule rule : rules) {
            String key = new RuleStateKey(false, rule.id(), history.region()).encode();
            AlertState state = state(key);
            Revisit revisit = evaluator.revisit(rule, history, state, first, last, today, today.minusDays(settleDays), now);
            if (revisit.next().differsFrom(state)) {
                putState(key, revisit.next());
            }
            for (Transition t : revisit.steps()) {
                EscalationAlert alert = AlertMapping.toAvro(rule, history.region(), t);
                tell(alert);
                context.forward(new Record<>(alert.getId(), new AlertStep(alert, false), now.toEpochMilli()));
            }
        }
    }

    /**
     * Applies the change to the region's stored days and drops days before {@code first}, writing only the days that
     * changed; returns the region's history as it now stands.
     */
    private RegionHistory update(Decoded stored, CanonicalEventChange change, LocalDate first) {
        String region = stored.region();
        Map<LocalDate, RegionDay> next = new TreeMap<>(stored.days());
        LocalDate heldOn = stored.dayOfId().get(change.id());
        if (heldOn != null) {
            next.put(heldOn, next.get(heldOn).without(change.id()));
        }
        CanonicalEvent event = change.event();
        if (event != null) {
            LocalDate day = event.occurredOn();
            next.put(day, next.getOrDefault(day, RegionDay.empty(region, day)).with(event));
        }
        Map<LocalDate, RegionDay> kept = new TreeMap<>();
        boolean unchanged = true;
        for (Map.Entry<LocalDate, RegionDay> entry : next.entrySet()) {
            LocalDate day = entry.getKey();
            RegionDay events = entry.getValue();
            RegionDay before = stored.days().get(day);
            if (day.isBefore(first) || events.isEmpty()) {
                if (before != null) {
                    days.delete(new RegionDayKey(region, day).encode());
                    unchanged = false;
                }
            } else {
                if (events != before && !events.equals(before)) {
                    days.put(new RegionDayKey(region, day).encode(), events);
                    unchanged = false;
                }
                kept.put(day, events);
            }
        }
        Decoded now = unchanged ? stored : Decoded.of(region, kept);
        remember(now);
        if (regions != null) {
            if (kept.isEmpty()) {
                regions.remove(region);
            } else {
                regions.add(region);
            }
        }
        return now.history();
    }

    private Decoded daysOf(String region) {
        Decoded cached = decoded.get(region);
        if (cached != null) {
            return cached;
        }
        Map<LocalDate, RegionDay> found = new TreeMap<>();
        try (KeyValueIterator<String, RegionDay> range = days.prefixScan(RegionDayKey.firstOf(region), new StringSerializer())) {
            range.forEachRemaining(kv -> found.put(kv.value.day(), kv.value));
        }
        return Decoded.of(region, found);
    }

    /** Keeps the region's decoded days if they fit (replacing its earlier copy). */
    private void remember(Decoded region) {
        decoded.put(region.region(), region);
    }

    /**
     * The history of every region of this task, by region. The first time after the task is initialized the regions
     * are read from the store (and kept decoded where they fit); afterwards from the copies kept with it.
     */
    private List<RegionHistory> allRegions() {
        List<RegionHistory> all = new ArrayList<>();
        if (regions == null) {
            Map<String, Map<LocalDate, RegionDay>> byRegion = new TreeMap<>();
            try (KeyValueIterator<String, RegionDay> stored = days.all()) {
                stored.forEachRemaining(kv -> byRegion.computeIfAbsent(kv.value.region(), r -> new TreeMap<>())
                        .put(kv.value.day(), kv.value));
            }
            regions = new TreeSet<>(byRegion.keySet());
            byRegion.forEach((region, regionDays) -> {
                Decoded read = decoded.get(region);
                if (read == null) {
                    read = Decoded.of(region, regionDays);
                    remember(read);
                }
                all.add(read.history());
            });
            return all;
        }
        for (String region : regions) {
            all.add(daysOf(region).history());
        }
        return all;
    }

    /** Evaluates every region of this task on each day from {@code first} to {@code last}, at the end of that day. */
    private void closeDays(LocalDate first, LocalDate last) {
        List<RegionHistory> regions = allRegions();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (RegionHistory history : regions) {
                evaluate(history, day, endOf(day), false);
            }
        }
    }

    /**
     * Decides the settled steps of every day after the last one settled up to {@code last}. The first time, nothing
     * is settled: days that old had no events yet (records arrive at most the grace period late).
     */
    private void settle(LocalDate last) {
        Long settled = clockDay(SETTLED_CLOCK_KEY);
        if (settled != null && settled < last.toEpochDay()) {
            List<RegionHistory> regions = allRegions();
            LocalDate first = LocalDate.ofEpochDay(Math.max(settled + 1, last.toEpochDay() - MAX_DAYS_CLOSED));
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                for (RegionHistory history : regions) {
                    evaluate(history, day, endOf(day), true);
                }
            }
        }
        if (settled == null || settled < last.toEpochDay()) {
            putClockDay(SETTLED_CLOCK_KEY, last.toEpochDay());
        }
    }

    private static Instant endOf(LocalDate day) {
        return AlertEvaluator.endOf(day);
    }

    /** Keeps a provisional step as the alert's latest and in its history. */
    private void tell(EscalationAlert alert) {
        latest.put(alert.getId(), alert);
        AlertHistory steps = histories.get(alert.getId());
        histories.put(alert.getId(), (steps == null ? AlertHistory.empty() : steps).with(alert));
        stepCounts.emitted(alert.getStatus(), alert.getSeverity());
    }

    private void evaluate(RegionHistory history, LocalDate day, Instant at) {
        evaluate(history, day, at, false);
    }

    private void evaluate(RegionHistory history, LocalDate day, Instant at, boolean settled) {
        for (AlertRule rule : rules) {
            String key = new RuleStateKey(settled, rule.id(), history.region()).encode();
            AlertState state = state(key);
            Transition t = evaluator.evaluate(rule, history, state, day, at);
            // the day last evaluated alone is not worth a changelog record per rule and event
            if (t.next().differsFrom(state)) {
                putState(key, t.next());
            }
            if (t.emits()) {
                EscalationAlert alert = AlertMapping.toAvro(rule, history.region(), t);
                if (!settled) {
                    tell(alert);
                }
                context.forward(new Record<>(alert.getId(), new AlertStep(alert, settled), at.toEpochMilli()));
            }
        }
    }
}

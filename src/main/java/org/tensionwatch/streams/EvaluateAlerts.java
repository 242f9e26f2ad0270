package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.alerts.AlertEvaluator;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertState;
import org.tensionwatch.alerts.RegionHistory;
import org.tensionwatch.alerts.Transition;
import org.tensionwatch.avro.EscalationAlert;

/**
 * Keeps each region's recent canonical events and evaluates the region's rules whenever they change, emitting the
 * steps of alerts keyed by alert id.
 *
 * <p>"Today" is the UTC day of stream time (the newest canonical event change the task has seen, stamped with its
 * publication time), never the wall clock. When stream time moves into a new day, every day since the last one seen
 * is closed first: every region of the task is evaluated on it as it stands, so that a quiet region still clears
 * its alerts, and steps decided then carry the end of that day as their time. Then the changed region is evaluated
 * on today, at stream time. The same records in the same order therefore give the same alerts, ids and times.
 */
final class EvaluateAlerts implements Processor<String, CanonicalEventChange, String, EscalationAlert> {

    static final String CLOCK_KEY = "clock";
    /** A jump in stream time closes at most this many days: older ones can no longer hold anything to clear. */
    static final int MAX_DAYS_CLOSED = AlertRule.MAX_BASELINE_DAYS + 31;

    private final List<AlertRule> rules;
    private final AlertEvaluator evaluator;
    private final int horizonDays;
    private ProcessorContext<String, EscalationAlert> context;
    private KeyValueStore<String, RegionHistory> histories;
    private KeyValueStore<String, AlertState> states;
    private KeyValueStore<String, Long> clock;
    private KeyValueStore<String, EscalationAlert> latest;

    EvaluateAlerts(List<AlertRule> rules, AlertEvaluator evaluator) {
        this.rules = List.copyOf(rules);
        this.evaluator = evaluator;
        this.horizonDays = rules.stream().mapToInt(AlertRule::horizonDays).max().orElse(1);
    }

    @Override
    public void init(ProcessorContext<String, EscalationAlert> context) {
        this.context = context;
        this.histories = context.getStateStore(AlertStoreNames.REGION_EVENTS);
        this.states = context.getStateStore(AlertStoreNames.RULE_STATE);
        this.clock = context.getStateStore(AlertStoreNames.CLOCK);
        this.latest = context.getStateStore(AlertStoreNames.LATEST_ALERTS);
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
        Long lastDay = clock.get(CLOCK_KEY);
        if (lastDay == null || today.toEpochDay() > lastDay) {
            if (lastDay != null) {
                LocalDate from = LocalDate.ofEpochDay(Math.max(lastDay, today.toEpochDay() - MAX_DAYS_CLOSED));
                closeDays(from, today.minusDays(1));
            }
            clock.put(CLOCK_KEY, today.toEpochDay());
        } else {
            today = LocalDate.ofEpochDay(lastDay);
        }

        RegionHistory history = histories.get(region);
        history = history == null ? RegionHistory.empty(region) : history;
        history = change.event() == null ? history.without(change.id()) : history.with(change.event());
        history = history.retainFrom(today.minusDays(horizonDays));
        if (history.isEmpty()) {
            histories.delete(region);
        } else {
            histories.put(region, history);
        }
        evaluate(history, today, Instant.ofEpochMilli(streamTime));
    }

    /** Evaluates every region of this task on each day from {@code first} to {@code last}, at the end of that day. */
    private void closeDays(LocalDate first, LocalDate last) {
        List<RegionHistory> regions = new ArrayList<>();
        try (KeyValueIterator<String, RegionHistory> all = histories.all()) {
            all.forEachRemaining(kv -> regions.add(kv.value));
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
            for (RegionHistory history : regions) {
                evaluate(history, day, endOfDay);
            }
        }
    }

    private void evaluate(RegionHistory history, LocalDate day, Instant at) {
        for (AlertRule rule : rules) {
            String key = rule.id() + "|" + history.region();
            AlertState state = states.get(key);
            state = state == null ? AlertState.NONE : state;
            Transition t = evaluator.evaluate(rule, history, state, day, at);
            // the day last evaluated alone is not worth a changelog record per rule and event
            if (t.next().differsFrom(state)) {
                states.put(key, t.next());
            }
            if (t.emits()) {
                EscalationAlert alert = AlertMapping.toAvro(rule, history.region(), t);
                latest.put(alert.getId(), alert);
                AlertSteps.emitted(alert.getStatus(), alert.getSeverity());
                context.forward(new Record<>(alert.getId(), alert, at.toEpochMilli()));
            }
        }
    }
}

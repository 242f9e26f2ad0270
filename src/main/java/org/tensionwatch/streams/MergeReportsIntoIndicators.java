package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.MatchKey;
import org.tensionwatch.indicators.MergeResult;
import org.tensionwatch.indicators.ReportChange;
import org.tensionwatch.indicators.Retraction;

/**
 * Merges the reports of a region (the task owns all of them) into canonical events and keeps the region's daily
 * indicators by difference, as a KTable aggregate with adder and subtractor would, without a repartition in between.
 *
 * <p>State, per task:
 * <ul>
 *   <li>{@link StoreNames#CANONICAL_BY_DAY}: region|type|day -> the canonical events of that day still within the
 *       retention; a merge reads the range of its region and type and writes back only the days that changed.</li>
 *   <li>{@link StoreNames#CANONICAL_EVENTS}: id -> canonical event, the table behind the queries, and the old value
 *       each change subtracts from its day.</li>
 *   <li>{@link StoreNames#DAILY_INDICATORS}: region|day -> the day's indicators.</li>
 *   <li>{@link StoreNames#DAILY_INDICATORS_HISTORY}: region|day -> every version of the day's indicators (a
 *       tombstone when it lost its last event), valid from the stream time it was written at, which is the time the
 *       system learned it: the newest publication time read when the merge ran, never the wall clock.</li>
 *   <li>{@link StoreNames#PENDING_REPORTS}: region|type|offset -> reports waiting for the next merge, when
 *       {@link IndicatorSettings#mergeInterval()} is positive. Merging a batch of reports of one region and type
 *       clusters once instead of once per report; the result is the same set of events (clustering is a function of
 *       the set of latest report versions). The store is changelogged, so under exactly-once a waiting report is
 *       committed with its input offset and merged after a restart. Which regions and types an interval merges is
 *       {@link MergeSchedule}'s choice: all of them while the input keeps up; during a backlog, those whose waiting
 *       reports are worth a clustering or have waited {@link IndicatorSettings#mergeMaxWait()}.</li>
 *   <li>{@link StoreNames#REGION_NEWEST_PUBLICATION}: region -> the newest publication time of its reports, the
 *       region's own stream time. The merge keeps a region's canonical events matchable back to
 *       {@link IndicatorSettings#retainedFrom} of it and drops a report about an earlier day (it would have nothing left
 *       to match). Per region, so that what is kept of one region never depends on the news of another region in the
 *       same partition, nor on how the two interleave.</li>
 * </ul>
 * A retraction comes keyed by the region|type its report was filed under (the extraction knows it and writes it on
 * the tombstone; {@link ReportsByRegion} passes on only those of this task's regions); it waits and is merged with that
 * region and type's reports in arrival order, and one for a report not held, or retracted already, changes nothing.
 * Every change of a canonical event is emitted (tombstones for ids that disappear), and every changed day with the
 * region's tension index on it; a changed day also moves the index of the days after it, and each later day with events
 * whose (rounded) index moved is emitted again, unchanged but for its index ({@link org.tensionwatch.indicators.TensionIndexTracker}), so that the
 * latest record of every day carries the index of the rows as they stand, whatever the order and batches of the
 * reports.
 *
 * <p>The processor coordinates; each part of the state has its own collaborator: {@link WaitingReports} (the
 * waiting reports and the {@link MergeSchedule}), {@link CanonicalEventStores} (the canonical events by day and by id,
 * with the decoded events of the busiest regions and types, up to {@link CanonicalEventStores#MAX_DECODED_REPORTS}
 * report references), {@link DailyRowsWriter} (the daily rows, their history and tension index, and their output,
 * up to {@link DailyRowsWriter#MAX_DECODED_ROWS} rows kept decoded) and {@link NewestPublications}. The copies kept
 * in the heap are written through with the stores and made anew whenever the task is (re)initialized, and dropped
 * when it is closed, so after a rollback under exactly-once they are rebuilt from the restored stores.
 */
final class MergeReportsIntoIndicators implements Processor<String, ReportChange, String, IndicatorsOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(MergeReportsIntoIndicators.class);

    private final CanonicalEventMerger merger;
    private final IndicatorSettings settings;
    private final DroppedReports dropped;
    private ProcessorContext<String, IndicatorsOutput> context;
    private WaitingReports waiting;
    private CanonicalEventStores events;
    private DailyRowsWriter rows;
    private NewestPublications newest;
    /** When the next merge interval ends (wall clock), with an idle check more often than the interval. */
    private long nextIntervalMs;
    /** When the last report arrived (wall clock). */
    private long lastArrivalMs;

    /** @param dropped where the reports too late to apply are counted */
    MergeReportsIntoIndicators(CanonicalEventMerger merger, IndicatorSettings settings, DroppedReports dropped) {
        this.merger = merger;
        this.settings = settings;
        this.dropped = dropped;
    }

    @Override
    public void init(ProcessorContext<String, IndicatorsOutput> context) {
        this.context = context;
        // made anew at each (re)initialization, so nothing decoded outlives a rollback of the stores
        this.waiting = new WaitingReports(context.getStateStore(StoreNames.PENDING_REPORTS),
                new MergeSchedule(settings.mergeMaxWait().toMillis(), settings.mergeAllBelow()));
        this.events = new CanonicalEventStores(context.getStateStore(StoreNames.CANONICAL_BY_DAY),
                context.getStateStore(StoreNames.CANONICAL_EVENTS));
        this.newest = new NewestPublications(context.getStateStore(StoreNames.REGION_NEWEST_PUBLICATION));
        this.rows = new DailyRowsWriter(context, context.getStateStore(StoreNames.DAILY_INDICATORS),
                context.getStateStore(StoreNames.DAILY_INDICATORS_HISTORY), settings, newest);
        if (settings.batched()) {
            // reports left waiting by an earlier run of the task (committed with their input offsets)
            long startedAt = context.currentSystemTimeMs();
            waiting.recover(startedAt);
            MergeSchedule schedule = waiting.schedule();
            long intervalMs = settings.mergeInterval().toMillis();
            long idleMs = settings.mergeIdleAfter().toMillis();
            nextIntervalMs = startedAt + intervalMs;
            lastArrivalMs = startedAt;
            if (idleMs <= 0 || idleMs >= intervalMs) {
                context.schedule(settings.mergeInterval(), PunctuationType.WALL_CLOCK_TIME,
                        now -> mergePending(schedule.due(now)));
            } else {
                // checked every idleMs: the interval's merge when it is due, else everything once the input went idle
                context.schedule(settings.mergeIdleAfter(), PunctuationType.WALL_CLOCK_TIME, now -> {
                    if (now >= nextIntervalMs) {
                        nextIntervalMs = now + intervalMs;
                        mergePending(schedule.due(now));
                    } else if (schedule.waitingReports() > 0 && now - lastArrivalMs >= idleMs && schedule.live()) {
                        mergePending(schedule.idle());
                    }
                });
            }
        }
    }

    @Override
    public void process(Record<String, ReportChange> record) {
        // what this record changes, by region|type: a retraction, a report, or a report moved from another type
        List<Map.Entry<String, ReportChange>> changes = new ArrayList<>(1);
        if (record.value() instanceof Retraction retraction) {
            // keyed by the region|type it was filed under, which the extraction wrote on the tombstone
            changes.add(Map.entry(record.key(), retraction));
        } else {
            EventReport report = (EventReport) record.value();
            LocalDate retainedFrom = settings.retainedFrom(Instant.ofEpochMilli(
                    newest.advance(report.region(), report.publishedAt().toEpochMilli())));
            if (report.occurredOn().isBefore(retainedFrom)) {
                dropped.countLate();
                LOG.warn("Report {} about {} arrived after the merge step let go of {}'s days before {}; not applied",
                        report.eventId(), report.occurredOn(), report.region(), retainedFrom);
                return;
            }
            changes.add(Map.entry(MatchKey.of(report).asString(), report));
        }
        if (!settings.batched()) {
            // stamped with stream time, not the report's publication time: a report published earlier but
            // received later is still a newer version of the canonical event
            long timestamp = Math.max(record.timestamp(), context.currentStreamTimeMs());
            DailyRowsWriter.Changes changed = rows.changes();
            changes.forEach(change -> merge(change.getKey(), List.of(change.getValue()), timestamp, changed));
            changed.emit(timestamp);
            return;
        }
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElseThrow();
        lastArrivalMs = context.currentSystemTimeMs();
        for (Map.Entry<String, ReportChange> change : changes) {
            waiting.add(change.getKey(), offset, change.getValue(), lastArrivalMs);
        }
        if (waiting.count() >= settings.maxPendingReports()) {
            mergePending(waiting.schedule().all());
        }
    }

    @Override
    public void close() {
        if (waiting != null) {
            waiting.clear();
            events.clear();
            rows.clear();
            newest.clear();
        }
    }

    /**
     * Merges the waiting reports of these regions and types, one clustering per region and type, in arrival order
     * within each.
     */
    private void mergePending(List<String> matchKeys) {
        if (matchKeys.isEmpty()) {
            return;
        }
        WaitingReports.Batch batch = waiting.take(matchKeys);
        if (batch.isEmpty()) {
            return;
        }
        long timestamp = Math.max(context.currentStreamTimeMs(), 0);
        DailyRowsWriter.Changes changed = rows.changes();
        batch.byMatchKey().forEach((matchKey, reports) -> merge(matchKey, reports, timestamp, changed));
        changed.emit(timestamp);
        waiting.remove(batch);
    }

    /** Merges the reports of one region and type; forwards every change of a canonical event, tombstones first. */
    private void merge(String matchKey, List<ReportChange> reports, long timestamp, DailyRowsWriter.Changes changed) {
        List<CanonicalEvent> known = events.load(matchKey);
        MergeResult result = merger.mergeAll(known, reports);
        LocalDate retainedFrom = settings.retainedFrom(Instant.ofEpochMilli(newest.of(MatchKey.regionOf(matchKey))));
        List<CanonicalEvent> kept = merger.retainMatchable(result.events(), retainedFrom);
        events.replace(matchKey, known, kept);
        waiting.schedule().merged(matchKey, (int) Math.min(Integer.MAX_VALUE, CanonicalEventStores.reports(kept)));
        for (String removed : result.removedIds()) {
            CanonicalEvent old = events.remove(removed);
            if (old != null) {
                changed.subtract(old);
            }
            context.forward(new Record<>(removed, IndicatorsOutput.event(null), timestamp));
        }
        for (CanonicalEvent event : result.upserts()) {
            CanonicalEvent old = events.put(event, timestamp);
            if (old != null) {
                changed.subtract(old);
            }
            changed.add(event);
            context.forward(new Record<>(event.id(), IndicatorsOutput.event(event), timestamp));
        }
    }
}

package org.tensionwatch.streams;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.CanonicalEventMerger;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.MergeResult;

/**
 * Merges each report into the canonical events of its region and type and emits what changed:
 * new or updated canonical events by id, and tombstones for ids that no longer exist. The store
 * keeps only the events that a report within the grace period could still join.
 */
final class MergeIntoCanonicalEvents implements Processor<String, EventReport, String, CanonicalEvent> {

    private final CanonicalEventMerger merger;
    private final IndicatorSettings settings;
    private ProcessorContext<String, CanonicalEvent> context;
    private KeyValueStore<String, CanonicalEventList> store;

    MergeIntoCanonicalEvents(CanonicalEventMerger merger, IndicatorSettings settings) {
        this.merger = merger;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CanonicalEvent> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.CANONICAL_BY_MATCH_KEY);
    }

    @Override
    public void process(Record<String, EventReport> record) {
        CanonicalEventList known = store.get(record.key());
        MergeResult result = merger.merge(known == null ? List.of() : known.events(), record.value());
        LocalDate retainedFrom = settings.retainedFrom(ReportsByMatchKey.streamTime(context));
        store.put(record.key(), new CanonicalEventList(merger.retainMatchable(result.events(), retainedFrom)));
        // stamped with stream time, not the report's publication time: a report published earlier but
        // received later is still a newer version of the canonical event
        Record<String, EventReport> now = record.withTimestamp(Math.max(record.timestamp(), context.currentStreamTimeMs()));
        for (String removed : result.removedIds()) {
            context.forward(now.withKey(removed).withValue((CanonicalEvent) null));
        }
        for (CanonicalEvent event : result.upserts()) {
            context.forward(now.withKey(event.id()).withValue(event));
        }
    }
}

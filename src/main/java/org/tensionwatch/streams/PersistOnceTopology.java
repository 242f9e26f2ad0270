package org.tensionwatch.streams;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.kafka.Topics;

/**
 * For the benchmark only, never run by the service: {@link ReadOnlyTopology} plus the least state a merge needs to
 * survive a restart under exactly-once. Each report is kept once, under its event id, in a persistent store with the
 * record cache and a changelog, as a table of the latest reports would; nothing is merged and nothing is emitted.
 * Any design that can still merge a revised or late report with the reports it arrived after keeps at least this, so
 * what this topology reaches bounds them all on a machine.
 */
public final class PersistOnceTopology {

    static final String REPORTS = "latest-reports";

    private PersistOnceTopology() {
    }

    public static Topology build(Topics topics, IndicatorSettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(StoreKind.keyValue(REPORTS, Serdes.String(), CompactSerde.eventReport(), streamsConfig)
                .withCachingEnabled());
        // its own counts of dropped events, read by no one: the service's figures stay the service's
        IndicatorsTopology.reportsByRegion(builder, topics, settings, new DroppedReports())
                .process(KeepReport::new, Named.as("keep-each-report"), REPORTS);
        return builder.build(streamsConfig);
    }

    /** Puts each report in the store under its event id; forwards nothing. */
    private static final class KeepReport implements Processor<String, EventReport, Void, Void> {

        private KeyValueStore<String, EventReport> reports;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            reports = context.getStateStore(REPORTS);
        }

        @Override
        public void process(Record<String, EventReport> record) {
            reports.put(record.value().eventId(), record.value());
        }
    }
}

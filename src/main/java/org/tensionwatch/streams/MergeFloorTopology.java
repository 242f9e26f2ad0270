package org.tensionwatch.streams;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.MergeSettings;
import org.tensionwatch.indicators.ReportRef;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.kafka.Topics;

/**
 * For the benchmark only, never run by the service: the shape of {@link IndicatorsTopology} (the same reading, keying
 * by region in place, and output topics and mappings) with a merge step that does next to nothing. Each report
 * becomes a canonical event of its own and a daily row holding that event alone, both emitted at once; no state, no
 * clustering. What this topology reaches is the floor of the architecture on a machine: the cost of the broker round
 * trips, serialization and exactly-once transactions that any merge step adds to.
 */
public final class MergeFloorTopology {

    private static final String OUTPUTS = "floor-outputs-";

    private MergeFloorTopology() {
    }

    public static Topology build(Topics topics, IndicatorSettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        // its own counts of dropped events, read by no one: the service's figures stay the service's
        KStream<String, IndicatorsOutput> merged = IndicatorsTopology
                .reportsByRegion(builder, topics, settings, new DroppedReports())
                .process(() -> new EachReportAlone(settings.merge()), Named.as("each-report-alone"));
        IndicatorsTopology.writeOutputs(merged, topics, OUTPUTS);
        return builder.build(streamsConfig);
    }

    /** A report as an event of its own, and that event as its day's only one. */
    private static final class EachReportAlone implements Processor<String, EventReport, String, IndicatorsOutput> {

        private final MergeSettings settings;
        private final TensionIndex tensionIndex = TensionIndex.withDefaults();
        private ProcessorContext<String, IndicatorsOutput> context;

        EachReportAlone(MergeSettings settings) {
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<String, IndicatorsOutput> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, EventReport> record) {
            EventReport report = record.value();
            CanonicalEvent event = CanonicalEvent.from(report.region(), report.type(), report.eventId(),
                    List.of(ReportRef.of(report)), settings.maxDetailedReports());
            DailyIndicators row = DailyIndicatorsAggregator.add(DailyIndicators.empty(), event);
            context.forward(new Record<>(event.id(), IndicatorsOutput.event(event), record.timestamp()));
            // the index of the row alone: no state, as everything here, but the same mapping as the service's
            double index = TensionIndex.rounded(tensionIndex.index(tensionIndex.impulse(row.counts())));
            context.forward(new Record<>(RegionDay.key(event.region(), event.occurredOn()), IndicatorsOutput.row(row, index),
                    record.timestamp()));
        }
    }
}

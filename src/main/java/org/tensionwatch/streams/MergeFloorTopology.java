package org.tensionwatch.streams;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.DailyIndicatorsAggregator;
import org.tensionwatch.indicators.EventReport;
import org.tensionwatch.indicators.MergeSettings;
import org.tensionwatch.indicators.ReportRef;
import org.tensionwatch.kafka.Topics;

/**
 * For the benchmark only, never run by the service: the shape of {@link IndicatorsTopology} (the same reading, keying
 * by region, repartition and output topics and mappings) with a merge step that does next to nothing. Each report
 * becomes a canonical event of its own and a daily row holding that event alone, both emitted at once; no state, no
 * clustering. What this topology reaches is the floor of the architecture on a machine: the cost of the broker round
 * trips, serialization and exactly-once transactions that any merge step adds to.
 */
public final class MergeFloorTopology {

    private static final String OUTPUTS = "floor-outputs-";
    private static final String EVENT_CHANGES = "canonical-events";
    private static final String DAY_CHANGES = "daily-indicators";

    private MergeFloorTopology() {
    }

    public static Topology build(Topics topics, IndicatorSettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<String, IndicatorsOutput>> outputs = builder.stream(topics.events().name(),
                        Consumed.with(topics.events().keySerde(), topics.events().valueSerde()).withName("read-events"))
                .process(() -> new ReportsByRegion(settings), Named.as("to-reports-by-region"))
                .repartition(Repartitioned.<String, EventReport>as(StoreNames.REPORTS_BY_REGION)
                        .withKeySerde(Serdes.String()).withValueSerde(CompactSerde.eventReport()))
                .process(() -> new EachReportAlone(settings.merge()), Named.as("each-report-alone"))
                .split(Named.as(OUTPUTS))
                .branch((key, output) -> output.isEvent(), Branched.as(EVENT_CHANGES))
                .defaultBranch(Branched.as(DAY_CHANGES));
        outputs.get(OUTPUTS + EVENT_CHANGES)
                .mapValues(output -> CanonicalEventMapping.toAvro(output.event()), Named.as("to-canonical-event-records"))
                .to(topics.canonicalEvents().name(), Produced.with(topics.canonicalEvents().keySerde(),
                        topics.canonicalEvents().valueSerde()).withName("write-canonical-events"));
        outputs.get(OUTPUTS + DAY_CHANGES)
                .mapValues((key, output) -> IndicatorMapping.toAvro(key, output.row()), Named.as("to-region-indicators"))
                .to(topics.indicators().name(),
                        Produced.with(topics.indicators().keySerde(), topics.indicators().valueSerde()).withName("write-indicators"));
        return builder.build(streamsConfig);
    }

    /** A report as an event of its own, and that event as its day's only one. */
    private static final class EachReportAlone implements Processor<String, EventReport, String, IndicatorsOutput> {

        private final MergeSettings settings;
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
            context.forward(new Record<>(RegionDay.key(event.region(), event.occurredOn()), IndicatorsOutput.row(row),
                    record.timestamp()));
        }
    }
}

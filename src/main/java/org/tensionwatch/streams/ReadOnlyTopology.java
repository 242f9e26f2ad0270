package org.tensionwatch.streams;

import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.tensionwatch.kafka.Topics;

/**
 * For the benchmark only, never run by the service: the first step of {@link IndicatorsTopology} and nothing after
 * it. The events topic is read and decoded, each event becomes a report keyed by its region (misrouted ones still go
 * to the dead-letter topic), and the report is dropped: no state, no output. What this reaches under exactly-once is
 * the ceiling of any topology that reads this topic on a machine, next to the plain consumer that reads and decodes
 * it without Kafka Streams.
 */
public final class ReadOnlyTopology {

    private ReadOnlyTopology() {
    }

    public static Topology build(Topics topics, IndicatorSettings settings, Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder();
        // its own counts of dropped events, read by no one: the service's figures stay the service's
        IndicatorsTopology.reportsByRegion(builder, topics, settings, new DroppedReports())
                .foreach((region, report) -> { }, Named.as("drop-reports"));
        return builder.build(streamsConfig);
    }
}

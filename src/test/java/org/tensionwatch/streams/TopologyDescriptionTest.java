package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.tensionwatch.kafka.Topics;

/**
 * Pins the topologies' shape: a renamed store, processor or repartition topic changes the
 * description and shows up here in review, before it silently orphans state in production.
 * After an intended change, regenerate with {@code ./mvnw test -Dtest=TopologyDescriptionTest -Dtopology.update=true}.
 */
class TopologyDescriptionTest {

    private static final Path PINNED = Path.of("src/test/resources/topology");

    @Test
    void shouldMatchThePinnedIndicatorsTopology() throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        assertPinned("indicators.txt", IndicatorsTopology.build(Topics.defaults(), IndicatorSettings.defaults(), new DroppedReports(), props));
    }

    @Test
    void shouldMatchThePinnedExtractionTopology() throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        assertPinned("extraction.txt", ExtractionTopology.build(Topics.defaults(), ExtractionTopologyTest.ONE_EVENT_PER_PROTEST_LINE, props));
    }

    @Test
    void shouldMatchThePinnedAlertsTopology() throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        assertPinned("alerts.txt", AlertsTopology.build(Topics.defaults(),
                java.util.List.of(AlertsTopologyTest.INJURIES, AlertsTopologyTest.CLASH_SURGE), new AlertSteps(), props));
    }

    private static void assertPinned(String file, Topology topology) throws IOException {
        String described = topology.describe().toString();
        Path pinned = PINNED.resolve(file);
        if (Boolean.getBoolean("topology.update")) {
            Files.createDirectories(PINNED);
            Files.writeString(pinned, described);
        }
        assertThat(pinned).as("pinned description; regenerate with -Dtopology.update=true").exists();
        assertThat(described).isEqualTo(Files.readString(pinned));
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tensionwatch.avro.CountQualifier.EXACT;
import static org.tensionwatch.avro.EventType.INJURY;

import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.kafka.Topics;

/**
 * "As known at": every version of a daily row is kept with the stream time it was learned at, so the indicators
 * of a past moment can be read back after later articles changed them.
 */
class AsOfIndicatorsTest {

    private static final Topics TOPICS = Topics.defaults();
    private static final String DAY_KEY = RegionDay.key("XK", java.time.LocalDate.parse("2026-10-12"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, ConflictEvent> events;

    @BeforeEach
    void startDriver() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, IndicatorSettings.defaults(), new DroppedReports(), props), props);
        events = driver.createInputTopic(TOPICS.events().name(), TOPICS.events().keySerde().serializer(),
                TOPICS.events().valueSerde().serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void send(ConflictEvent event) {
        events.pipeInput(event.getId(), event, event.getPublishedAt());
    }

    private static ConflictEvents injuredPeacekeepers(String article, String source, String published, long count) {
        return ConflictEvents.of(INJURY).article(article, 0).source(source).actor("KFOR peacekeepers")
                .on("2026-10-12").published(published).count(count, EXACT);
    }

    private Long injuriesAsOf(String instant) {
        VersionedKeyValueStore<String, DailyIndicators> history =
                driver.getVersionedKeyValueStore(StoreNames.DAILY_INDICATORS_HISTORY);
        VersionedRecord<DailyIndicators> row = history.get(DAY_KEY, Instant.parse(instant).toEpochMilli());
        return row == null ? null : row.value().counts().injuries();
    }

    @Test
    void shouldAnswerAnAsOfQueryWithYesterdaysViewAfterTodaysArticlesChangedAFigure() {
        // yesterday: one outlet reports 12 injured peacekeepers
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z", 12).build());
        // today: two outlets put the toll at 30, which becomes the canonical figure
        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-10-13T08:00:00Z", 30).build());
        send(injuredPeacekeepers("a3", "Danube Daily", "2026-10-13T09:00:00Z", 30).build());

        assertThat(injuriesAsOf("2026-10-13T09:00:00Z")).isEqualTo(30L);
        assertThat(injuriesAsOf("2026-10-12T23:59:59Z")).as("as the dashboard showed it yesterday evening").isEqualTo(12L);
        assertThat(injuriesAsOf("2026-10-12T18:00:00Z")).as("from the moment the first article was read").isEqualTo(12L);
        assertThat(injuriesAsOf("2026-10-12T17:59:59Z")).as("before anything was known").isNull();
    }

    @Test
    void shouldStampEachVersionWithTheNewestPublicationReadNotTheReportsOwnPublication() {
        send(injuredPeacekeepers("a1", "Adriatic Wire", "2026-10-12T18:00:00Z", 12).build());
        // another region's article moves stream time on
        send(ConflictEvents.of(INJURY).article("b1", 0).source("Sava Times").actor("protesters").region("RS")
                .on("2026-10-13").published("2026-10-13T12:00:00Z").count(3, EXACT).build());
        // an article published earlier but read later: the system learned it only now
        send(injuredPeacekeepers("a2", "Balkan Courier", "2026-10-13T08:00:00Z", 30).build());
        send(injuredPeacekeepers("a3", "Danube Daily", "2026-10-13T09:00:00Z", 30).build());

        assertThat(injuriesAsOf("2026-10-13T11:59:59Z")).isEqualTo(12L);
        assertThat(injuriesAsOf("2026-10-13T12:00:00Z")).isEqualTo(30L);
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.InteropCodes;
import org.tensionwatch.kafka.Topics;

class ExtractionTopologyTest {

    /** One PROTEST event per body line that says "protest": enough to see what the topology does with ids. */
    static final EventExtractor ONE_EVENT_PER_PROTEST_LINE = new EventExtractor() {
        @Override
        public List<ExtractedEvent> extract(ArticleText article) {
            return Arrays.stream(article.body().split("\n"))
                    .filter(line -> line.contains("protest"))
                    .map(line -> new ExtractedEvent(EventType.PROTEST, null, null, null, "protesters", null, "GE", null,
                            line, 0.8, new InteropCodes("PROTEST", "demonstrate", "14")))
                    .toList();
        }

        @Override
        public String version() {
            return "lines-1";
        }
    };

    private static final Topics TOPICS = Topics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestOutputTopic<String, ConflictEvent> events;

    @BeforeEach
    void startDriver() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(ExtractionTopology.build(TOPICS, ONE_EVENT_PER_PROTEST_LINE, props), props);
        articles = driver.createInputTopic(TOPICS.articles().name(), TOPICS.articles().keySerde().serializer(),
                TOPICS.articles().valueSerde().serializer());
        events = driver.createOutputTopic(TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                TOPICS.events().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static Article article(String id, String body) {
        Instant published = Instant.parse("2026-10-14T09:00:00Z");
        return Article.newBuilder().setId(id).setTitle("Rallies in Tbilisi").setBody(body).setSource("Caucasus Ledger")
                .setUrl(null).setLanguage("en").setPublishedAt(published).setIngestedAt(published).build();
    }

    @Test
    void shouldWriteEachEventUnderAStableIdWithItsArticleAndExtractorVersion() {
        articles.pipeInput("a1", article("a1", "a protest in Tbilisi\nweather was mild\nanother protest in Batumi"));

        List<KeyValue<String, ConflictEvent>> out = events.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("a1#0", "a1#1");
        assertThat(out.get(1).value.getEvidence()).isEqualTo("another protest in Batumi");
        assertThat(out.get(1).value.getArticleId()).isEqualTo("a1");
        assertThat(out.get(1).value.getSource()).isEqualTo("Caucasus Ledger");
        assertThat(out.get(1).value.getExtractorVersion()).isEqualTo("lines-1");
        assertThat(out.get(1).value.getPublishedAt()).isEqualTo(Instant.parse("2026-10-14T09:00:00Z"));
    }

    @Test
    void shouldRewriteTheSameIdsWhenTheSameArticleComesAgain() {
        articles.pipeInput("a1", article("a1", "a protest\nanother protest"));
        articles.pipeInput("a1", article("a1", "a protest\nanother protest"));

        assertThat(events.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1#0", "a1#1", "a1#0", "a1#1");
    }

    @Test
    void shouldRetractTheEventsACorrectedArticleNoLongerReports() {
        articles.pipeInput("a1", article("a1", "a protest\nanother protest\na third protest"));
        events.readKeyValuesToList();

        articles.pipeInput("a1", article("a1", "a protest, the only one"));

        List<KeyValue<String, ConflictEvent>> out = events.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("a1#0", "a1#1", "a1#2");
        assertThat(out.get(0).value).isNotNull();
        assertThat(out.get(1).value).isNull();
        assertThat(out.get(2).value).isNull();
    }

    @Test
    void shouldExtractAnArticleFromBefore1970StampedAt1970WithItsOwnDays() {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver real = new TopologyTestDriver(
                ExtractionTopology.build(TOPICS, new org.tensionwatch.extraction.RuleBasedExtractor(), props), props)) {
            Instant published = Instant.parse("1968-05-03T18:00:00Z");
            Article paris = Article.newBuilder().setId("paris").setTitle("Students detained at the Sorbonne")
                    .setBody("Police in Paris arrested 500 students on Friday at the Sorbonne, the prefecture said.")
                    .setSource("Archive").setUrl(null).setLanguage("en").setPublishedAt(published)
                    .setIngestedAt(Instant.parse("2026-10-14T09:00:00Z")).build();
            // as ArticlePublisher writes it: Kafka takes no timestamp before 1970
            real.createInputTopic(TOPICS.articles().name(), TOPICS.articles().keySerde().serializer(),
                    TOPICS.articles().valueSerde().serializer())
                    .pipeInput("paris", paris, org.tensionwatch.kafka.ArticlePublisher.recordTimestamp(paris));
            List<org.apache.kafka.streams.test.TestRecord<String, ConflictEvent>> out = real.createOutputTopic(
                    TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                    TOPICS.events().valueSerde().deserializer()).readRecordsToList();
            assertThat(out).isNotEmpty();
            assertThat(out.get(0).timestamp()).isZero();
            assertThat(out.get(0).value().getPublishedAt()).isEqualTo(published);
            assertThat(out.get(0).value().getOccurredOn()).isEqualTo(java.time.LocalDate.parse("1968-05-03"));
            assertThat(out.get(0).value().getCountryCode()).isEqualTo("FR");
        }
    }

    /** As {@link #ONE_EVENT_PER_PROTEST_LINE}, in the region the line names last ("a protest in RS"). */
    private static final EventExtractor ONE_EVENT_PER_PROTEST_LINE_IN_ITS_REGION = new EventExtractor() {
        @Override
        public List<ExtractedEvent> extract(ArticleText article) {
            return Arrays.stream(article.body().split("\n"))
                    .filter(line -> line.contains("protest"))
                    .map(line -> new ExtractedEvent(EventType.PROTEST, null, null, null, "protesters", null,
                            line.substring(line.length() - 2), null, line, 0.8,
                            new InteropCodes("PROTEST", "demonstrate", "14")))
                    .toList();
        }

        @Override
        public String version() {
            return "lines-regions-1";
        }
    };

    @Test
    void shouldRetractAnIdFirstWhenTheCorrectedArticlesEventUnderItIsInAnotherRegion() {
        restartWith(ONE_EVENT_PER_PROTEST_LINE_IN_ITS_REGION);
        articles.pipeInput("a1", article("a1", "a protest in XK\nanother protest in RS\na third protest in RS"));
        events.readKeyValuesToList();

        // the correction drops the first event: a1#0 now names the RS protest, whose partition XK's is not
        articles.pipeInput("a1", article("a1", "another protest in RS\na third protest in RS"));

        List<KeyValue<String, ConflictEvent>> out = events.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key + (kv.value == null ? " tombstone" : " " + kv.value.getCountryCode()))
                .containsExactly("a1#0 tombstone", "a1#0 RS", "a1#1 RS", "a1#2 tombstone");

        // the same version again moves nothing: no tombstone before its events
        articles.pipeInput("a1", article("a1", "another protest in RS\na third protest in RS"));
        assertThat(events.readKeyValuesToList()).extracting(kv -> kv.key + (kv.value == null ? " tombstone" : ""))
                .containsExactly("a1#0", "a1#1");
    }

    @Test
    void shouldNameOnEachTombstoneTheRegionAndTypeItsEventWasFiledUnder() {
        restartWith(ONE_EVENT_PER_PROTEST_LINE_IN_ITS_REGION);
        articles.pipeInput("a1", article("a1", "a protest in XK\nanother protest in RS\na third protest in RS"));
        events.readKeyValuesToList();

        articles.pipeInput("a1", article("a1", "another protest in RS\na third protest in RS"));

        // the indicators apply a tombstone where it says, without an index of every report they filed
        assertThat(events.readRecordsToList()).filteredOn(r -> r.value() == null)
                .extracting(r -> r.key() + " " + new String(r.headers().lastHeader(ExtractionTopology.FILED_HEADER).value(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("a1#0 XK|PROTEST", "a1#2 RS|PROTEST");
    }

    /** A new driver on the extraction topology with the given extractor, its input and output topics. */
    private void restartWith(EventExtractor extractor) {
        closeDriver();
        Properties props = IndicatorsTopologyTest.streamsConfig();
        driver = new TopologyTestDriver(ExtractionTopology.build(TOPICS, extractor, props), props);
        articles = driver.createInputTopic(TOPICS.articles().name(), TOPICS.articles().keySerde().serializer(),
                TOPICS.articles().valueSerde().serializer());
        events = driver.createOutputTopic(TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                TOPICS.events().valueSerde().deserializer());
    }
}

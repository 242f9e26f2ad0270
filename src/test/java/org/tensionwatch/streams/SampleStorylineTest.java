package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.indicators.DailyIndex;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.indicators.TensionIndex;
import org.tensionwatch.ingest.ArticleFileResult;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.ingest.ParsedArticleFile;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.kafka.Topics;

/**
 * The project's own sample articles, through the real extractor and both topologies: the northern
 * Kosovo storyline builds up in September, escalates from late September to early October, and is
 * quiet from late October; the tension index must follow it.
 */
class SampleStorylineTest {

    private static final Topics TOPICS = Topics.defaults();
    private static List<DailyIndex> kosovo;

    @BeforeAll
    static void runSamplesThroughBothTopologies() throws IOException {
        List<KeyValue<String, ConflictEvent>> events = extractSamples();
        Properties props = IndicatorsTopologyTest.streamsConfig();
        List<DailyIndicators> rows = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, IndicatorSettings.defaults(), new DroppedReports(), props), props)) {
            TestInputTopic<String, ConflictEvent> input = driver.createInputTopic(TOPICS.events().name(),
                    TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
            events.forEach(kv -> input.pipeInput(kv.key, kv.value, kv.value == null ? Instant.EPOCH : kv.value.getPublishedAt()));
            KeyValueStore<String, ValueAndTimestamp<DailyIndicators>> store = driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS);
            try (KeyValueIterator<String, ValueAndTimestamp<DailyIndicators>> it = store.range("XK|", "XK|~")) {
                it.forEachRemaining(kv -> {
                    if (kv.value.value().hasEvents()) {
                        rows.add(kv.value.value());
                    }
                });
            }
        }
        rows.sort(Comparator.comparing(DailyIndicators::day));
        kosovo = TensionIndex.withDefaults().compute("XK", rows, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-20"));
    }

    private static List<KeyValue<String, ConflictEvent>> extractSamples() throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                ExtractionTopology.build(TOPICS, new RuleBasedExtractor(), props), props)) {
            TestInputTopic<String, Article> articles = driver.createInputTopic(TOPICS.articles().name(),
                    TOPICS.articles().keySerde().serializer(), TOPICS.articles().valueSerde().serializer());
            ArticleFiles reader = new ArticleFiles();
            for (Path file : ArticleFiles.listArticles(List.of(Path.of("samples/articles")))) {
                ArticleFileResult result = reader.read(file);
                assertThat(result).as(file.toString()).isInstanceOf(ParsedArticleFile.class);
                ParsedArticleFile parsed = (ParsedArticleFile) result;
                Article article = ArticlePublisher.toAvro(new NewArticle(parsed.title(), parsed.body(), parsed.publishedAt(),
                        parsed.source(), parsed.url()), parsed.publishedAt());
                articles.pipeInput(article.getId(), article, article.getPublishedAt());
            }
            return driver.createOutputTopic(TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                    TOPICS.events().valueSerde().deserializer()).readKeyValuesToList();
        }
    }

    private static double indexOn(String day) {
        return kosovo.stream().filter(d -> d.day().equals(LocalDate.parse(day))).findFirst().orElseThrow().index();
    }

    private static DailyIndex peak() {
        return kosovo.stream().max(Comparator.comparingDouble(DailyIndex::index)).orElseThrow();
    }

    @Test
    void shouldPeakDuringTheEscalation() {
        assertThat(peak().day()).isBetween(LocalDate.parse("2026-09-26"), LocalDate.parse("2026-10-10"));
        assertThat(peak().index()).isGreaterThan(60);
    }

    @Test
    void shouldRiseThroughTheEscalationFromTheBuildUp() {
        assertThat(indexOn("2026-09-20")).isLessThan(peak().index() - 20);
        assertThat(indexOn("2026-09-30")).isGreaterThan(indexOn("2026-09-20"));
    }

    @Test
    void shouldFallBackInTheQuietWeeksAfterIt() {
        assertThat(indexOn("2026-11-10")).isLessThan(peak().index() / 2);
        assertThat(indexOn("2026-11-20")).isLessThan(indexOn("2026-10-20"));
    }
}

package org.tensionwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.indicators.DailyIndicators;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.kafka.Topics;

/**
 * Real coverage in any order: every article of the development set (24, from 2022 to 2025, 21 countries) is
 * extracted with its gold publication date, and its events are fed to the indicators topology in publication order,
 * in reverse, and in shuffled orders (whole articles interleaved at random, years apart), merged one by one and in
 * batches. Every order must give the same daily rows and canonical events. Read from ../shared/dev-set (or
 * TENSION_DEV_SET) when it exists.
 */
class DevSetOrderIndependenceTest {

    private static final Path DEV_SET = Path.of(System.getenv().getOrDefault("TENSION_DEV_SET", "../shared/dev-set"));
    private static final Topics TOPICS = Topics.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldGiveTheSameIndicatorsForTheDevelopmentSetInAnyOrder() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEV_SET.resolve("articles")), DEV_SET + " is not here");
        List<List<KeyValue<String, ConflictEvent>>> byArticle = extractDevSet();
        byArticle.sort(Comparator.comparing(events -> events.get(0).value.getPublishedAt()));

        Map<String, Object> inOrder = replay(byArticle, null);
        assertThat(inOrder).isNotEmpty();
        List<List<KeyValue<String, ConflictEvent>>> reversed = new ArrayList<>(byArticle);
        Collections.reverse(reversed);
        assertThat(replay(reversed, null)).as("newest article first").isEqualTo(inOrder);
        for (int seed = 1; seed <= 4; seed++) {
            List<List<KeyValue<String, ConflictEvent>>> shuffled = new ArrayList<>(byArticle);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(replay(shuffled, seed % 2 == 0 ? new Random(seed) : null))
                    .as("shuffled with seed %d", seed).isEqualTo(inOrder);
        }
    }

    /** Each article's events, in the order the extraction wrote them. */
    private static List<List<KeyValue<String, ConflictEvent>>> extractDevSet() throws IOException {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        List<List<KeyValue<String, ConflictEvent>>> byArticle = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                ExtractionTopology.build(TOPICS, new RuleBasedExtractor(), props), props);
                Stream<Path> files = Files.list(DEV_SET.resolve("articles"))) {
            TestInputTopic<String, Article> articles = driver.createInputTopic(TOPICS.articles().name(),
                    TOPICS.articles().keySerde().serializer(), TOPICS.articles().valueSerde().serializer());
            var events = driver.createOutputTopic(TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                    TOPICS.events().valueSerde().deserializer());
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String stem = name.substring(0, name.lastIndexOf('.'));
                JsonNode gold = JSON.readTree(DEV_SET.resolve("gold").resolve(stem + ".json").toFile());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int firstBreak = text.indexOf('\n');
                Instant published = Instant.parse(gold.path("published").asText() + "T12:00:00Z");
                Article article = ArticlePublisher.toAvro(new NewArticle(text.substring(0, firstBreak).strip(),
                        text.substring(firstBreak + 1).strip(), published, gold.path("source").asText(stem),
                        "https://dev-set.example.org/" + stem), published);
                articles.pipeInput(article.getId(), article, published);
                List<KeyValue<String, ConflictEvent>> extracted = events.readKeyValuesToList();
                if (!extracted.isEmpty()) {
                    byArticle.add(extracted);
                }
            }
        }
        assertThat(byArticle).hasSizeGreaterThan(20);
        return byArticle;
    }

    /** Feeds the articles' events in this order; with {@code batches}, merged every 1 to 20 records. */
    private static Map<String, Object> replay(List<List<KeyValue<String, ConflictEvent>>> articles, Random batches) {
        Properties props = IndicatorsTopologyTest.streamsConfig();
        IndicatorSettings settings = batches == null ? IndicatorSettings.defaults()
                : IndicatorSettings.defaults().withMergeInterval(Duration.ofSeconds(1));
        try (TopologyTestDriver driver = new TopologyTestDriver(IndicatorsTopology.build(TOPICS, settings, new DroppedReports(), props), props)) {
            TestInputTopic<String, ConflictEvent> events = driver.createInputTopic(TOPICS.events().name(),
                    TOPICS.events().keySerde().serializer(), TOPICS.events().valueSerde().serializer());
            int untilMerge = batches == null ? 0 : 1 + batches.nextInt(20);
            for (List<KeyValue<String, ConflictEvent>> article : articles) {
                for (KeyValue<String, ConflictEvent> event : article) {
                    events.pipeInput(event.key, event.value, event.value.getPublishedAt());
                    if (batches != null && --untilMerge == 0) {
                        driver.advanceWallClockTime(Duration.ofSeconds(1));
                        untilMerge = 1 + batches.nextInt(20);
                    }
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            Map<String, Object> outcome = new TreeMap<>();
            contents(driver.getTimestampedKeyValueStore(StoreNames.DAILY_INDICATORS)).forEach((key, row) -> {
                if (((DailyIndicators) row).hasEvents()) {
                    outcome.put("row " + key, row);
                }
            });
            contents(driver.getTimestampedKeyValueStore(StoreNames.CANONICAL_EVENTS))
                    .forEach((key, event) -> outcome.put("event " + key, event));
            return outcome;
        }
    }

    private static <V> Map<String, V> contents(KeyValueStore<String, ValueAndTimestamp<V>> store) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> it = store.all()) {
            it.forEachRemaining(kv -> all.put(kv.key, kv.value.value()));
        }
        return all;
    }
}

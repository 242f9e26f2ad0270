package org.tensionwatch.streams;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.kafka.Topics;

/**
 * Not a test of the build (skipped unless asked): the alerts topology over a large input, to compare two builds of it
 * record for record and to time its logic without a broker.
 *
 * <ul>
 *   <li>{@code -Dalerts.check.archive=ARCHIVE.jsonl -Dalerts.check.articles=N -Dalerts.check.canonical=FILE}: the first
 *       N articles of a replay archive through the extraction and the indicators (each report merged at once, as
 *       the topology tests do), the canonical-event changes written to FILE (key, Avro value, timestamp);</li>
 *   <li>{@code -Dalerts.check.canonical=FILE -Dalerts.check.out=OUT}: those changes through the alerts topology with
 *       the default rules, every provisional and settled step written to OUT, and the time it took printed
 *       ({@code -Dalerts.check.limit=N}: the first N changes only).</li>
 * </ul>
 * Run the second with two builds on the same FILE and compare the OUT files ({@code cmp}).
 */
class AlertsEquivalenceCheckTest {

    private static final Topics TOPICS = Topics.defaults();

    @Test
    void writeCanonicalChanges() throws IOException {
        String archive = System.getProperty("alerts.check.archive");
        assumeTrue(archive != null && System.getProperty("alerts.check.canonical") != null);
        int articles = Integer.getInteger("alerts.check.articles", 5000);
        ObjectMapper json = new ObjectMapper();
        List<Article> read = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(archive), StandardCharsets.UTF_8)) {
            if (read.size() >= articles) {
                break;
            }
            JsonNode a = json.readTree(line);
            Instant published = Instant.parse(a.path("publishedAt").asText());
            read.add(ArticlePublisher.toAvro(new NewArticle(a.path("title").asText(), a.path("body").asText(), published,
                    a.path("source").asText(), a.path("url").asText()), published));
        }
        Properties props = IndicatorsTopologyTest.streamsConfig();
        List<KeyValue<String, ConflictEvent>> events;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                ExtractionTopology.build(TOPICS, new RuleBasedExtractor(), props), props)) {
            TestInputTopic<String, Article> input = driver.createInputTopic(TOPICS.articles().name(),
                    TOPICS.articles().keySerde().serializer(), TOPICS.articles().valueSerde().serializer());
            read.forEach(article -> input.pipeInput(article.getId(), article, article.getPublishedAt()));
            events = driver.createOutputTopic(TOPICS.events().name(), TOPICS.events().keySerde().deserializer(),
                    TOPICS.events().valueSerde().deserializer()).readKeyValuesToList();
        }
        List<TestRecord<String, CanonicalEvent>> canonical = SampleAlertsTest.canonicalEvents(events);
        var values = TOPICS.canonicalEvents().valueSerde().serializer();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(System.getProperty("alerts.check.canonical")))) {
            for (TestRecord<String, CanonicalEvent> r : canonical) {
                byte[] value = r.value() == null ? null : values.serialize(TOPICS.canonicalEvents().name(), r.value());
                out.write(r.key() + "\t" + (value == null ? "-" : Base64.getEncoder().encodeToString(value)) + "\t"
                        + r.getRecordTime().toEpochMilli() + "\n");
            }
        }
        System.out.printf("alerts check: %d articles, %d events, %d canonical-event changes%n", read.size(),
                events.size(), canonical.size());
    }

    @Test
    void runAlerts() throws IOException {
        String file = System.getProperty("alerts.check.canonical");
        String outFile = System.getProperty("alerts.check.out");
        assumeTrue(file != null && outFile != null);
        var values = TOPICS.canonicalEvents().valueSerde().deserializer();
        List<TestRecord<String, CanonicalEvent>> changes = new ArrayList<>();
        int limit = Integer.getInteger("alerts.check.limit", Integer.MAX_VALUE);
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            if (changes.size() >= limit) {
                break;
            }
            String[] f = line.split("\t");
            CanonicalEvent value = f[1].equals("-") ? null
                    : values.deserialize(TOPICS.canonicalEvents().name(), Base64.getDecoder().decode(f[1]));
            changes.add(new TestRecord<>(f[0], value, Instant.ofEpochMilli(Long.parseLong(f[2]))));
        }
        Properties props = IndicatorsTopologyTest.streamsConfig();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AlertsTopology.build(TOPICS, SampleAlertsTest.defaultRules(), new AlertSteps(), props), props);
                BufferedWriter out = Files.newBufferedWriter(Path.of(outFile))) {
            TestInputTopic<String, CanonicalEvent> input = driver.createInputTopic(TOPICS.canonicalEvents().name(),
                    TOPICS.canonicalEvents().keySerde().serializer(), TOPICS.canonicalEvents().valueSerde().serializer());
            var alerts = driver.createOutputTopic(TOPICS.alerts().name(), TOPICS.alerts().keySerde().deserializer(),
                    TOPICS.alerts().valueSerde().deserializer());
            var settled = driver.createOutputTopic(TOPICS.settledAlerts().name(), TOPICS.settledAlerts().keySerde()
                    .deserializer(), TOPICS.settledAlerts().valueSerde().deserializer());
            long start = System.nanoTime();
            int steps = 0;
            for (int i = 0; i < changes.size(); i++) {
                input.pipeInput(changes.get(i));
                if (i % 1000 == 999 || i == changes.size() - 1) {
                    for (TestRecord<String, EscalationAlert> r : alerts.readRecordsToList()) {
                        out.write("alert\t" + r.key() + "\t" + r.getRecordTime() + "\t" + r.value() + "\n");
                        steps++;
                    }
                    for (TestRecord<String, EscalationAlert> r : settled.readRecordsToList()) {
                        out.write("settled\t" + r.key() + "\t" + r.getRecordTime() + "\t" + r.value() + "\n");
                        steps++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("alerts check: %d canonical-event changes in %.1f s (%.0f/s), %d steps%n", changes.size(),
                    seconds, changes.size() / seconds, steps);
        }
    }
}

package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml cannot drift from the topics and schemas the code uses. */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = Path.of("docs/asyncapi.yaml");
    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void shouldBeAsyncApi3() {
        assertThat(doc.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void shouldDescribeEveryTopicWithItsKafkaBindingAndConfiguration() {
        Topics topics = Topics.defaults();
        Map<String, JsonNode> channelsByAddress = channelsByAddress();
        List<String> names = List.of(topics.articles().name(), topics.events().name(), topics.canonicalEvents().name(),
                topics.indicators().name(), topics.alerts().name(), topics.settledAlerts().name(), topics.deadLetter());
        assertThat(channelsByAddress.keySet()).containsExactlyInAnyOrderElementsOf(names);
        topics.creationConfigs().forEach((topic, config) -> {
            JsonNode binding = channelsByAddress.get(topic).path("bindings").path("kafka");
            assertThat(binding.path("topic").asText()).as(topic).isEqualTo(topic);
            JsonNode topicConfig = binding.path("topicConfiguration");
            assertThat(topicConfig.path("cleanup.policy").get(0).asText()).as(topic).isEqualTo(config.get("cleanup.policy"));
            if (config.containsKey("retention.ms")) {
                assertThat(topicConfig.path("retention.ms").asText()).as(topic).isEqualTo(config.get("retention.ms"));
            }
        });
    }

    @Test
    void shouldGiveEachAvroTopicTheSchemaOfItsRecordClass() throws IOException {
        Topics topics = Topics.defaults();
        Map<String, String> expected = Map.of(
                topics.articles().name(), "org.tensionwatch.avro.Article",
                topics.events().name(), "org.tensionwatch.avro.ConflictEvent",
                topics.canonicalEvents().name(), "org.tensionwatch.avro.CanonicalEvent",
                topics.indicators().name(), "org.tensionwatch.avro.RegionIndicators",
                topics.alerts().name(), "org.tensionwatch.avro.EscalationAlert",
                topics.settledAlerts().name(), "org.tensionwatch.avro.EscalationAlert");
        Map<String, JsonNode> channels = channelsByAddress();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            JsonNode message = message(channels.get(e.getKey()));
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).as(e.getKey()).isEqualTo("application/vnd.apache.avro;version=1.9.0");
            Path schemaFile = DOCUMENT.getParent().resolve(payload.path("schema").path("$ref").asText()).normalize();
            Schema schema = parser().parse(schemaFile.toFile());
            assertThat(schema.getFullName()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void shouldReferOnlyToFilesThatExistAndToComponentsThatAreDefined() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(DOCUMENT.getParent().resolve(ref).normalize()).as(ref).isRegularFile();
            }
        }
        assertThat(refs).filteredOn(r -> r.endsWith(".avsc")).hasSize(5);
    }

    /** Schemas refer to the shared enums defined in ConflictEvent, as the build's avro plugin reads them. */
    private static Schema.Parser parser() throws IOException {
        Schema.Parser parser = new Schema.Parser();
        parser.parse(Files.readString(Path.of("schemas/ConflictEvent.avsc")));
        return new Schema.Parser().addTypes(parser.getTypes().values());
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> byAddress = new HashMap<>();
        doc.path("channels").forEach(channel -> byAddress.put(channel.path("address").asText(), channel));
        return byAddress;
    }

    private static JsonNode message(JsonNode channel) {
        JsonNode ref = channel.path("messages").elements().next();
        return ref.has("$ref") ? doc.at(ref.path("$ref").asText().substring(1)) : ref;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}

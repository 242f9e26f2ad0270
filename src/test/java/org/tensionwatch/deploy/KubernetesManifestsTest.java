package org.tensionwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensionwatch.kafka.ScramUsers;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.service.TensionConfig;

/**
 * deploy/kubernetes agrees with the service: every topic it creates has its KafkaTopic with the same settings, the
 * probes and the metrics scrape ask paths the service serves, every setting the manifests give (from values, secrets
 * and config maps) is one the service reads, the KafkaUser's ACLs are those the service was tested with, and the
 * Grafana dashboard plots metrics the service exports.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<JsonNode> resources;
    private static JsonNode container;

    @BeforeAll
    static void readManifests() throws IOException {
        resources = new ArrayList<>();
        for (String file : List.of("kafka.yaml", "kafka-topics.yaml", "kafka-user.yaml", "tension-watch.yaml")) {
            resources.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(DIR.resolve(file))).readAll()
                    .stream().filter(node -> node != null && node.has("kind")).toList());
        }
        container = one("StatefulSet").at("/spec/template/spec/containers/0");
    }

    @Test
    void everyTopicTheServiceCreatesHasItsKafkaTopicWithTheSameSettings() throws Exception {
        Map<String, Map<String, String>> created = new TreeMap<>(Topics.of(defaultTopicNames()).creationConfigs());
        created.put(TensionConfig.Feeds.class.getMethod("topic").getAnnotation(WithDefault.class).value(),
                org.tensionwatch.service.FeedRegistry.TOPIC_CONFIG);
        Map<String, Map<String, String>> declared = new TreeMap<>();
        for (JsonNode topic : all("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
            Map<String, String> config = new TreeMap<>();
            topic.at("/spec/config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            declared.put(name, config);
            assertThat(topic.at("/spec/partitions").asInt()).as(name + " partitions").isEqualTo(Integer.parseInt(env("TENSION_TOPICS_PARTITIONS")));
            assertThat(topic.at("/spec/replicas").asInt()).as(name + " replicas")
                    .isEqualTo(Integer.parseInt(env("TENSION_TOPICS_REPLICATION_FACTOR")));
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).as(name + " cluster").isEqualTo(clusterName());
        }
        assertThat(declared).isEqualTo(new TreeMap<>(created));
    }

    @Test
    void theProbesAndTheMetricsScrapeAskPathsTheServiceServes() throws IOException {
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(properties).as("the health endpoints stay where smallrye-health puts them")
                .doesNotContain("quarkus.smallrye-health.root-path").doesNotContain("quarkus.http.non-application-root-path");
        probes.forEach((probe, path) -> {
            assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo(path);
            assertThat(container.at("/" + probe + "/httpGet/port").asInt()).as(probe).isEqualTo(8080);
        });
        // the manifests quarkus-kubernetes generated from the service itself, when this runs after a package
        Path generated = Path.of("target/kubernetes/kubernetes.yml");
        if (Files.exists(generated)) {
            JsonNode generatedContainer = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(generated)).readAll()
                    .stream().filter(n -> n != null && "StatefulSet".equals(n.path("kind").asText())).findFirst().orElseThrow()
                    .at("/spec/template/spec/containers/0");
            probes.keySet().forEach(probe -> assertThat(container.at("/" + probe + "/httpGet/path"))
                    .as(probe + " as generated").isEqualTo(generatedContainer.at("/" + probe + "/httpGet/path")));
        }
        Matcher metricsPath = Pattern.compile("quarkus.micrometer.export.prometheus.path=(\\S+)").matcher(properties);
        assertThat(metricsPath.find()).isTrue();
        assertThat(one("ServiceMonitor").at("/spec/endpoints/0/path").asText()).isEqualTo(metricsPath.group(1));
        assertThat(one("StatefulSet").at("/spec/serviceName").asText()).as("the headless service names the instances")
                .isEqualTo(headlessService().at("/metadata/name").asText());
        assertThat(env("TENSION_STREAMS_ADVERTISED_HOST")).contains("." + headlessService().at("/metadata/name").asText() + ".");
    }

    @Test
    void everySettingTheManifestsGiveIsOneTheServiceReadsAndEverySecretExists() throws IOException {
        Set<String> documented = documentedSettings();
        Set<String> kafkaClientSettings = new HashSet<>();
        kafkaClientSettings.addAll(ProducerConfig.configNames());
        kafkaClientSettings.addAll(ConsumerConfig.configNames());
        kafkaClientSettings.addAll(AdminClientConfig.configNames());
        Set<String> forThePlatform = Set.of("POD_NAME", "POD_NAMESPACE", "JAVA_TOOL_OPTIONS");
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (forThePlatform.contains(name)) {
                continue;
            }
            if (name.startsWith("KAFKA_")) {
                String setting = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                assertThat(kafkaClientSettings).as(name + " is a Kafka client setting").contains(setting);
            } else {
                assertThat(documented).as(name + " is a documented setting (docs/configuration.md)").contains(name);
            }
            JsonNode secret = variable.at("/valueFrom/secretKeyRef");
            if (!secret.isMissingNode()) {
                assertThat(secretKeys(secret.path("name").asText())).as(name + " from secret " + secret.path("name").asText())
                        .contains(secret.path("key").asText());
            }
            JsonNode configMap = variable.at("/valueFrom/configMapKeyRef");
            if (!configMap.isMissingNode()) {
                assertThat(one("ConfigMap").at("/metadata/name").asText()).isEqualTo(configMap.path("name").asText());
                assertThat(one("ConfigMap").path("data").has(configMap.path("key").asText())).as(name).isTrue();
            }
        }
        assertThat(one("StatefulSet").at("/spec/template/spec/volumes/0/secret/secretName").asText())
                .as("Strimzi's cluster CA secret").isEqualTo(clusterName() + "-cluster-ca-cert");
        int tlsPort = one("Kafka").at("/spec/kafka/listeners/0/port").asInt();
        assertThat(env("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(clusterName() + "-kafka-bootstrap:" + tlsPort);
        assertThat(one("Kafka").at("/spec/kafka/listeners/0/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(env("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(env("KAFKA_SECURITY_PROTOCOL")).isEqualTo(one("Kafka").at("/spec/kafka/listeners/0/tls").asBoolean()
                ? "SASL_SSL" : "SASL_PLAINTEXT");
    }

    @Test
    void theKafkaUserHasTheAclsTheServiceWasTestedWith() {
        JsonNode user = one("KafkaUser");
        assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(clusterName());
        Set<AclBinding> declared = new HashSet<>();
        String principal = user.at("/metadata/name").asText();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            ResourceType type = ResourceType.valueOf(snake(acl.at("/resource/type").asText()));
            String name = type == ResourceType.CLUSTER ? "kafka-cluster" : acl.at("/resource/name").asText();
            PatternType pattern = acl.at("/resource/patternType").asText("literal").equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL;
            for (JsonNode operation : acl.path("operations")) {
                declared.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry("User:" + principal, "*",
                        AclOperation.valueOf(snake(operation.asText())), AclPermissionType.ALLOW)));
            }
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(ScramUsers.serviceAcls(principal));
    }

    @Test
    void theGrafanaDashboardPlotsMetricsTheServiceExports() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DIR.resolve("grafana-dashboard.json").toFile());
        String operations = Files.readString(Path.of("docs/operations.md"));
        Set<String> metrics = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = Pattern.compile("\\b(tension_[a-z_]+)").matcher(target.path("expr").asText());
                while (m.find()) {
                    metrics.add(m.group(1));
                }
            }
        }
        assertThat(metrics).hasSizeGreaterThan(5);
        metrics.forEach(metric -> assertThat(operations).as(metric + " documented in docs/operations.md").contains("`" + metric));
    }

    private static Topics.Names defaultTopicNames() throws Exception {
        Map<String, String> defaults = new HashMap<>();
        for (var method : TensionConfig.TopicSettings.class.getMethods()) {
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null && method.getReturnType() == String.class) {
                defaults.put(method.getName(), value.value());
            }
        }
        return new Topics.Names(defaults.get("articles"), defaults.get("events"), defaults.get("canonicalEvents"),
                defaults.get("indicators"), defaults.get("alerts"), defaults.get("settledAlerts"), defaults.get("deadLetter"));
    }

    /** The settings of docs/configuration.md's table, as environment variables (tension.data-dir: TENSION_DATA_DIR). */
    private static Set<String> documentedSettings() throws IOException {
        Set<String> settings = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
            if (line.startsWith("| `")) {
                Matcher m = Pattern.compile("`([a-z][a-z0-9.\\-]+)`").matcher(line.substring(0, line.indexOf('|', 2)));
                while (m.find()) {
                    settings.add(m.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return settings;
    }

    private static Set<String> secretKeys(String name) {
        if (name.equals(one("KafkaUser").at("/metadata/name").asText())) {
            return Set.of("sasl.jaas.config", "password"); // what Strimzi's user operator writes
        }
        for (JsonNode secret : all("Secret")) {
            if (secret.at("/metadata/name").asText().equals(name)) {
                Set<String> keys = new HashSet<>();
                secret.path("stringData").fieldNames().forEachRemaining(keys::add);
                return keys;
            }
        }
        return Set.of();
    }

    private static JsonNode headlessService() {
        return all("Service").stream().filter(s -> "None".equals(s.at("/spec/clusterIP").asText())).findFirst().orElseThrow();
    }

    private static String clusterName() {
        return one("Kafka").at("/metadata/name").asText();
    }

    private static String env(String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in the StatefulSet");
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    private static JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        assertThat(found).as("one " + kind).hasSize(1);
        return found.get(0);
    }
}

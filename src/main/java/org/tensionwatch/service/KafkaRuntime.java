package org.tensionwatch.service;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.AlertRuleSpec;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.kafka.DeadLetterHandler;
import org.tensionwatch.kafka.DeadLetterProcessingHandler;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.KafkaConnection;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.streams.AlertsTopology;
import org.tensionwatch.streams.StreamsTuning;
import org.tensionwatch.streams.ExtractionTopology;
import org.tensionwatch.streams.IndicatorSettings;
import org.tensionwatch.streams.IndicatorsTopology;

/**
 * Brings Kafka up in order and down in reverse: the embedded broker (unless
 * {@code kafka.bootstrap.servers} names a cluster), the topics, the article producer, and the three
 * Kafka Streams applications - extraction (articles to events), indicators (events to
 * canonical events and regional indicators) and alerts (canonical events to escalation alerts).
 */
@Singleton
@Startup
public class KafkaRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    @Inject
    TensionConfig config;

    @Inject
    EventExtractor extractor;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> externalBootstrapServers;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private Derivation derivation;
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private KafkaConnection connection;
    private Topics topics;
    private ArticlePublisher publisher;
    private KafkaStreams extraction;
    private KafkaStreams indicators;
    private KafkaStreams alerts;
    private List<AlertRule> alertRules;
    private int eventsPartitions;
    private String instanceId;

    @PostConstruct
    void start() {
        derivation = derivation(config.derivation());
        instanceId = InstanceId.of(config.streams().instanceId(), config.dataDir());
        LOG.info("Instance id {} in the Streams groups", instanceId);
        if (externalBootstrapServers.filter(s -> !s.isBlank()).isPresent()) {
            bootstrapServers = externalBootstrapServers.get();
            connection = new KafkaConnection(bootstrapServers,
                    KafkaClientSettings.of(org.eclipse.microprofile.config.ConfigProvider.getConfig(), System.getenv()));
            LOG.info("Using the Kafka cluster at {}", connection);
        } else {
            broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.broker().port());
            bootstrapServers = broker.bootstrapServers();
            connection = KafkaConnection.plaintext(bootstrapServers);
        }
        TensionConfig.TopicSettings names = config.topics();
        topics = Topics.of(derivation.topicNames(new Topics.Names(names.articles(), names.events(),
                names.canonicalEvents(), names.indicators(), names.alerts(), names.settledAlerts(),
                names.deadLetter())));
        LOG.info("Derivation {}: {} -> {}, {}, {}, {}; Streams application ids {}-*", derivation, topics.articles().name(),
                topics.events().name(), topics.canonicalEvents().name(), topics.indicators().name(), topics.alerts().name(),
                applicationIdPrefix());
        // an existing events topic keeps its partition count; the indicators check each event's partition against it
        eventsPartitions = TopicCreator.createMissing(connection, topics.creationConfigs(), names.partitions(),
                names.replicationFactor()).get(topics.events().name());
        publisher = new ArticlePublisher(connection, topics.articles(), Clock.systemUTC());
        extraction = startStreams(Derivation.EXTRACTION, props -> ExtractionTopology.build(topics, extractor, props));
        indicators = startStreams(Derivation.INDICATORS, props -> IndicatorsTopology.build(topics, indicatorSettings(), props));
        alertRules = alertRules(config.alerts());
        LOG.info("Alert rules: {}", alertRules.stream().map(AlertRule::id).toList());
        alerts = startStreams(Derivation.ALERTS, props -> AlertsTopology.build(topics, alertRules,
                AlertsTopology.settleDays(config.indicators().gracePeriodDays(), config.indicators().toleranceDays()), props));
    }

    /** The derivation of {@code tension.derivation}; a label that cannot name topics stops the start. */
    static Derivation derivation(Optional<String> setting) {
        try {
            return Derivation.of(setting.orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tension.derivation: " + e.getMessage(), e);
        }
    }

    /** The enabled rules of {@code tension.alerts.rules}, by name; a rule that makes no sense stops the start. */
    static List<AlertRule> alertRules(TensionConfig.Alerts settings) {
        List<AlertRule> rules = new ArrayList<>();
        for (Map.Entry<String, TensionConfig.Alerts.Rule> entry : new java.util.TreeMap<>(settings.rules()).entrySet()) {
            TensionConfig.Alerts.Rule r = entry.getValue();
            if (r.enabled()) {
                rules.add(new AlertRuleSpec(entry.getKey(), true, r.indicator(), r.window(), r.threshold(), r.rise(),
                        r.baselineDays(), r.minBaseline(), r.minSources(), r.severity(), r.escalate().orElse(List.of()),
                        r.clearBelow(), r.clearRise(), r.cooldownDays()).toRule());
            }
        }
        return List.copyOf(rules);
    }

    private KafkaStreams startStreams(String name, Function<Properties, Topology> topology) {
        String applicationId = derivation.applicationId(config.streams().applicationId(), name);
        // the pass-through settings (security.protocol, sasl.*, ssl.*) first: the service's own settings win
        Properties props = connection.properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.streams().processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(config.streams().commitInterval().toMillis()));
        props.put(StreamsConfig.POLL_MS_CONFIG, String.valueOf(config.streams().pollInterval().toMillis()));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(config.topics().replicationFactor()));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // a record that decodes but makes a processor throw would otherwise stop its partition for good
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // static membership: a restart after a crash rejoins as the same member and gets its tasks back at once,
        // where a new member would wait for the dead one's session to expire (10 s of every restart)
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.streams().standbyReplicas());
        // how long the others wait for a dead instance before taking its tasks over: 10 s instead of 45 s
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                String.valueOf(config.streams().sessionTimeout().toMillis()));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                String.valueOf(config.streams().sessionTimeout().toMillis() / 4));
        // a bounded RocksDB cache shared by all stores, larger producer batches
        StreamsTuning.apply(props);
        props.put(DeadLetterHandler.TOPIC_CONFIG, topics.deadLetter());
        props.put(KafkaConnection.class.getName(), connection);
        props.put(EventPartitioning.PARTITIONS_CONFIG, eventsPartitions);
        if (advertisedHost() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedHost().host() + ":" + advertisedHost().port());
        }
        KafkaStreams streams = new KafkaStreams(topology.apply(props), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Streams application {} failed; replacing its thread", applicationId, e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return streams;
    }

    private IndicatorSettings indicatorSettings() {
        return IndicatorSettings.of(config.indicators().toleranceDays(), config.indicators().gracePeriodDays())
                .withMergeInterval(config.indicators().mergeInterval())
                .withMergeSchedule(config.indicators().mergeMaxWait(), IndicatorSettings.DEFAULT_MERGE_ALL_BELOW)
                .withMergeIdleAfter(config.indicators().mergeIdleAfter())
                .withHistoryRetention(Duration.ofDays(config.indicators().historyRetentionDays()));
    }

    private Path stateDir() {
        return config.dataDir().resolve("streams");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The bootstrap servers and the pass-through settings every Kafka client of the service starts from. */
    public KafkaConnection connection() {
        return connection;
    }

    /** Whether the service runs on an external cluster ({@code kafka.bootstrap.servers}) rather than its own broker. */
    public boolean externalCluster() {
        return broker == null;
    }

    /** Where other instances reach this one, or {@code null} when it runs alone. */
    public HostInfo advertisedHost() {
        return config.streams().advertisedHost().map(host -> new HostInfo(host, httpPort)).orElse(null);
    }

    /** The version of the derived topics this instance writes and serves. */
    public Derivation derivation() {
        return derivation;
    }

    /** The prefix of this instance's Streams application ids and consumer groups, which the derivation is part of. */
    public String applicationIdPrefix() {
        return derivation.applicationIdPrefix(config.streams().applicationId());
    }

    public Topics topics() {
        return topics;
    }

    public ArticlePublisher publisher() {
        return publisher;
    }

    /** The indicators application, for interactive queries of its stores. */
    public KafkaStreams indicatorsStreams() {
        return indicators;
    }

    /** The alerts application, for interactive queries of its stores. */
    public KafkaStreams alertsStreams() {
        return alerts;
    }

    /** The alert rules in force. */
    public List<AlertRule> alertRules() {
        return alertRules;
    }

    /** The three Streams applications by application id, in the order data flows through them, for health checks. */
    public Map<String, KafkaStreams> streamsByApplicationId() {
        Map<String, KafkaStreams> byId = new java.util.LinkedHashMap<>();
        byId.put(applicationId(Derivation.EXTRACTION), extraction);
        byId.put(applicationId(Derivation.INDICATORS), indicators);
        byId.put(applicationId(Derivation.ALERTS), alerts);
        return byId;
    }

    private String applicationId(String name) {
        return derivation.applicationId(config.streams().applicationId(), name);
    }

    @PreDestroy
    void stop() {
        for (KafkaStreams streams : new KafkaStreams[] {alerts, indicators, extraction}) {
            if (streams != null) {
                // leave the group on the way out: a restarted service then gets its partitions at once
                // instead of waiting for the old member's session to time out (45 s)
                streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            }
        }
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}

package org.tensionwatch.service;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.kafka.ArticlePublisher;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.KafkaConnection;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;

/**
 * The Kafka cluster this instance works on: its own embedded broker (unless {@code kafka.bootstrap.servers}
 * names a cluster), the connection every client starts from, the topics (created when missing) and the
 * article producer. The Streams applications run on it ({@link StreamsApplications}); beans that only
 * produce to or read a topic inject this bean alone.
 *
 * <p>It has no {@code @PreDestroy}: {@link StreamsApplications} closes it after the Streams applications,
 * because the container promises no order between singletons and a broker closed under running Streams
 * threads makes their shutdown wait for timeouts.
 */
@Singleton
public class KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    @Inject
    TensionConfig config;

    @Inject
    KafkaSettings settings;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    Optional<String> externalBootstrapServers;

    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;
    private KafkaConnection connection;
    private Topics topics;
    private Map<String, Integer> partitionCounts = Map.of();
    private ArticlePublisher publisher;

    @PostConstruct
    void start() {
        if (externalBootstrapServers.filter(s -> !s.isBlank()).isPresent()) {
            bootstrapServers = externalBootstrapServers.get();
            connection = new KafkaConnection(bootstrapServers,
                    KafkaClientSettings.of(ConfigProvider.getConfig(), System.getenv()));
            LOG.info("Using the Kafka cluster at {}", connection);
        } else {
            broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.broker().port());
            bootstrapServers = broker.bootstrapServers();
            connection = KafkaConnection.plaintext(bootstrapServers);
        }
        Derivation derivation = settings.derivation();
        TensionConfig.TopicSettings names = config.topics();
        topics = Topics.of(derivation.topicNames(new Topics.Names(names.articles(), names.events(),
                names.canonicalEvents(), names.indicators(), names.alerts(), names.settledAlerts(),
                names.deadLetter())));
        LOG.info("Derivation {}: {} -> {}, {}, {}, {}; Streams application ids {}-*", derivation, topics.articles().name(),
                topics.events().name(), topics.canonicalEvents().name(), topics.indicators().name(), topics.alerts().name(),
                settings.applicationIdPrefix());
        // an existing events topic keeps its partition count; the indicators check each event's partition against it
        partitionCounts = Map.copyOf(TopicCreator.createMissing(connection, topics.creationConfigs(), names.partitions(),
                names.replicationFactor()));
        publisher = new ArticlePublisher(connection, topics.articles(), Clock.systemUTC());
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

    public Topics topics() {
        return topics;
    }

    /** The partitions of the events topic as it exists (an existing topic keeps its count). */
    public int eventsPartitions() {
        return partitionsOf(topics.events().name());
    }

    /** The partitions of one of the service's topics as it exists. */
    public int partitionsOf(String topic) {
        Integer partitions = partitionCounts.get(topic);
        if (partitions == null) {
            throw new IllegalArgumentException("not a topic of the service: " + topic);
        }
        return partitions;
    }

    public ArticlePublisher publisher() {
        return publisher;
    }

    /** Closes the article producer, then the embedded broker if this instance runs one; called once the Streams are closed. */
    void close() {
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}

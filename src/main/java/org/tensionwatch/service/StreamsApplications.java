package org.tensionwatch.service;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.kafka.DeadLetterCount;
import org.tensionwatch.kafka.DeadLetterHandler;
import org.tensionwatch.kafka.DeadLetterProcessingHandler;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.KafkaConnection;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.streams.AlertSteps;
import org.tensionwatch.streams.AlertsTopology;
import org.tensionwatch.streams.DroppedReports;
import org.tensionwatch.streams.ExtractionTopology;
import org.tensionwatch.streams.IndicatorSettings;
import org.tensionwatch.streams.IndicatorsTopology;
import org.tensionwatch.streams.StreamsTuning;

/**
 * The three Kafka Streams applications, started in the order data flows through them - extraction
 * (articles to events), indicators (events to canonical events and regional indicators) and alerts
 * (canonical events to escalation alerts) - on the {@link KafkaCluster}, and closed in reverse, the cluster
 * last.
 *
 * <p>Started just before the other beans that observe the start ({@code @Startup} one below the default
 * priority, after {@code SecuritySetup}): the beans that use only the cluster (webhook, feeds, live
 * subscriptions, start-up ingestion) then find the Streams running, as they did when everything went
 * through one bean.
 */
@Singleton
@Startup(ObserverMethod.DEFAULT_PRIORITY - 1)
public class StreamsApplications {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApplications.class);

    @Inject
    TensionConfig config;

    @Inject
    EventExtractor extractor;

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaCluster cluster;

    /**
     * What the indicators application could not apply, and the alert steps the alerts application emitted: these
     * applications' own, for the metrics beans; no other topology in the JVM (a benchmark's, a test's) adds to them.
     * Created with this bean, so that they exist before the Streams start and before the metrics bind to them.
     */
    private final DroppedReports droppedReports = new DroppedReports();
    private final AlertSteps alertSteps = new AlertSteps();
    /**
     * The records the service sends to the dead-letter topic: its three applications' dead-letter handlers count into
     * it (they find it in their properties), and so does the webhook, which injects this bean. Created with this bean,
     * like the counts above.
     */
    private final DeadLetterCount deadLetters = new DeadLetterCount();

    private KafkaStreams extraction;
    private KafkaStreams indicators;
    private KafkaStreams alerts;

    @PostConstruct
    void start() {
        Topics topics = cluster.topics();
        extraction = startStreams(Derivation.EXTRACTION, props -> ExtractionTopology.build(topics, extractor, props));
        indicators = startStreams(Derivation.INDICATORS, props -> IndicatorsTopology.build(topics, indicatorSettings(),
                droppedReports, props));
        LOG.info("Alert rules: {}", settings.alertRules().stream().map(AlertRule::id).toList());
        int settleDays = AlertsTopology.settleDays(config.indicators().gracePeriodDays(), config.indicators().toleranceDays());
        alerts = startStreams(Derivation.ALERTS, props -> AlertsTopology.build(topics, settings.alertRules(), settleDays,
                alertSteps, props));
    }

    private KafkaStreams startStreams(String name, Function<Properties, Topology> topology) {
        String applicationId = settings.applicationId(name);
        KafkaConnection connection = cluster.connection();
        // the pass-through settings (security.protocol, sasl.*, ssl.*) first: the service's own settings win
        Properties props = connection.properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.dataDir().resolve("streams").toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.streams().processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(config.streams().commitInterval().toMillis()));
        props.put(StreamsConfig.POLL_MS_CONFIG, String.valueOf(config.streams().pollInterval().toMillis()));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, String.valueOf(config.topics().replicationFactor()));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // a record that decodes but makes a processor throw would otherwise stop its partition for good
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        // static membership: a restart after a crash rejoins as the same member and gets its tasks back at once,
        // where a new member would wait for the dead one's session to expire (10 s of every restart)
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), settings.instanceId());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.streams().standbyReplicas());
        // how long the others wait for a dead instance before taking its tasks over: 10 s instead of 45 s
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                String.valueOf(config.streams().sessionTimeout().toMillis()));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                String.valueOf(config.streams().sessionTimeout().toMillis() / 4));
        // a bounded RocksDB cache shared by all stores, larger producer batches
        StreamsTuning.apply(props);
        props.put(DeadLetterHandler.TOPIC_CONFIG, cluster.topics().deadLetter());
        props.put(KafkaConnection.class.getName(), connection);
        // the dead-letter handlers, created by Kafka by class name, count into the service's object
        props.put(DeadLetterCount.class.getName(), deadLetters);
        props.put(EventPartitioning.PARTITIONS_CONFIG, cluster.eventsPartitions());
        HostInfo self = settings.advertisedHost();
        if (self != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        }
        KafkaStreams streams = new KafkaStreams(topology.apply(props), props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Streams application {} failed; replacing its thread", applicationId, e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
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

    /** The indicators application, for interactive queries of its stores. */
    public KafkaStreams indicators() {
        return indicators;
    }

    /** The alerts application, for interactive queries of its stores. */
    public KafkaStreams alerts() {
        return alerts;
    }

    /** The reports and events the indicators application could not apply, for the metrics endpoint. */
    public DroppedReports droppedReports() {
        return droppedReports;
    }

    /** The alert steps the alerts application emitted, for the metrics endpoint. */
    public AlertSteps alertSteps() {
        return alertSteps;
    }

    /**
     * The records the service sent to the dead-letter topic - records its applications could not decode or process,
     * and alert steps the webhook gave up on - for the metrics endpoint.
     */
    public DeadLetterCount deadLetters() {
        return deadLetters;
    }

    /** The three Streams applications by application id, in the order data flows through them, for health checks. */
    public Map<String, KafkaStreams> byApplicationId() {
        Map<String, KafkaStreams> byId = new LinkedHashMap<>();
        byId.put(settings.applicationId(Derivation.EXTRACTION), extraction);
        byId.put(settings.applicationId(Derivation.INDICATORS), indicators);
        byId.put(settings.applicationId(Derivation.ALERTS), alerts);
        return byId;
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
        cluster.close();
    }
}

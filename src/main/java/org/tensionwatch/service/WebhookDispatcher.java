package org.tensionwatch.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensionwatch.views.AlertView;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.kafka.DeadLetterHandler;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.webhook.RetryPolicy;
import org.tensionwatch.webhook.WebhookSender;

/**
 * Reads the alerts topic in a consumer group of its own ({@code <application-id>-webhook},
 * read_committed) and POSTs each alert step to the webhook, one at a time, so that the steps of one
 * alert (one key, one partition) arrive in order. A step's offset is committed only once it is
 * delivered or given up (and then safely in the dead-letter topic): a restart delivers again at most
 * the step that was in flight, and loses none. At least once; receivers deduplicate on
 * {@code X-TensionWatch-Delivery}.
 */
@Singleton
public class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    @Inject
    KafkaSettings settings;

    @Inject
    KafkaCluster cluster;

    @Inject
    TensionConfig config;

    @Inject
    WebhookConfig webhook;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    /** For the service's dead-letter count, which the given-up steps add to. */
    @Inject
    StreamsApplications applications;

    private Counter delivered;
    private Counter givenUp;
    private Counter retried;
    private volatile boolean running;
    private Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Properties consumerProps;
    private KafkaProducer<byte[], byte[]> deadLetters;
    private WebhookSender sender;

    void start(@Observes StartupEvent event) {
        delivered = Counter.builder("tension.webhook.deliveries").tag("outcome", "delivered")
                .description("alert steps the webhook receiver accepted").register(registry);
        givenUp = Counter.builder("tension.webhook.deliveries").tag("outcome", "given_up")
                .description("alert steps given up after the last attempt or a non-retryable answer, sent to the dead-letter topic")
                .register(registry);
        retried = Counter.builder("tension.webhook.retries")
                .description("failed webhook attempts that were tried again").register(registry);
        if (webhook.url().isEmpty()) {
            return;
        }
        String secret = webhook.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "tension.webhook.url is set but tension.webhook.secret is not: alert steps are only sent signed"));
        RetryPolicy policy = new RetryPolicy(webhook.maxAttempts(), webhook.initialBackoff(), webhook.maxBackoff());
        sender = WebhookSender.create(webhook.url().get(), secret, policy, webhook.timeout(), (id, attempt, reason, wait) -> {
            retried.increment();
            LOG.info("Webhook delivery {} attempt {} failed ({}); trying again in {} ms", id, attempt, reason, wait.toMillis());
        });
        consumerProps = consumerProps(policy);
        deadLetters = new KafkaProducer<>(producerProps(), new ByteArraySerializer(), new ByteArraySerializer());
        running = true;
        thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Webhook on: alert steps from {} go to {}", cluster.topics().alerts().name(), webhook.url().get());
    }

    /** Runs before the beans (and the embedded broker) are destroyed. */
    void stop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running = false;
        try {
            // a step being delivered and committed finishes (a poll returns within 1 s) unless it is stuck in retries
            thread.join(Duration.ofSeconds(3).toMillis());
            KafkaConsumer<String, byte[]> current = consumer;
            if (thread.isAlive() && current != null) {
                current.wakeup();
            }
            thread.interrupt();
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(10));
    }

    private Properties consumerProps(RetryPolicy policy) {
        Properties props = cluster.connection().properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.applicationIdPrefix() + "-webhook");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.applicationIdPrefix() + "-webhook");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, webhook.autoOffsetReset());
        // one step at a time, and enough time for it to be retried to the end before the group gives up on us
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        long maxPollMillis = Math.max(Duration.ofMinutes(5).toMillis(),
                policy.worstCase(webhook.timeout()).plusMinutes(1).toMillis());
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(Math.min(maxPollMillis, Integer.MAX_VALUE)));
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(config.streams().sessionTimeout().toMillis()));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(config.streams().sessionTimeout().toMillis() / 4));
        return props;
    }

    private Properties producerProps() {
        Properties props = cluster.connection().properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.applicationIdPrefix() + "-webhook-dead-letter");
        return props;
    }

    /** Delivers until stopped; after an unexpected failure, starts over from the committed offsets (nothing is lost). */
    private void run() {
        while (running) {
            try {
                consume();
            } catch (InterruptedException | WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                if (running) {
                    LOG.warn("Webhook dispatcher interrupted; stopping");
                }
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.error("Webhook dispatcher failed; starting again from the last committed step in 5 s", e);
                try {
                    Thread.sleep(Duration.ofSeconds(5).toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void consume() throws InterruptedException {
        Topic<String, EscalationAlert> alerts = cluster.topics().alerts();
        consumer = new KafkaConsumer<>(consumerProps, alerts.keySerde().deserializer(), new ByteArrayDeserializer());
        try {
            consumer.subscribe(List.of(alerts.name()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(alerts, record);
                    commit(record);
                }
            }
        } catch (InterruptedException e) {
            LOG.info("Webhook stopped during a delivery; the step will be delivered again after the restart");
            throw e;
        } finally {
            // leave the group cleanly even when stopped by an interrupt
            boolean interrupted = Thread.interrupted();
            try {
                consumer.close(Duration.ofSeconds(10));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void handle(Topic<String, EscalationAlert> alerts, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return;
        }
        EscalationAlert alert;
        try {
            alert = alerts.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, "cannot decode the alert: " + e.getMessage(), List.of());
            return;
        }
        String deliveryId = deliveryId(alert);
        byte[] body;
        try {
            body = json.writeValueAsBytes(AlertView.of(alert));
        } catch (Exception e) {
            deadLetter(record, "cannot write the alert as JSON: " + e.getMessage(), List.of());
            return;
        }
        WebhookSender.Outcome outcome = sender.deliver(deliveryId, body);
        if (outcome.delivered()) {
            delivered.increment();
            LOG.debug("Webhook delivered {} in {} attempt(s)", deliveryId, outcome.attempts());
        } else {
            LOG.warn("Webhook gave up on {}: {}; sent to the dead-letter topic", deliveryId, outcome.reason());
            deadLetter(record, "webhook delivery failed: " + outcome.reason(), List.of(
                    Map.entry("dlq.webhook.delivery", deliveryId),
                    Map.entry("dlq.webhook.attempts", String.valueOf(outcome.attempts())),
                    Map.entry("dlq.webhook.status", String.valueOf(outcome.lastStatus()))));
            givenUp.increment();
        }
    }

    /** Sent and acknowledged before the offset is committed, so a given-up step is never lost. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String error, List<Map.Entry<String, String>> extra) {
        RecordHeaders headers = DeadLetterHandler.headers(record, error);
        extra.forEach(h -> headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)));
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        try {
            deadLetters.send(new ProducerRecord<>(cluster.topics().deadLetter(), null, key, record.value(), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the dead-letter topic", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + cluster.topics().deadLetter(), e);
        }
        applications.deadLetters().recordSent();
    }

    private void commit(ConsumerRecord<String, byte[]> record) {
        try {
            consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partition moved while the step was delivered; its new owner delivers it again (at least once)
            LOG.warn("Could not commit {}-{}@{} after delivery: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /** The same for every delivery of the same step: the alert id, its status and its severity. */
    static String deliveryId(EscalationAlert alert) {
        return alert.getId() + "|" + alert.getStatus().name().toLowerCase(Locale.ROOT) + "|"
                + alert.getSeverity().name().toLowerCase(Locale.ROOT);
    }
}

package org.tensionwatch.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.AlertRuleKind;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.Topics;

/**
 * Escalation alerts put on {@code tension.alerts} as the alerts application would: with the topic's
 * own serdes, keyed by alert id. The dashboard and the alerts stream read that topic, whoever writes it.
 */
final class TestAlerts implements AutoCloseable {

    private final Topic<String, EscalationAlert> topic = Topics.defaults().alerts();
    private final KafkaProducer<String, EscalationAlert> producer;

    TestAlerts(int brokerPort) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + brokerPort);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** A raised alert of an injuries rule over seven days, with one canonical event and its article as evidence. */
    static EscalationAlert injuries(String region, String day, AlertSeverity severity, long value, String url) {
        LocalDate end = LocalDate.parse(day);
        Instant noon = end.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant at = noon.isAfter(Instant.now()) ? Instant.now() : noon;
        return EscalationAlert.newBuilder()
                .setId("injuries-spike|" + region + "|" + day)
                .setRuleId("injuries-spike")
                .setRegion(region)
                .setStatus(AlertStatus.RAISED)
                .setSeverity(severity)
                .setIndicator("injuries")
                .setWindow("P7D")
                .setKind(AlertRuleKind.THRESHOLD)
                .setValue(value)
                .setThreshold(20)
                .setBaseline(null)
                .setBaselineDays(null)
                .setWindowStart(end.minusDays(6))
                .setWindowEnd(end)
                .setSources(2)
                .setEvents(List.of(AlertEvidence.newBuilder()
                        .setEventId(region + "|INJURY|police|" + day)
                        .setType(EventType.INJURY)
                        .setOccurredOn(end)
                        .setBest(value)
                        .setLocation("Test City")
                        .setSources(List.of("Test Wire"))
                        .setUrls(List.of(url))
                        .setEvidence(value + " police officers were injured in clashes, the ministry said.")
                        .build()))
                .setRaisedAt(at)
                .setUpdatedAt(at)
                .setMessage(region + " injuries over 7 days: " + value + ", threshold 20")
                .build();
    }

    /** Writes the alert with the given record timestamp and waits for the broker's acknowledgement. */
    void send(EscalationAlert alert, Instant timestamp) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, timestamp.toEpochMilli(), alert.getId(), alert)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write alert " + alert.getId(), e.getCause());
        }
    }

    void send(EscalationAlert alert) {
        send(alert, Instant.now());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}

package org.tensionwatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.avro.Article;
import org.tensionwatch.ingest.NewArticle;

/**
 * On a broker with a SASL/SCRAM-SHA-512 listener and ACLs: the service's clients work with the service's credentials,
 * and a client without them is refused.
 */
class SecuredClusterTest {

    private static final String SUPER_USER = "broker-admin";
    private static final String SUPER_PASSWORD = "broker-admin-secret";

    @TempDir
    static Path brokerDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBrokerWithTheServiceUser() throws Exception {
        broker = EmbeddedKafkaBroker.startWithScram(brokerDir, 0, SUPER_USER, SUPER_PASSWORD);
        try (Admin admin = Admin.create(broker.scramConnection(SUPER_USER, SUPER_PASSWORD).config())) {
            ScramUsers.create(admin, "tension", "tension-secret");
            ScramUsers.create(admin, "stranger", "stranger-secret");
            admin.createAcls(ScramUsers.serviceAcls("tension")).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theServiceCredentialsCreateTopicsWriteArticlesAndReadThemBack() {
        KafkaConnection service = broker.scramConnection("tension", "tension-secret");
        Topics topics = Topics.of(new Topics.Names("tension.articles", "tension.events", "tension.canonical-events",
                "tension.indicators", "tension.alerts", "tension.settled-alerts", "tension.dead-letter"));

        Map<String, Integer> partitions = TopicCreator.createMissing(service, topics.creationConfigs(), 2, (short) 1);
        String id;
        try (ArticlePublisher publisher = new ArticlePublisher(service, topics.articles(), Clock.systemUTC())) {
            id = publisher.publish(new NewArticle("Police detain protesters in Tbilisi",
                    "Police in Tbilisi arrested 14 protesters on Tuesday.", Instant.parse("2026-10-14T09:00:00Z"),
                    "Caucasus Ledger", "https://news.example.org/tbilisi-arrests"));
        }

        assertThat(partitions).containsKeys("tension.articles", "tension.events", "tension.dead-letter");
        Map<String, Article> articles = CompactedTopicReader.latestValues(service, topics.articles(), key -> true,
                Duration.ofSeconds(30));
        assertThat(articles).containsKey(id);
        assertThat(ConsumerGroupLag.of(service, "tension-watch-nobody", Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        KafkaConnection wrong = broker.scramConnection("tension", "not-the-password");

        assertThatThrownBy(() -> TopicCreator.createMissing(wrong, Map.of("tension.articles", Map.of()), 1, (short) 1))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutCredentialsIsNotLetIn() {
        KafkaConnection plain = new KafkaConnection(broker.bootstrapServers(), Map.of("request.timeout.ms", "3000",
                "default.api.timeout.ms", "5000"));

        assertThatThrownBy(() -> ConsumerGroupLag.of(plain, "tension-watch-extraction", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAuthenticatedUserWithoutTheServiceAclsMayNotWriteItsTopics() throws Exception {
        KafkaConnection stranger = broker.scramConnection("stranger", "stranger-secret");
        Topics topics = Topics.of(new Topics.Names("tension.articles", "tension.events", "tension.canonical-events",
                "tension.indicators", "tension.alerts", "tension.settled-alerts", "tension.dead-letter"));
        TopicCreator.createMissing(broker.scramConnection("tension", "tension-secret"),
                Map.of("tension.articles", topics.creationConfigs().get("tension.articles")), 1, (short) 1);

        try (ArticlePublisher publisher = new ArticlePublisher(stranger, topics.articles(), Clock.systemUTC())) {
            assertThatThrownBy(() -> publisher.publish(new NewArticle("Forged", "Soldiers killed 500 civilians in Tbilisi.",
                    Instant.parse("2026-10-14T09:00:00Z"), "Nobody", null)))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOfAny(TopicAuthorizationException.class,
                            org.apache.kafka.common.errors.ClusterAuthorizationException.class));
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

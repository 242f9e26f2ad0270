package org.tensionwatch.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.cli.DerivationStatusCommand;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.KafkaConnection;
import org.tensionwatch.kafka.ScramUsers;
import org.tensionwatch.security.ApiKeys;

/**
 * Two instances of the packaged service on a Kafka cluster secured with SASL/SCRAM-SHA-512 and ACLs, with API keys,
 * bearer tokens of a test issuer (an RSA key pair made here) and a cluster secret: requests without credentials get 401,
 * with the wrong role 403, with the right one an answer; the instances still answer each other's queries.
 */
class SecurityIT {

    private static final String ISSUER = "https://issuer.tension-watch.test";
    private static final String CLUSTER_SECRET = "a-cluster-secret-of-the-test-deployment";
    private static final String FEEDER_KEY = "feeder-key-0123456789";
    private static final String READER_KEY = "reader-key-0123456789";
    private static final String OPS_KEY = "ops-key-0123456789";

    @TempDir
    static Path workDir;

    private static EmbeddedKafkaBroker broker;
    private static KeyPair issuerKeys;
    private static Map<String, String> settings;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void startTwoInstancesOnASecuredCluster() throws Exception {
        broker = EmbeddedKafkaBroker.startWithScram(workDir.resolve("broker"), 0, "broker-admin", "broker-admin-secret");
        try (Admin admin = Admin.create(broker.scramConnection("broker-admin", "broker-admin-secret").config())) {
            ScramUsers.create(admin, "tension", "tension-secret");
            admin.createAcls(ScramUsers.serviceAcls("tension")).all().get();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuerKeys = generator.generateKeyPair();
        Path publicKey = workDir.resolve("issuer-public-key.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(issuerKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        broker.scramConnection("tension", "tension-secret").settings().forEach((k, v) -> settings.put("kafka." + k, v));
        settings.put("tension.samples.enabled", "false");
        settings.put("tension.topics.partitions", "3");
        settings.put("tension.streams.advertised-host", "localhost");
        settings.put("tension.security.api-keys", String.join(",", "feeder:ingest:" + ApiKeys.sha256Hex(FEEDER_KEY),
                "reader:read:" + ApiKeys.sha256Hex(READER_KEY), "ops:admin+read:" + ApiKeys.sha256Hex(OPS_KEY)));
        settings.put("tension.security.cluster-secret", CLUSTER_SECRET);
        settings.put("mp.jwt.verify.issuer", ISSUER);
        settings.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        a = ServiceProcess.start(workDir.resolve("a"), settings);
        b = ServiceProcess.start(workDir.resolve("b"), settings);
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {b, a, broker}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one still stops
            }
        }
    }

    @Test
    void requestsWithoutCredentialsGet401WithAMessage() {
        for (String path : List.of("/api/regions", "/api/alerts", "/api/regions/GE/indicators", "/api/internal/rows",
                "/q/metrics", "/api/stream/alerts")) {
            Response response = given().baseUri(a.baseUri().toString()).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
            assertThat(response.jsonPath().getString("error")).as(path).contains("authentication required");
        }
        Response post = given().baseUri(a.baseUri().toString()).contentType(ContentType.JSON)
                .body(TestArticles.tbilisiArrests()).post("/api/articles");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.jsonPath().getString("error")).contains("authentication required");
    }

    @Test
    void theDashboardHealthProbesAndApiDescriptionNeedNoCredentials() {
        for (String path : List.of("/", "/app.js", "/q/health/ready", "/q/health/live", "/q/openapi")) {
            given().baseUri(a.baseUri().toString()).get(path).then().statusCode(200);
        }
    }

    @Test
    void wrongCredentialsGet401AndNeverAServerError() {
        assertRefused(given().header("X-API-Key", "not-a-key").get("/api/regions"), 401, "is not known");
        assertRefused(given().header("Authorization", "Bearer not-a-token").get("/api/regions"), 401, "not valid");
        assertRefused(given().header("Authorization", "Bearer " + token(List.of("read"), ISSUER, Instant.now().minusSeconds(60)))
                .get("/api/regions"), 401, "not valid");
        assertRefused(given().header("Authorization", "Bearer " + token(List.of("read"), "https://another-issuer.test",
                Instant.now().plusSeconds(600))).get("/api/regions"), 401, "not valid");
        assertRefused(given().header("Authorization", "Bearer " + tokenSignedBy(otherKey(), List.of("read")))
                .get("/api/regions"), 401, "not valid");
        assertRefused(given().get("/api/regions?access_token=" + READER_KEY), 401, "live streams only");
    }

    @Test
    void credentialsWithoutTheRoleGet403WithAMessage() {
        assertRefused(given().header("X-API-Key", READER_KEY).contentType(ContentType.JSON).body(TestArticles.tbilisiArrests())
                .post("/api/articles"), 403, "reader");
        assertRefused(given().header("X-API-Key", FEEDER_KEY).get("/api/regions"), 403, "feeder");
        assertRefused(given().header("Authorization", "Bearer " + validToken(List.of("read"))).contentType(ContentType.JSON)
                .body(TestArticles.tbilisiArrests()).post("/api/articles"), 403, "analyst");
        assertRefused(given().header("X-API-Key", READER_KEY).get("/q/metrics"), 403, "role");
        assertRefused(given().header("X-API-Key", READER_KEY).get("/api/internal/rows"), 403, "reader");
    }

    @Test
    void theInternalEndpointsRefuseACallerWithoutTheClusterSecret() {
        assertRefused(given().get("/api/internal/alerts"), 401, "authentication required");
        assertRefused(given().header("X-Tension-Cluster-Secret", "a-guessed-secret-of-some-length").get("/api/internal/alerts"),
                401, "cluster secret");
        given().baseUri(a.baseUri().toString()).header("X-Tension-Cluster-Secret", CLUSTER_SECRET).get("/api/internal/alerts")
                .then().statusCode(200);
        given().baseUri(a.baseUri().toString()).header("X-API-Key", OPS_KEY).get("/api/internal/alerts").then().statusCode(200);
        // the cluster secret opens the internal endpoints only
        assertRefused(given().header("X-Tension-Cluster-Secret", CLUSTER_SECRET).get("/api/regions"), 403, "cluster-peer");
    }

    @Test
    void keysAndTokensOfTheRightRoleAreServedAndBothInstancesAnswerEachOthersAsOfQueries() throws Exception {
        try (SseClient stream = SseClient.connect(
                URI.create(b.baseUri() + "/api/stream/indicators?region=GE&access_token=" + validToken(List.of("read"))), null)) {
            assertThat(stream.status()).isEqualTo(200);

            given().baseUri(a.baseUri().toString()).header("X-API-Key", FEEDER_KEY).contentType(ContentType.JSON)
                    .body(TestArticles.tbilisiArrests()).post("/api/articles").then().statusCode(202);
            for (ServiceProcess asked : List.of(a, b)) {
                await("arrests seen through " + asked.baseUri()).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> arrestsOnTuesday(asked, "Authorization", "Bearer " + READER_KEY, "") == 14);
            }
            await("the live stream's indicators").atMost(Duration.ofSeconds(60))
                    .until(() -> !stream.named("indicators").isEmpty());
        }

        // a token of the issuer with the ingest role posts too; then both instances know the revision, and as of before it 14
        given().baseUri(b.baseUri().toString()).header("Authorization", "Bearer " + validToken(List.of("ingest")))
                .contentType(ContentType.JSON).body(TestArticles.tbilisiArrestsRevised()).post("/api/articles").then().statusCode(202);
        for (ServiceProcess asked : List.of(a, b)) {
            await("revised arrests seen through " + asked.baseUri()).atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> arrestsOnTuesday(asked, "Authorization", "Bearer " + validToken(List.of("read")), "") == 21);
            assertThat(arrestsOnTuesday(asked, "X-API-Key", READER_KEY, "&asOf=2026-10-14T12:00:00Z")).isEqualTo(14);
        }
        given().baseUri(a.baseUri().toString()).header("X-API-Key", OPS_KEY).get("/q/metrics").then().statusCode(200);

        // the command line reaches the secured cluster with a client configuration file
        Path clientConfig = workDir.resolve("client.properties");
        StringBuilder properties = new StringBuilder();
        broker.scramConnection("tension", "tension-secret").settings()
                .forEach((k, v) -> properties.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(clientConfig, properties);
        await("derivation-status with --kafka-config").atMost(Duration.ofSeconds(90)).until(() ->
                derivationStatus("--bootstrap-servers", broker.bootstrapServers(), "--kafka-config", clientConfig.toString()) == 0);
    }

    @Test
    void theDashboardAsksForATokenOnceAndThenReadsAndStreamsWithIt() {
        org.openqa.selenium.chrome.ChromeDriver browser = Chromium.start(workDir.resolve("chromium-profile"), 1280, 1000);
        try {
            browser.get(a.baseUri().toString());
            await("the sign-in form").atMost(Duration.ofSeconds(30))
                    .until(() -> browser.findElement(org.openqa.selenium.By.id("signin")).isDisplayed());
            assertThat(browser.findElement(org.openqa.selenium.By.id("signin-message")).getText()).contains("needs an access token");

            browser.findElement(org.openqa.selenium.By.id("token-input")).sendKeys(READER_KEY);
            browser.findElement(org.openqa.selenium.By.cssSelector("[data-testid='signin-submit']")).click();

            await("regions loaded and both live streams open with the token").atMost(Duration.ofSeconds(30)).until(() ->
                    !browser.findElement(org.openqa.selenium.By.id("signin")).isDisplayed()
                            && browser.findElement(org.openqa.selenium.By.id("regions-updated")).getText().startsWith("Updated")
                            && "live".equals(browser.findElement(org.openqa.selenium.By.cssSelector("[data-testid='connection-status']"))
                                    .getAttribute("data-state")));
            // kept for the tab: a reload needs no second sign-in
            browser.navigate().refresh();
            await("signed in after a reload").atMost(Duration.ofSeconds(30)).until(() ->
                    browser.findElement(org.openqa.selenium.By.id("regions-updated")).getText().startsWith("Updated"));
            assertThat(browser.findElement(org.openqa.selenium.By.id("signin")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    @Test
    void anUndecodableRecordReachesTheDeadLetterTopicOfTheSecuredCluster() throws Exception {
        KafkaConnection service = broker.scramConnection("tension", "tension-secret");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(service.properties(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("tension.articles", "security-it-garbage".getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 2, 3})).get();
        }

        // the dead-letter producer of the Streams application got the service's SASL settings too
        await("the record dead-lettered").atMost(Duration.ofSeconds(60)).until(() -> deadLetterKeys(service)
                .contains("security-it-garbage"));
    }

    private static List<String> deadLetterKeys(KafkaConnection kafka) {
        java.util.Properties props = kafka.properties();
        props.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("tension.dead-letter").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> keys = new java.util.ArrayList<>();
            for (int polls = 0; polls < 5; polls++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key() == null ? "" : new String(r.key(),
                        StandardCharsets.UTF_8)));
            }
            return keys;
        }
    }

    @Test
    void theServiceRefusesToStartOnAClusterWithoutAnAuthenticationSetup() {
        Map<String, String> unsafe = new HashMap<>(settings);
        unsafe.remove("tension.security.api-keys");
        unsafe.remove("mp.jwt.verify.publickey.location");
        unsafe.remove("tension.streams.advertised-host");

        String log = ServiceProcess.startRefused(workDir.resolve("unsafe"), unsafe);

        assertThat(log).contains("Refusing to start").contains("no authentication is configured")
                .contains("tension.security.allow-anonymous-writes");
    }

    private static int arrestsOnTuesday(ServiceProcess service, String header, String value, String asOf) {
        return given().baseUri(service.baseUri().toString()).header(header, value)
                .get("/api/regions/GE/indicators?from=2026-10-13&to=2026-10-13" + asOf)
                .then().statusCode(200).extract().jsonPath().getInt("[0].arrests");
    }

    private static int derivationStatus(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--timeout", "10"));
        return new DerivationStatusCommand().run(all, print, print);
    }

    private static void assertRefused(Response response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error")).contains(messagePart);
    }

    private static RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri(a.baseUri().toString());
    }

    private static String validToken(List<String> groups) {
        return token(groups, ISSUER, Instant.now().plusSeconds(600));
    }

    private static String token(List<String> groups, String issuer, Instant expires) {
        return sign(issuerKeys.getPrivate(), groups, issuer, expires);
    }

    private static String tokenSignedBy(PrivateKey key, List<String> groups) {
        return sign(key, groups, ISSUER, Instant.now().plusSeconds(600));
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWT (RS256) as an OIDC provider issues one: subject analyst, the roles in groups. */
    private static String sign(PrivateKey key, List<String> groups, String issuer, Instant expires) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"analyst\",\"upn\":\"analyst\",\"iat\":" + Math.min(now, expires.getEpochSecond() - 60)
                + ",\"exp\":" + expires.getEpochSecond() + ",\"groups\":[" + String.join(",", groups.stream().map(g -> "\"" + g + "\"").toList())
                + "]}";
        String signingInput = header + "." + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

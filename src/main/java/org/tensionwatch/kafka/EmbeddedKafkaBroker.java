package org.tensionwatch.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), running in this JVM with its logs under a
 * data directory, so that a restart on the same directory keeps every topic and offset. Alone, it is the service's
 * embedded broker; as one node of several ({@link #startClusterNode}) it makes a replicated cluster on loopback, as
 * the fault tests run it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** The SASL mechanism of a broker started with {@link #startWithScram}. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";

    /** One node of a cluster: its id, client port and controller port on localhost. */
    public record ClusterNode(int nodeId, int port, int controllerPort) {
    }

    private final Path logDir;
    private final int port;
    private final ClusterNode node;
    private final List<ClusterNode> voters;
    private final String clusterId;
    private final String superUser;
    private final String superPassword;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, ClusterNode node, List<ClusterNode> voters, String clusterId,
            String superUser, String superPassword) {
        this.logDir = logDir;
        this.port = node.port();
        this.node = node;
        this.voters = List.copyOf(voters);
        this.clusterId = clusterId;
        this.superUser = superUser;
        this.superPassword = superPassword;
    }

    /**
     * Formats {@code logDir} if it holds no broker yet, then starts the broker.
     *
     * @param port the client port on localhost; 0 picks a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        // the controller port may change from one start to the next: a single voter finds itself wherever it is
        ClusterNode alone = new ClusterNode(1, port == 0 ? freePort() : port, freePort());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, alone, List.of(alone), Uuid.randomUuid().toString(),
                null, null);
        broker.startServer();
        return broker;
    }

    /**
     * A broker as a secured cluster is: clients authenticate with SASL/SCRAM-SHA-512 on a {@code SASL_PLAINTEXT}
     * listener and are authorized by ACLs ({@code StandardAuthorizer}, nothing allowed without an ACL). {@code superUser}
     * (whose SCRAM credentials are written when the log directory is formatted) is the broker's own principal and may
     * do everything; create other users with {@code Admin.alterUserScramCredentials} and give them ACLs. The controller
     * listener, which only the broker itself uses, stays plain, its principal {@code ANONYMOUS} a super user.
     */
    public static EmbeddedKafkaBroker startWithScram(Path logDir, int port, String superUser, String superPassword) {
        ClusterNode alone = new ClusterNode(1, port == 0 ? freePort() : port, freePort());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, alone, List.of(alone), Uuid.randomUuid().toString(),
                superUser, superPassword);
        broker.startServer();
        return broker;
    }

    /** The client settings of a SCRAM user of a broker started with {@link #startWithScram}, bootstrap servers included. */
    public KafkaConnection scramConnection(String user, String password) {
        return new KafkaConnection(bootstrapServers(), java.util.Map.of(
                "security.protocol", SASL_LISTENER,
                "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password)));
    }

    /** The JAAS configuration a SCRAM client logs in with. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private boolean secured() {
        return superUser != null;
    }

    /**
     * Formats {@code logDir} if it holds no broker yet, then starts {@code node} as one of {@code nodes}, all of them
     * controllers (a static quorum) and brokers. Topics get three replicas and need two in sync for a write, so the
     * cluster goes on when one node dies.
     *
     * @param clusterId the same for every node, e.g. from {@link Uuid#randomUuid()}
     */
    public static EmbeddedKafkaBroker startClusterNode(Path logDir, ClusterNode node, List<ClusterNode> nodes,
            String clusterId) {
        if (!nodes.contains(node)) {
            throw new IllegalArgumentException("node " + node + " is not one of " + nodes);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, node, nodes, clusterId, null, null);
        broker.startServer();
        return broker;
    }

    /** The bootstrap servers clients connect to, e.g. {@code localhost:9092}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private void startServer() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's log directory " + logDir, e);
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        long started = System.nanoTime();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("Embedded Kafka broker started on {} with logs in {} ({} ms)",
                bootstrapServers(), logDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(node.nodeId()));
        props.put("controller.quorum.voters", String.join(",", voters.stream()
                .map(v -> v.nodeId() + "@localhost:" + v.controllerPort()).toList()));
        String listener = secured() ? SASL_LISTENER : "PLAINTEXT";
        props.put("listeners", listener + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:"
                + node.controllerPort());
        props.put("advertised.listeners", listener + "://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listener.security.protocol.map", listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", listener);
        if (secured()) {
            props.put("sasl.enabled.mechanisms", SCRAM_MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
            props.put("listener.name." + SASL_LISTENER.toLowerCase(java.util.Locale.ROOT) + "."
                    + SCRAM_MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config", jaasConfig(superUser, superPassword));
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("super.users", "User:" + superUser + ";User:ANONYMOUS");
            props.put("allow.everyone.if.no.acl.found", "false");
        }
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic must live with a single replica, or consumer groups and
        // transactions wait forever for replicas that will never exist. Several: three replicas, two in sync
        String replicas = String.valueOf(Math.min(3, voters.size()));
        String inSync = String.valueOf(Math.min(2, voters.size()));
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", "1");
        // one partition each for the group and transaction coordinators' logs (50 by default): after a crash the
        // broker recovers every partition's unflushed tail before it serves, and a restart waited on 50 empty ones
        props.put("transaction.state.log.num.partitions", "1");
        props.put("num.recovery.threads.per.data.dir", "2");
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", inSync);
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", inSync);
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", inSync);
        props.put("group.initial.rebalance.delay.ms", "0");
        // after a crash the controller, replaying its log, still holds the dead incarnation's registration and refuses
        // the new one until that session expires: 9 s of every restart by default. Broker and controller share this
        // JVM, so a heartbeat is never lost on a network; a session of 3 s still outlasts any pause of a 1 GB heap
        props.put("broker.heartbeat.interval.ms", "750");
        props.put("broker.session.timeout.ms", "3000");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("log.retention.hours", "-1");
        return props;
    }

    private void format(KafkaConfig config) {
        try {
            new Formatter()
                    .setPrintStream(System.out)
                    .setNodeId(node.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    // transactions v2 makes a fresh single broker reject and retry the first batch of
                    // every new transactional producer (KAFKA-18202), logging errors at each start;
                    // v1 transactions give Kafka Streams the same exactly-once guarantee
                    .setFeatureLevel("transaction.version", (short) 1)
                    .setScramArguments(secured()
                            ? List.of(SCRAM_MECHANISM + "=[name=" + superUser + ",password=" + superPassword + "]")
                            : List.of())
                    .setIgnoreFormatted(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker's log directory " + logDir, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on localhost", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers());
        }
    }
}

package org.tensionwatch.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How every Kafka client of the service reaches the cluster: the bootstrap servers and the pass-through settings
 * ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...) that every client - Streams, producers, consumers,
 * admin - gets alike. The service reads them from the {@code kafka.*} settings, the command line from
 * {@code --kafka-config FILE}.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> settings) {

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap servers");
        }
        settings = Map.copyOf(new TreeMap<>(settings));
        if (settings.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("bootstrap.servers is given apart from the pass-through settings");
        }
    }

    /** A cluster reached without authentication or encryption, as the embedded broker is. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * The bootstrap servers with the settings of a properties file (a Kafka client configuration as
     * {@code kafka-console-consumer --consumer.config} takes); a {@code bootstrap.servers} in the file is used when
     * {@code bootstrapServers} is null.
     */
    public static KafkaConnection of(String bootstrapServers, Path clientConfig) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(clientConfig)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client configuration " + clientConfig, e);
        }
        Map<String, String> settings = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name).trim()));
        String fromFile = settings.remove("bootstrap.servers");
        return new KafkaConnection(bootstrapServers != null ? bootstrapServers : fromFile, settings);
    }

    /** The bootstrap servers and every pass-through setting, to start a client's configuration from. */
    public Properties properties() {
        Properties props = new Properties();
        props.putAll(settings);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** As {@link #properties()}, as a map for {@code Admin.create}. */
    public Map<String, Object> config() {
        Map<String, Object> config = new TreeMap<>(settings);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** Whether the settings ask for authentication or encryption ({@code security.protocol} other than PLAINTEXT). */
    public boolean secured() {
        return !settings.getOrDefault("security.protocol", "PLAINTEXT").equalsIgnoreCase("PLAINTEXT");
    }

    /** The settings for a log line: secrets (passwords, JAAS configurations, keys) masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((k, v) -> shown.put(k, k.contains("password") || k.contains("jaas") || k.endsWith(".key")
                || k.contains("secret") || k.contains("token") ? "[hidden]" : v));
        return bootstrapServers + (shown.isEmpty() ? "" : " " + shown);
    }
}

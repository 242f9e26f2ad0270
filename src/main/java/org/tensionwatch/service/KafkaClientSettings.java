package org.tensionwatch.service;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The pass-through Kafka client settings of the service: every {@code kafka.NAME} setting but
 * {@code kafka.bootstrap.servers} goes to every Kafka client (Streams, producers, consumers, admin) as {@code NAME},
 * e.g. {@code kafka.security.protocol=SASL_SSL}, {@code kafka.sasl.mechanism=SCRAM-SHA-512},
 * {@code kafka.sasl.jaas.config=...}, {@code kafka.ssl.truststore.location=...}. As environment variables:
 * {@code KAFKA_SASL_JAAS_CONFIG} is {@code kafka.sasl.jaas.config} (lower case, {@code _} for {@code .}).
 */
final class KafkaClientSettings {

    static final String PREFIX = "kafka.";

    private KafkaClientSettings() {
    }

    /** The settings of {@code config} and of the environment, without the prefix; the configuration wins. */
    static Map<String, String> of(Config config, Map<String, String> environment) {
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length()) {
                settings.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(PREFIX.length()), value));
            }
        }
        settings.remove("bootstrap.servers");
        return settings;
    }
}

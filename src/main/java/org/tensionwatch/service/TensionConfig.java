package org.tensionwatch.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every application setting of Tension Watch, with its default; Kafka pass-through settings live in application.properties. */
@ConfigMapping(prefix = "tension")
public interface TensionConfig {

    /** Where the embedded broker's logs, the streams state and the service's own markers live. */
    @WithDefault("./data")
    Path dataDir();

    Broker broker();

    TopicSettings topics();

    Streams streams();

    Samples samples();

    Ingest ingest();

    Indicators indicators();

    Stream stream();

    /** Live subscriptions over Server-Sent Events ({@code /api/stream/...}). */
    interface Stream {
        /** Open streams at most, over all three topics; one more gets 503. Each holds a Kafka consumer and a thread. */
        @WithDefault("32")
        int maxSubscriptions();

        /** A comment line is sent after this long without an event, so that proxies keep the connection open. */
        @WithDefault("15s")
        Duration heartbeat();
    }

    /** How reports become canonical events and indicators. */
    interface Indicators {
        /** Reports of one region, type and actor group whose days are at most this far apart are one occurrence. */
        @WithDefault("1")
        int toleranceDays();

        /** Reports about a day more than this before the newest publication seen are counted as late and not applied. */
        @WithDefault("30")
        int gracePeriodDays();
    }

    /** The embedded broker, started when {@code kafka.bootstrap.servers} is not set. */
    interface Broker {
        /** Client port of the embedded broker on localhost; 0 picks a free port. */
        @WithDefault("9092")
        int port();
    }

    /** Topic names, and how topics the service creates are laid out. */
    interface TopicSettings {
        @WithDefault("tension.articles")
        String articles();

        @WithDefault("tension.events")
        String events();

        @WithDefault("tension.canonical-events")
        String canonicalEvents();

        @WithDefault("tension.indicators")
        String indicators();

        @WithDefault("tension.alerts")
        String alerts();

        @WithDefault("tension.dead-letter")
        String deadLetter();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    /** Kafka Streams settings of the service. */
    interface Streams {
        /** Prefix of the two Streams application ids (extraction and indicators). */
        @WithDefault("tension-watch")
        String applicationId();

        @WithDefault("exactly_once_v2")
        String processingGuarantee();

        @WithDefault("1s")
        Duration commitInterval();

        /** How long the group waits for a silent member; a restart waits this long for the old one. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /**
         * The host name other instances reach this one's HTTP port at. Set it when several instances
         * run: queries then gather the parts of the answer that other instances hold.
         */
        Optional<String> advertisedHost();
    }

    /** The bundled sample articles, ingested once on first start. */
    interface Samples {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("samples/articles")
        Path directory();
    }

    /** Limits on incoming articles. */
    interface Ingest {
        /** Article files larger than this are skipped with a log line. */
        @WithDefault("1000000")
        long maxFileBytes();

        /** A directory the service ingests at start-up (besides the samples), if set. */
        Optional<Path> directory();
    }
}

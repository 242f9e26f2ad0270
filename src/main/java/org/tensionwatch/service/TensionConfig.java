package org.tensionwatch.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensionwatch.alerts.AlertRuleSpec;

/** Every application setting of Tension Watch, with its default; Kafka pass-through settings live in application.properties. */
@ConfigMapping(prefix = "tension")
public interface TensionConfig {

    /** Where the embedded broker's logs, the streams state and the service's own markers live. */
    @WithDefault("./data")
    Path dataDir();

    /**
     * Which version of the derived topics this instance writes and serves: unset for the current one, or a label such as
     * {@code v2} for topics {@code tension.v2.events} ... and application ids {@code tension-watch-v2-...} of its own,
     * derived afresh from the shared articles topic (see the README's Replay section).
     */
    Optional<String> derivation();

    Broker broker();

    TopicSettings topics();

    Streams streams();

    Samples samples();

    Ingest ingest();

    Indicators indicators();

    Alerts alerts();

    Feeds feeds();

    /** RSS and Atom feeds followed (docs/feeds.md). */
    interface Feeds {
        /** Whether this instance polls feeds (the API to manage them answers either way). */
        @WithDefault("true")
        boolean enabled();

        /** The compacted topic of feed definitions and states, shared by all instances. */
        @WithDefault("tension.feeds")
        String topic();

        /** Feeds followed from settings: {@code tension.feeds.sources.NAME.url} and so on; NAME is the feed's id. */
        Map<String, Source> sources();

        /** One feed from settings. */
        interface Source {
            /** An http or https address of an RSS or Atom feed. */
            String url();

            /** The outlet's name (default: the feed's NAME). */
            Optional<String> source();

            @WithDefault("5m")
            Duration pollInterval();

            /** Fetch each new item's page and read its main text instead of the feed's summary. */
            @WithDefault("false")
            boolean fullText();
        }

        /** Feeds read at the same time at most. */
        @WithDefault("4")
        int threads();

        /** At most one request to a host this often, whichever feeds or pages of it ask. */
        @WithDefault("1s")
        Duration perHostInterval();

        @WithDefault("10s")
        Duration connectTimeout();

        /** The whole answer of a feed or page must have come within this. */
        @WithDefault("30s")
        Duration timeout();

        /** A feed larger than this is not read (an error of the feed). */
        @WithDefault("5000000")
        long maxFeedBytes();

        /** A page larger than this is not read for full text (the summary is kept). */
        @WithDefault("2000000")
        long maxPageBytes();

        /** Item keys remembered per feed to tell new items from those seen. */
        @WithDefault("2000")
        int rememberedItems();
    }

    /** Escalation alert rules: {@code tension.alerts.rules.NAME.SETTING}; see the README's Alerts section. */
    interface Alerts {
        /** The rules by name; the name is part of every alert id. */
        Map<String, Rule> rules();

        /** One rule: exactly one of threshold and rise. */
        interface Rule {
            @WithDefault("true")
            boolean enabled();

            /** injuries, fatalities, arrests, resignations, dismissals, protests, clashes, deployments, events, alertLevel, tensionIndex. */
            String indicator();

            /** P1D, P7D or P30D. */
            @WithDefault(AlertRuleSpec.DEFAULT_WINDOW)
            String window();

            /** THRESHOLD rule: raise at or above this value. */
            Optional<Double> threshold();

            /** CHANGE rule: raise at or above the baseline times (1 + rise). */
            Optional<Double> rise();

            /** CHANGE rule: the trailing period before the window whose mean per window is the baseline. */
            @WithDefault(AlertRuleSpec.DEFAULT_BASELINE_DAYS)
            int baselineDays();

            /** CHANGE rule: no alert while the baseline (per window) is below this. */
            @WithDefault(AlertRuleSpec.DEFAULT_MIN_BASELINE)
            double minBaseline();

            /** Distinct outlets behind the window's events needed to raise an alert. */
            @WithDefault(AlertRuleSpec.DEFAULT_MIN_SOURCES)
            int minSources();

            /** low, medium, high or critical. */
            @WithDefault(AlertRuleSpec.DEFAULT_SEVERITY)
            String severity();

            /** Higher levels with higher severities, LEVEL:SEVERITY, e.g. 50:high,150:critical. */
            Optional<List<String>> escalate();

            /** THRESHOLD rule: an open alert clears below this value (default: the threshold). */
            Optional<Double> clearBelow();

            /** CHANGE rule: an open alert clears when the rise falls below this (default: the rise). */
            Optional<Double> clearRise();

            /** Days after an alert cleared before the rule raises another for the region. */
            @WithDefault(AlertRuleSpec.DEFAULT_COOLDOWN_DAYS)
            int cooldownDays();
        }
    }

    Stream stream();

    /** Live subscriptions over Server-Sent Events ({@code /api/stream/...}). */
    interface Stream {
        /** Open streams at most, over all three topics; one more gets 503. Each holds a Kafka consumer and a thread. */
        @WithDefault("32")
        int maxSubscriptions();

        /**
         * Open streams at most for one client (one remote address; behind a proxy, set
         * {@code quarkus.http.proxy.proxy-address-forwarding} so that it is the client's); one more gets 429.
         */
        @WithDefault("8")
        int maxSubscriptionsPerClient();

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

        /**
         * How long reports wait to be merged together: one clustering per region and type per interval instead of
         * one per report. Indicators and canonical events appear up to this much later; 0 merges each report at once.
         */
        @WithDefault("1s")
        Duration mergeInterval();

        /**
         * While a backlog is read (a replay, a rederivation, a restart after downtime), the longest a region and
         * type's reports wait for a merge that is not yet worth its cost; while the input keeps up, every merge
         * interval merges everything.
         */
        @WithDefault("10s")
        Duration mergeMaxWait();

        /**
         * While the input is live news (at most 100 reports per task and merge interval), reports are merged once
         * none has arrived for this long, instead of at the end of the merge interval: a live article is not held
         * back by the interval, while a backlog is still merged in batches. 0 waits for the interval.
         */
        @WithDefault("50ms")
        Duration mergeIdleAfter();

        /**
         * How many days of earlier versions of the daily indicators are kept for "as known at" queries
         * ({@code asOf}), counted back in stream time from the newest version written.
         */
        @WithDefault("365")
        int historyRetentionDays();
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

        /** Settled alert steps: decided once the day evaluated can no longer change; the same for any replay. */
        @WithDefault("tension.settled-alerts")
        String settledAlerts();

        @WithDefault("tension.dead-letter")
        String deadLetter();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    /** Kafka Streams settings of the service. */
    interface Streams {
        /** Prefix of the three Streams application ids (extraction, indicators and alerts). */
        @WithDefault("tension-watch")
        String applicationId();

        @WithDefault("exactly_once_v2")
        String processingGuarantee();

        /**
         * Under exactly-once, a downstream application (and a live subscription) reads a record only once the
         * transaction that wrote it is committed, so each of the three applications holds news back for up to this
         * long, and the alerts application twice (it repartitions by region). Kafka's default for exactly-once.
         */
        @WithDefault("100ms")
        Duration commitInterval();

        /**
         * How long a stream thread waits for new records before it looks again at its commit interval and
         * punctuations (Kafka Streams' {@code poll.ms}, 100 ms by default): an idle application commits and merges
         * within this much of being due instead of up to 100 ms late. An idle wait that ends costs next to nothing.
         */
        @WithDefault("20ms")
        Duration pollInterval();

        /**
         * How long the group waits for a silent member before giving its tasks to the others: the takeover time after
         * an instance dies. A restarted instance does not wait for it: it rejoins under its own instance id.
         */
        @WithDefault("10s")
        Duration sessionTimeout();

        /**
         * This instance's identity in the Streams groups (static membership): a restart under the same id takes its
         * tasks back at once instead of waiting for the old member's session to expire. Unset, an id generated on the
         * first start and kept in the data directory ({@code instance-id}), so one data directory is one member.
         */
        Optional<String> instanceId();

        /**
         * Warm copies of each task's state on other instances (Kafka Streams standby replicas), so that when an
         * instance dies another takes its tasks over without rebuilding their stores from the changelogs. Only useful
         * with several instances.
         */
        @WithDefault("0")
        int standbyReplicas();

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

        /**
         * A directory of article files: those there at start-up are ingested then, and files dropped in while the
         * service runs are ingested once they have stopped changing; each file once (a ledger in the data directory
         * remembers them across restarts), again only when its content changes.
         */
        Optional<Path> directory();

        /** How often the directory is looked at for new files; a file is taken once two looks see it unchanged. */
        @WithDefault("2s")
        Duration watchInterval();
    }
}

package org.tensionwatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.avro.RegionIndicators;
import org.tensionwatch.indicators.Indicator;
import org.tensionwatch.indicators.IndicatorsDiff;
import org.tensionwatch.kafka.CompactedTopicReader;
import org.tensionwatch.kafka.ConsumerGroupLag;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.Topics;

/**
 * The {@code diff-indicators} command: how a region's daily indicators differ between two derivations over a period,
 * read from the two indicators topics (the latest record of each day).
 */
public final class DiffIndicatorsCommand {

    static final String USAGE = """
            usage: diff-indicators --new LABEL --region CODE --from YYYY-MM-DD --to YYYY-MM-DD [options]
              --new LABEL              the derivation to compare, e.g. v2 (its indicators are on tension.LABEL.indicators)
              --old LABEL              the derivation to compare it with (default: current, on tension.indicators)
              --region CODE            the region, an ISO country code such as XK
              --from YYYY-MM-DD        first day (inclusive)
              --to YYYY-MM-DD          last day (inclusive)
              --bootstrap-servers H:P  the Kafka cluster (default localhost:9092, the service's embedded broker)
              --kafka-config FILE      Kafka client settings of a secured cluster (security.protocol, sasl.*, ssl.*)
              --topic NAME             the current derivation's indicators topic (default tension.indicators)
              --application-id PREFIX  the services' tension.streams.application-id (default tension-watch), to warn
                                       when a derivation has not processed every article yet
              --timeout SECONDS        how long to wait for the cluster and the topics (default 60)
            prints each day and indicator that differs, old -> new, then a summary line; exit code 0 when compared
            (with or without differences), 1 when a topic is missing or Kafka cannot be read, 2 on bad usage""";

    private static final Set<String> VALUED = Set.of("--bootstrap-servers", "--topic", "--application-id", "--region",
            "--from", "--to", "--old", "--new", "--timeout");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    /** Longer periods are almost always a typo in a year. */
    private static final int MAX_DAYS = 3660;

    /** Runs the command; 0 when compared, 1 when it could not read the topics, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        org.tensionwatch.kafka.KafkaConnection bootstrap;
        String topic;
        String applicationIdPrefix;
        String region;
        LocalDate from;
        LocalDate to;
        Derivation older;
        Derivation newer;
        long timeoutSeconds;
        try {
            CommandOptions options = CommandOptions.parse(args, CommandOptions.withKafkaOptions(VALUED), Set.of(), false);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            bootstrap = options.kafka();
            topic = options.string("--topic", Topics.Names.DEFAULTS.indicators());
            applicationIdPrefix = options.string("--application-id", "tension-watch");
            String givenRegion = options.string("--region", null);
            region = givenRegion == null ? null : givenRegion.toUpperCase(Locale.ROOT);
            if (region != null && !REGION.matcher(region).matches()) {
                return usage(err, "--region takes a two-letter country code such as XK, not " + givenRegion);
            }
            from = options.date("--from");
            to = options.date("--to");
            older = options.parsed("--old", Derivation.CURRENT, Derivation::of);
            newer = options.parsed("--new", null, Derivation::of);
            timeoutSeconds = options.wholeNumber("--timeout", 60, 1, "second");
        } catch (CommandOptions.UsageException e) {
            return usage(err, e.getMessage());
        }
        if (newer == null) {
            return usage(err, "--new is required: the derivation to compare, e.g. --new v2");
        }
        if (region == null || from == null || to == null) {
            return usage(err, "--region, --from and --to are required");
        }
        if (to.isBefore(from)) {
            return usage(err, "--to " + to + " is before --from " + from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            return usage(err, "the period from " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
        }
        if (newer.equals(older)) {
            return usage(err, "--old and --new are the same derivation (" + newer + ")");
        }

        String oldTopic = older.topic(topic);
        String newTopic = newer.topic(topic);
        out.printf("diff-indicators: %s from %s to %s, %s (%s) -> %s (%s)%n", region, from, to, oldTopic, older,
                newTopic, newer);
        try {
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            Map<LocalDate, Map<String, Object>> before = days(bootstrap, oldTopic, region, from, to, timeout);
            Map<LocalDate, Map<String, Object>> after = days(bootstrap, newTopic, region, from, to, timeout);
            for (Derivation derivation : List.of(older, newer)) {
                warnIfBehind(err, bootstrap, derivation, applicationIdPrefix, timeout);
            }
            IndicatorsDiff diff = IndicatorsDiff.compare(from, to, before, after);
            diff.lines().forEach(out::println);
            out.println("diff-indicators: " + diff.summary());
            return 0;
        } catch (CompactedTopicReader.MissingTopicException e) {
            err.println("diff-indicators: " + e.getMessage()
                    + " (has an instance with that derivation run on this cluster? see --old, --new and --topic)");
            return 1;
        } catch (IllegalStateException e) {
            err.println("diff-indicators: " + e.getMessage());
            return 1;
        }
    }

    /**
     * A warning when a derivation's extraction or indicators application has records left to process (its indicators are
     * not final yet) or has never committed on this cluster.
     */
    private static void warnIfBehind(PrintStream err, org.tensionwatch.kafka.KafkaConnection bootstrap, Derivation derivation, String applicationIdPrefix,
            Duration timeout) {
        for (String application : List.of(Derivation.EXTRACTION, Derivation.INDICATORS)) {
            String group = derivation.applicationId(applicationIdPrefix, application);
            OptionalLong lag = ConsumerGroupLag.of(bootstrap, group, timeout);
            if (lag.isEmpty()) {
                err.printf("diff-indicators: warning: the Streams application %s has processed nothing on this cluster;"
                        + " the %s indicators may be incomplete (see --application-id)%n", group, derivation);
            } else if (lag.getAsLong() > 0) {
                err.printf("diff-indicators: warning: %s is still deriving: %,d records not yet processed by %s;"
                        + " run the command again when it has caught up%n", derivation, lag.getAsLong(), group);
            }
        }
    }

    /** The region's rows from {@code from} to {@code to} on one indicators topic, by day. */
    private static Map<LocalDate, Map<String, Object>> days(org.tensionwatch.kafka.KafkaConnection bootstrap, String topicName, String region,
            LocalDate from, LocalDate to, Duration timeout) {
        Topic<String, RegionIndicators> defaults = Topics.defaults().indicators();
        Topic<String, RegionIndicators> topic = new Topic<>(topicName, defaults.keySerde(), defaults.valueSerde());
        String prefix = region + "|";
        Map<String, RegionIndicators> latest = CompactedTopicReader.latestValues(bootstrap, topic,
                key -> key != null && key.startsWith(prefix), timeout);
        Map<LocalDate, Map<String, Object>> days = new TreeMap<>();
        for (RegionIndicators row : latest.values()) {
            LocalDate day = row.getWindowStart();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                days.put(day, values(row));
            }
        }
        return days;
    }

    /** Every indicator of the record by name (the alert level as its symbol's name, or null). */
    static Map<String, Object> values(RegionIndicators r) {
        Map<String, Object> v = new HashMap<>();
        for (Indicator indicator : Indicator.all()) {
            Object value = r.get(indicator.fieldName());
            v.put(indicator.fieldName(), value instanceof MilitaryAlertLevel level ? level.name() : value);
        }
        return v;
    }

    private static int usage(PrintStream err, String message) {
        err.println("diff-indicators: " + message);
        err.println(USAGE);
        return 2;
    }
}

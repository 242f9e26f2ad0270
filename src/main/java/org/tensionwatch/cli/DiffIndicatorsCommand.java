package org.tensionwatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code diff-indicators} command: how a region's daily indicators differ between two derivations over a period,
 * read from the two indicators topics (the latest record of each day).
 */
@Command(name = "diff-indicators", synopsisHeading = "usage: ", sortOptions = false,
        customSynopsis = "diff-indicators --new LABEL --region CODE --from YYYY-MM-DD --to YYYY-MM-DD [options]",
        description = "show how a region's daily indicators differ between two derivations",
        footer = {"prints each day and indicator that differs, old -> new, then a summary line; exit code 0 when compared",
                "(with or without differences), 1 when a topic is missing or Kafka cannot be read, 2 on bad usage"})
public final class DiffIndicatorsCommand implements Cli.Command {

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    /** Longer periods are almost always a typo in a year. */
    private static final int MAX_DAYS = 3660;

    @Mixin
    private Cli.Help help;

    @Option(names = "--new", paramLabel = "LABEL", converter = Cli.DerivationLabel.class,
            description = "the derivation to compare, e.g. v2 (its indicators are on tension.LABEL.indicators)")
    private Derivation newer;

    @Option(names = "--old", paramLabel = "LABEL", converter = Cli.DerivationLabel.class,
            description = "the derivation to compare it with (default: current, on tension.indicators)")
    private Derivation older = Derivation.CURRENT;

    @Option(names = "--region", paramLabel = "CODE", description = "the region, an ISO country code such as XK")
    private String givenRegion;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Cli.Day.class, description = "first day (inclusive)")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Cli.Day.class, description = "last day (inclusive)")
    private LocalDate to;

    @Mixin
    private Cli.KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "the current derivation's indicators topic (default tension.indicators)")
    private String topicName;

    @Option(names = "--application-id", paramLabel = "PREFIX",
            description = {"the services' tension.streams.application-id (default tension-watch), to warn",
                    "when a derivation has not processed every article yet"})
    private String applicationIdPrefix = "tension-watch";

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Cli.WholeNumber.class,
            description = "how long to wait for the cluster and the topics (default 60)")
    private long timeoutOption = 60;

    /** Runs the command; 0 when compared, 1 when it could not read the topics, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        org.tensionwatch.kafka.KafkaConnection bootstrap = kafka.connection();
        String topic = topicName != null ? topicName : Topics.Names.DEFAULTS.indicators();
        String region = givenRegion == null ? null : givenRegion.toUpperCase(Locale.ROOT);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new Cli.UsageException("--region takes a two-letter country code such as XK, not " + givenRegion);
        }
        long timeoutSeconds = Cli.atLeast("--timeout", timeoutOption, 1, "second");
        if (newer == null) {
            throw new Cli.UsageException("--new is required: the derivation to compare, e.g. --new v2");
        }
        if (region == null || from == null || to == null) {
            throw new Cli.UsageException("--region, --from and --to are required");
        }
        if (to.isBefore(from)) {
            throw new Cli.UsageException("--to " + to + " is before --from " + from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new Cli.UsageException("the period from " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
        }
        if (newer.equals(older)) {
            throw new Cli.UsageException("--old and --new are the same derivation (" + newer + ")");
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
}

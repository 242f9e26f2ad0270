package org.tensionwatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.tensionwatch.kafka.ConsumerGroupLag;
import org.tensionwatch.kafka.Derivation;

/**
 * The {@code derivation-status} command: how many records each Streams application of a derivation (extraction,
 * indicators, alerts) has still to process; with {@code --wait}, waits until all three have caught up.
 */
public final class DerivationStatusCommand {

    static final String USAGE = """
            usage: derivation-status [--derivation LABEL] [--wait] [options]
              --derivation LABEL       the derivation (default: current)
              --wait                   wait until every application has processed every record, then say how long it took
              --timeout SECONDS        how long --wait waits at most (default 3600)
              --bootstrap-servers H:P  the Kafka cluster (default localhost:9092, the service's embedded broker)
              --kafka-config FILE      Kafka client settings of a secured cluster (security.protocol, sasl.*, ssl.*)
              --application-id PREFIX  the service's tension.streams.application-id (default tension-watch)
            exit code 0 when every application has caught up, 1 when one has not (or Kafka cannot be asked), 2 on bad usage""";

    private static final Set<String> VALUED =
            Set.of("--bootstrap-servers", "--application-id", "--derivation", "--timeout");
    private static final List<String> APPLICATIONS = List.of(Derivation.EXTRACTION, Derivation.INDICATORS, Derivation.ALERTS);

    /** Runs the command; 0 when caught up, 1 when not, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        org.tensionwatch.kafka.KafkaConnection bootstrap;
        String applicationIdPrefix;
        Derivation derivation;
        boolean wait;
        long timeoutSeconds;
        try {
            CommandOptions options = CommandOptions.parse(args, CommandOptions.withKafkaOptions(VALUED), Set.of("--wait"), false);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            bootstrap = options.kafka();
            applicationIdPrefix = options.string("--application-id", "tension-watch");
            derivation = options.parsed("--derivation", Derivation.CURRENT, Derivation::of);
            wait = options.flag("--wait");
            timeoutSeconds = options.wholeNumber("--timeout", 3600, 1, "second");
        } catch (CommandOptions.UsageException e) {
            return usage(err, e.getMessage());
        }
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        try {
            while (true) {
                Map<String, OptionalLong> lags = lags(bootstrap, derivation, applicationIdPrefix);
                boolean caughtUp = lags.values().stream().allMatch(l -> l.isPresent() && l.getAsLong() == 0);
                if (caughtUp || !wait || System.nanoTime() > deadline) {
                    lags.forEach((group, lag) -> out.printf("%-32s %s%n", group,
                            lag.isEmpty() ? "has processed nothing yet" : String.format("%,d records behind", lag.getAsLong())));
                    if (wait) {
                        out.printf("derivation-status: %s %s after %.1f s%n", derivation,
                                caughtUp ? "caught up" : "still behind", (System.nanoTime() - start) / 1e9);
                    }
                    return caughtUp ? 0 : 1;
                }
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        } catch (IllegalStateException e) {
            err.println("derivation-status: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, OptionalLong> lags(org.tensionwatch.kafka.KafkaConnection bootstrap, Derivation derivation, String applicationIdPrefix) {
        Map<String, OptionalLong> lags = new LinkedHashMap<>();
        for (String application : new ArrayList<>(APPLICATIONS)) {
            String group = derivation.applicationId(applicationIdPrefix, application);
            lags.put(group, ConsumerGroupLag.of(bootstrap, group, Duration.ofSeconds(30)));
        }
        return lags;
    }

    private static int usage(PrintStream err, String message) {
        err.println("derivation-status: " + message);
        err.println(USAGE);
        return 2;
    }
}

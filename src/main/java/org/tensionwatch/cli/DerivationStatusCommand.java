package org.tensionwatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import org.tensionwatch.kafka.ConsumerGroupLag;
import org.tensionwatch.kafka.Derivation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code derivation-status} command: how many records each Streams application of a derivation (extraction,
 * indicators, alerts) has still to process; with {@code --wait}, waits until all three have caught up.
 */
@Command(name = "derivation-status", synopsisHeading = "usage: ", sortOptions = false,
        customSynopsis = "derivation-status [--derivation LABEL] [--wait] [options]",
        description = "how many records each Streams application of a derivation has still to process",
        footer = "exit code 0 when every application has caught up, 1 when one has not (or Kafka cannot be asked), 2 on bad usage")
public final class DerivationStatusCommand implements Cli.Command {

    private static final List<String> APPLICATIONS = List.of(Derivation.EXTRACTION, Derivation.INDICATORS, Derivation.ALERTS);

    @Mixin
    private Cli.Help help;

    @Option(names = "--derivation", paramLabel = "LABEL", converter = Cli.DerivationLabel.class,
            description = "the derivation (default: current)")
    private Derivation derivation = Derivation.CURRENT;

    @Option(names = "--wait",
            description = "wait until every application has processed every record, then say how long it took")
    private boolean wait;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Cli.WholeNumber.class,
            description = "how long --wait waits at most (default 3600)")
    private long timeoutOption = 3600;

    @Option(names = "--follow", paramLabel = "SECONDS", converter = Cli.WholeNumber.class,
            description = {"with --wait: a line every SECONDS with each application's records behind and",
                    "processed, and at the end when each caught up for good and its rate (for",
                    "timing a replay: start it together with the replay)"})
    private long followOption;

    @Mixin
    private Cli.KafkaOptions kafka;

    @Option(names = "--application-id", paramLabel = "PREFIX",
            description = "the service's tension.streams.application-id (default tension-watch)")
    private String applicationIdPrefix = "tension-watch";

    /** Runs the command; 0 when caught up, 1 when not, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        org.tensionwatch.kafka.KafkaConnection bootstrap = kafka.connection();
        long timeoutSeconds = Cli.atLeast("--timeout", timeoutOption, 1, "second");
        long followSeconds = Cli.atLeast("--follow", followOption, 0, "second");
        if (followSeconds > 0 && !wait) {
            throw new Cli.UsageException("--follow goes with --wait");
        }
        if (followSeconds > 0) {
            return follow(bootstrap, derivation, applicationIdPrefix, followSeconds, timeoutSeconds, out, err);
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

    /**
     * Prints every {@code everySeconds} how far each application is, until all three have caught up (or the
     * timeout); then, per application, when it caught up for good (the last time its lag fell to 0, counted from the
     * start of the command) and the records of each of its input topics it processed by then, per second.
     */
    private static int follow(org.tensionwatch.kafka.KafkaConnection bootstrap, Derivation derivation,
            String applicationIdPrefix, long everySeconds, long timeoutSeconds, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(timeoutSeconds).toNanos();
        Map<String, Double> caughtUpAt = new LinkedHashMap<>();
        Map<String, ConsumerGroupLag.Progress> last = new LinkedHashMap<>();
        boolean everBehind = false;
        try {
            while (true) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                StringBuilder line = new StringBuilder(String.format("%7.1f s  load %s", elapsed, loadAverage()));
                boolean all = true;
                for (String application : APPLICATIONS) {
                    String group = derivation.applicationId(applicationIdPrefix, application);
                    ConsumerGroupLag.Progress p = ConsumerGroupLag.progress(bootstrap, group, Duration.ofSeconds(30));
                    boolean caughtUp = p != null && p.lag() == 0;
                    everBehind |= p == null || p.lag() > 0;
                    if (!caughtUp) {
                        caughtUpAt.remove(application);
                        all = false;
                    } else {
                        caughtUpAt.putIfAbsent(application, elapsed);
                        last.put(application, p);
                    }
                    line.append(String.format("  %s %s", application, p == null ? "nothing yet"
                            : String.format("%,d behind (%,d done)", p.lag(), inputs(p))));
                }
                out.println(line);
                if ((all && everBehind) || System.nanoTime() > deadline) {
                    for (String application : APPLICATIONS) {
                        Double at = caughtUpAt.get(application);
                        if (at == null) {
                            out.printf("%-12s still behind after %.1f s%n", application, elapsed);
                            continue;
                        }
                        StringBuilder rates = new StringBuilder();
                        last.get(application).processed().forEach((topic, n) -> {
                            if (!internal(topic)) {
                                rates.append(String.format("; %s: %,d offsets, %,.0f/s", topic, n, at > 0 ? n / at : 0.0));
                            }
                        });
                        out.printf("%-12s caught up at %.1f s%s%n", application, at, rates);
                    }
                    Double extraction = caughtUpAt.get(APPLICATIONS.get(0));
                    Double slowest = caughtUpAt.values().stream().max(Double::compare).orElse(null);
                    if (all && extraction != null && extraction > 0) {
                        out.printf("derivation-status: %s caught up after %.1f s, %.2f times extraction's %.1f s%n",
                                derivation, slowest, slowest / extraction, extraction);
                    }
                    return all ? 0 : 1;
                }
                LockSupport.parkNanos(Duration.ofSeconds(everySeconds).toNanos());
            }
        } catch (IllegalStateException e) {
            err.println("derivation-status: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Offsets processed on the application's input topics, without its repartition topics: Kafka Streams deletes
     * what it has read there, so their offsets processed are not the records read, and each record was counted already
     * on the topic it came from.
     */
    private static long inputs(ConsumerGroupLag.Progress p) {
        long n = 0;
        for (Map.Entry<String, Long> e : p.processed().entrySet()) {
            n += internal(e.getKey()) ? 0 : e.getValue();
        }
        return n;
    }

    private static boolean internal(String topic) {
        return topic.endsWith("-repartition");
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
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
}

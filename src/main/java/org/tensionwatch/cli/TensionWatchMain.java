package org.tensionwatch.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensionwatch.tools.bench.FeedsBenchmark;
import org.tensionwatch.tools.bench.IndicatorsBenchmark;
import org.tensionwatch.tools.bench.LatencyBenchmark;

/**
 * The one launcher: with no arguments (or {@code serve}) it runs the service; with a subcommand it
 * runs that command and exits, without starting Kafka or the HTTP server.
 */
@QuarkusMain
public final class TensionWatchMain {

    /** A subcommand: runs with its arguments and returns the process exit code. */
    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    private record Entry(String summary, Supplier<Command> command) {
    }

    private static final Map<String, Entry> COMMANDS = Map.of(
            "extract", new Entry("print the events of article files or directories as JSON Lines or a table",
                    () -> new ExtractCommand()::run),
            "evaluate", new Entry("score extracted events against gold annotations (precision, recall, F1)",
                    () -> new EvaluateCommand()::run),
            "bench", new Entry("measure extraction speed over a generated corpus",
                    () -> new BenchCommand()::run),
            "replay", new Entry("publish an archive of articles in publication order, paced, resumable",
                    () -> new ReplayCommand()::run),
            "diff-indicators", new Entry("show how a region's daily indicators differ between two derivations",
                    () -> new DiffIndicatorsCommand()::run),
            "derivation-status", new Entry("how many records each Streams application of a derivation has still to process",
                    () -> new DerivationStatusCommand()::run),
            "bench-indicators", new Entry("measure the indicators topology on an embedded broker, beside a plain consumer",
                    () -> IndicatorsBenchmark::run),
            "bench-feeds", new Entry("measure what one feed poll costs against a local feed server",
                    () -> FeedsBenchmark::run),
            "bench-latency", new Entry("measure news to alert on the SSE stream, hop by hop, on the packaged service",
                    () -> LatencyBenchmark::run));

    private TensionWatchMain() {
    }

    public static void main(String... args) {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.run(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(System.out);
            System.exit(0);
        }
        Entry entry = COMMANDS.get(args[0]);
        if (entry == null) {
            System.err.println("unknown command '" + args[0] + "'");
            usage(System.err);
            System.exit(2);
        }
        List<String> rest = List.of(args).subList(1, args.length);
        System.exit(entry.command().get().run(rest, System.out, System.err));
    }

    static void usage(PrintStream out) {
        out.println("usage: java -jar target/quarkus-app/quarkus-run.jar [COMMAND] [ARGS...]");
        out.println();
        out.println("With no command, runs the service: the embedded Kafka broker (unless kafka.bootstrap.servers");
        out.println("is set), the streams and the HTTP API on port 8080.");
        out.println();
        out.println("commands:");
        out.printf("  %-18s %s%n", "serve", "run the service (the default)");
        COMMANDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-18s %s%n", e.getKey(), e.getValue().summary()));
        out.printf("  %-18s %s%n", "--help", "this text; COMMAND --help for a command's options");
        out.println();
        out.println("service options are settings, given as -Dname=value before -jar, e.g.");
        out.println("  -Dtension.data-dir=./data  -Dkafka.bootstrap.servers=host:9092  -Dquarkus.http.port=8080");
        out.println("  -Dkafka.security.protocol=SASL_SSL ... (every kafka.* setting goes to every Kafka client)");
        out.println("  -Dtension.security.api-keys=NAME:ROLE+ROLE:SHA256HEX  -Dmp.jwt.verify.issuer=...  (docs/security.md)");
    }
}

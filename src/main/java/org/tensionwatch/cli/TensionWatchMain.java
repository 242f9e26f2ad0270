package org.tensionwatch.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensionwatch.tools.bench.FeedsBenchmark;
import org.tensionwatch.tools.bench.IndicatorsBenchmark;
import org.tensionwatch.tools.bench.LatencyBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one launcher: with no arguments (or {@code serve}) it runs the service; with a subcommand it
 * runs that command and exits, without starting Kafka or the HTTP server. The commands are picocli commands; the
 * benchmarks of {@code tools.bench} read their own options.
 */
@QuarkusMain
@Command(name = "tension-watch", synopsisHeading = "usage: ",
        customSynopsis = "java -jar target/quarkus-app/quarkus-run.jar [COMMAND] [ARGS...]",
        description = {"With no command, runs the service: the embedded Kafka broker (unless kafka.bootstrap.servers",
                "is set), the streams and the HTTP API on port 8080."},
        commandListHeading = "%ncommands:%n",
        footer = {"",
                "COMMAND --help for a command's options.",
                "",
                "service options are settings, given as -Dname=value before -jar, e.g.",
                "  -Dtension.data-dir=./data  -Dkafka.bootstrap.servers=host:9092  -Dquarkus.http.port=8080",
                "  -Dkafka.security.protocol=SASL_SSL ... (every kafka.* setting goes to every Kafka client)",
                "  -Dtension.security.api-keys=NAME:ROLE+ROLE:SHA256HEX  -Dmp.jwt.verify.issuer=...  (docs/security.md)"})
public final class TensionWatchMain {

    /** A subcommand: runs with its arguments and returns the process exit code. */
    interface Runner {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    /** The picocli commands, by name, in the order the help lists them. */
    private static final Map<String, Supplier<Cli.Command>> COMMANDS = new LinkedHashMap<>();
    /** The benchmarks, which read their own options: name, summary, runner. */
    private static final Map<String, Map.Entry<String, Runner>> BENCHMARKS = new LinkedHashMap<>();

    static {
        COMMANDS.put("extract", ExtractCommand::new);
        COMMANDS.put("evaluate", EvaluateCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
        COMMANDS.put("replay", ReplayCommand::new);
        COMMANDS.put("diff-indicators", DiffIndicatorsCommand::new);
        COMMANDS.put("derivation-status", DerivationStatusCommand::new);
        BENCHMARKS.put("bench-indicators", Map.entry(
                "measure the indicators topology on an embedded broker, beside a plain consumer", IndicatorsBenchmark::run));
        BENCHMARKS.put("bench-feeds", Map.entry(
                "measure what one feed poll costs against a local feed server", FeedsBenchmark::run));
        BENCHMARKS.put("bench-latency", Map.entry(
                "measure news to alert on the SSE stream, hop by hop, on the packaged service", LatencyBenchmark::run));
    }

    private TensionWatchMain() {
    }

    public static void main(String... args) {
        if (args.length == 0 || args[0].equals("serve")) {
            Quarkus.run(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command the arguments name, with its arguments; returns the exit code. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            out.print(usage());
            return 0;
        }
        if (COMMANDS.containsKey(name)) {
            return Cli.run(COMMANDS.get(name).get(), rest, out, err);
        }
        if (BENCHMARKS.containsKey(name)) {
            return BENCHMARKS.get(name).getValue().run(rest, out, err);
        }
        err.println("unknown command '" + name + "'");
        err.print(usage());
        return 2;
    }

    /** The generated help of the launcher: the service, each command and benchmark with its summary. */
    static String usage() {
        CommandLine line = Cli.commandLine(new TensionWatchMain());
        line.addSubcommand("serve", summary("serve", "run the service (the default)"));
        COMMANDS.forEach((name, command) -> line.addSubcommand(name, Cli.commandLine(command.get())));
        BENCHMARKS.forEach((name, entry) -> line.addSubcommand(name, summary(name, entry.getKey())));
        line.addSubcommand("--help", summary("--help", "this text"));
        return line.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine summary(String name, String description) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.usageMessage().description(description);
        return new CommandLine(spec);
    }
}

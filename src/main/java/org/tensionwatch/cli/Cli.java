package org.tensionwatch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tensionwatch.kafka.Derivation;
import org.tensionwatch.kafka.KafkaConnection;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What the commands share on top of picocli: a command runs with the streams it is given and returns its exit code
 * (0, 1 when it could not do its work, 2 on bad usage), and every mistake on the command line is one line that names
 * the argument and what it needs, printed above the command's generated usage.
 */
final class Cli {

    /** The width of the generated help, wide enough for the option descriptions to stay on one line each. */
    static final int HELP_WIDTH = 120;

    private Cli() {
    }

    /** A command line the command cannot run with; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** A picocli {@code @Command} whose options picocli fills before it runs. */
    interface Command {
        /** Runs with the options given; returns the exit code, or throws when the options do not go together. */
        int call(PrintStream out, PrintStream err) throws UsageException;
    }

    /** {@code -h}/{@code --help}, for every command. */
    static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;
    }

    /** The options every command that talks to Kafka takes. */
    static final class KafkaOptions {
        @Option(names = "--bootstrap-servers", paramLabel = "H:P",
                description = "the Kafka cluster (default localhost:9092, the service's embedded broker)")
        String bootstrapServers;

        @Option(names = "--kafka-config", paramLabel = "FILE",
                description = "Kafka client settings of a secured cluster (security.protocol, sasl.*, ssl.*)")
        String kafkaConfig;

        /** The Kafka cluster of {@code --bootstrap-servers} and the client settings of {@code --kafka-config}. */
        KafkaConnection connection() throws UsageException {
            if (kafkaConfig == null) {
                return KafkaConnection.plaintext(bootstrapServers == null ? "localhost:9092" : bootstrapServers);
            }
            Path path = Path.of(kafkaConfig);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("--kafka-config: no file " + kafkaConfig);
            }
            try {
                return KafkaConnection.of(bootstrapServers, path);
            } catch (IllegalArgumentException e) {
                // neither --bootstrap-servers nor bootstrap.servers in the file: the embedded broker's default
                return KafkaConnection.of("localhost:9092", path);
            } catch (java.io.UncheckedIOException e) {
                throw new UsageException("--kafka-config: " + e.getMessage());
            }
        }
    }

    /** The picocli command line of a command, with the settings every command shares. */
    static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setOverwrittenOptionsAllowed(true); // a later option replaces an earlier one of the same name
        line.setUsageHelpWidth(HELP_WIDTH);
        return line;
    }

    /** Parses the arguments into the command and runs it. */
    static int run(Command command, List<String> args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(command);
        try {
            if (parse(line, args)) {
                out.print(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
                return 0;
            }
            return command.call(out, err);
        } catch (UsageException e) {
            err.println(line.getCommandName() + ": " + e.getMessage());
            err.print(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
            return 2;
        }
    }

    /**
     * Fills the command's options from the arguments; returns whether help was asked for, in which case nothing after
     * {@code -h}/{@code --help} was read.
     */
    static boolean parse(CommandLine line, List<String> args) throws UsageException {
        int help = helpAt(args);
        try {
            line.parseArgs(args.subList(0, help < 0 ? args.size() : help).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(message(e));
        }
        return help >= 0 || line.isUsageHelpRequested();
    }

    private static int helpAt(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-h") || args.get(i).equals("--help")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * picocli's account of a mistake in the words the commands have always used; a converter that throws
     * {@link IllegalArgumentException} has its message after the option's name.
     */
    static String message(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return (first.startsWith("-") ? "unknown option " : "unexpected argument ") + first;
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        String name = e.getArgSpec() instanceof OptionSpec option ? option.longestName() : null;
        if (name != null && e.getCause() instanceof TypeConversionException conversion) {
            String problem = conversion.getMessage();
            return problem.startsWith(" ") || problem.startsWith(":") ? name + problem : name + ": " + problem;
        }
        if (name != null && e.getCause() instanceof IllegalArgumentException invalid) {
            return name + ": " + invalid.getMessage();
        }
        return e.getMessage();
    }

    /** A value a converter rejects; {@code problem} follows the option's name, e.g. {@code " needs a date"}. */
    static TypeConversionException problem(String problem) {
        return new TypeConversionException(problem);
    }

    /** The option's value unless it is below {@code min}. */
    static long atLeast(String name, long value, long min, String unit) throws UsageException {
        if (value < min) {
            throw new UsageException(name + " must be at least " + min + " " + unit + ", not " + value);
        }
        return value;
    }

    /** {@code YYYY-MM-DD}. */
    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw problem(" needs a date (YYYY-MM-DD), not " + value);
            }
        }
    }

    /** A whole number of any size. */
    static final class WholeNumber implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw problem(" needs a whole number, not " + value);
            }
        }
    }

    /** A whole number that fits an {@code int}. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw problem(" needs a whole number, not " + value);
            }
        }
    }

    /** A derivation's label, or {@code current}. */
    static final class DerivationLabel implements ITypeConverter<Derivation> {
        @Override
        public Derivation convert(String value) {
            return Derivation.of(value);
        }
    }
}

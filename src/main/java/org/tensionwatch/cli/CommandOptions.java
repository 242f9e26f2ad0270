package org.tensionwatch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A command line read in one pass: {@code --name value} options, flags that take no value, positional arguments and
 * {@code -h}/{@code --help}. Every mistake is a {@link UsageException} whose message names the argument and what it
 * needs, for the command to print above its usage.
 */
final class CommandOptions {

    /** A command line the command cannot run with; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private boolean help;

    private CommandOptions() {
    }

    /**
     * @param valued the options that take a value (a later one replaces an earlier one of the same name)
     * @param flags the options that take none
     * @param positionalAllowed whether arguments that are not options are accepted
     */
    static CommandOptions parse(List<String> args, Set<String> valued, Set<String> flags, boolean positionalAllowed)
            throws UsageException {
        CommandOptions options = new CommandOptions();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                options.help = true;
                return options;
            }
            if (flags.contains(a)) {
                options.flags.add(a);
            } else if (!a.startsWith("--")) {
                if (!positionalAllowed) {
                    throw new UsageException("unexpected argument " + a);
                }
                options.positional.add(a);
            } else if (i + 1 >= args.size()) {
                throw new UsageException(valued.contains(a) ? a + " needs a value" : "unknown option " + a);
            } else if (!valued.contains(a)) {
                throw new UsageException("unknown option " + a);
            } else {
                options.values.put(a, args.get(++i));
            }
        }
        return options;
    }

    /** Whether help was asked for; then nothing after it was read. */
    boolean help() {
        return help;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return List.copyOf(positional);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The option as a day, or {@code null} when it was not given. */
    LocalDate date(String name) throws UsageException {
        String value = values.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " needs a date (YYYY-MM-DD), not " + value);
        }
    }

    /** The option as a whole number of at least {@code min}, or the fallback when it was not given. */
    long wholeNumber(String name, long fallback, long min, String unit) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, not " + value);
        }
        if (number < min) {
            throw new UsageException(name + " must be at least " + min + " " + unit + ", not " + value);
        }
        return number;
    }

    /**
     * The option read by a parser that throws {@link IllegalArgumentException} with a readable message, or the
     * fallback when it was not given.
     */
    <T> T parsed(String name, T fallback, Function<String, T> parser) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    /** The options every command that talks to Kafka takes: {@code --bootstrap-servers} and {@code --kafka-config}. */
    static final Set<String> KAFKA_OPTIONS = Set.of("--bootstrap-servers", "--kafka-config");

    /** The Kafka cluster of {@code --bootstrap-servers} and the client settings of {@code --kafka-config}. */
    org.tensionwatch.kafka.KafkaConnection kafka() throws UsageException {
        String file = values.get("--kafka-config");
        String bootstrap = values.get("--bootstrap-servers");
        if (file == null) {
            return org.tensionwatch.kafka.KafkaConnection.plaintext(bootstrap == null ? "localhost:9092" : bootstrap);
        }
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new UsageException("--kafka-config: no file " + file);
        }
        try {
            org.tensionwatch.kafka.KafkaConnection fromFile = org.tensionwatch.kafka.KafkaConnection.of(bootstrap, path);
            return fromFile;
        } catch (IllegalArgumentException e) {
            // neither --bootstrap-servers nor bootstrap.servers in the file: the embedded broker's default
            return org.tensionwatch.kafka.KafkaConnection.of("localhost:9092", path);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageException("--kafka-config: " + e.getMessage());
        }
    }

    /** {@code valued} with the Kafka options. */
    static Set<String> withKafkaOptions(Set<String> valued) {
        Set<String> all = new HashSet<>(valued);
        all.addAll(KAFKA_OPTIONS);
        return all;
    }
}

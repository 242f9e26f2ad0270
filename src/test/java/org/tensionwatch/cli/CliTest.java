package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line as every command reads it, on picocli, and its mistakes in the commands' words. */
class CliTest {

    @Command(name = "sample")
    static class Sample {
        @Mixin
        Cli.Help help;

        @Option(names = "--from", converter = Cli.Day.class)
        LocalDate from;

        @Option(names = "--timeout", converter = Cli.WholeNumber.class)
        long timeout = 60;

        @Option(names = "--name")
        String name = "none";

        @Option(names = "--wait")
        boolean wait;
    }

    @Command(name = "sample")
    static class WithArguments extends Sample {
        @Parameters
        List<String> positional = new ArrayList<>();
    }

    @Command(name = "sample")
    static class ShortNames {
        @Option(names = "--name", converter = TooShort.class)
        String name;
    }

    static final class TooShort implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            throw new IllegalArgumentException("is too short");
        }
    }

    private static <T> T parse(T command, String... args) throws Cli.UsageException {
        Cli.parse(Cli.commandLine(command), List.of(args));
        return command;
    }

    private static boolean help(String... args) throws Cli.UsageException {
        return Cli.parse(Cli.commandLine(new Sample()), List.of(args));
    }

    @Test
    void shouldReadOptionsFlagsAndPositionalArgumentsInAnyOrder() throws Exception {
        WithArguments options = new WithArguments();
        boolean help = Cli.parse(Cli.commandLine(options), List.of("archive", "--from", "2026-10-12", "--wait",
                "--timeout", "30", "--name", "first", "--name", "second"));

        assertThat(help).isFalse();
        assertThat(options.positional).containsExactly("archive");
        assertThat(options.wait).isTrue();
        assertThat(options.from).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(Cli.atLeast("--timeout", options.timeout, 1, "second")).isEqualTo(30);
        assertThat(options.name).as("the later one wins").isEqualTo("second");
    }

    @Test
    void shouldGiveTheFallbackForWhatIsNotGiven() throws Exception {
        Sample options = parse(new Sample());

        assertThat(options.wait).isFalse();
        assertThat(options.from).isNull();
        assertThat(Cli.atLeast("--timeout", options.timeout, 1, "second")).isEqualTo(60);
        assertThat(options.name).isEqualTo("none");
    }

    @Test
    void shouldStopAtHelp() throws Exception {
        assertThat(help("--help", "--colour", "red")).isTrue();
        assertThat(help("-h")).isTrue();
    }

    @Test
    void shouldNameTheArgumentAndWhatItNeedsInEveryMistake() {
        assertThatThrownBy(() -> parse(new Sample(), "--colour", "red"))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> parse(new Sample(), "--colour"))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> parse(new Sample(), "--from"))
                .hasMessage("--from needs a value");
        assertThatThrownBy(() -> parse(new Sample(), "stray"))
                .hasMessage("unexpected argument stray");
        assertThatThrownBy(() -> parse(new Sample(), "--from", "12.10.2026"))
                .hasMessage("--from needs a date (YYYY-MM-DD), not 12.10.2026");
        assertThatThrownBy(() -> parse(new Sample(), "--timeout", "soon"))
                .hasMessage("--timeout needs a whole number, not soon");
        assertThatThrownBy(() -> Cli.atLeast("--timeout", parse(new Sample(), "--timeout", "0").timeout, 1, "second"))
                .hasMessage("--timeout must be at least 1 second, not 0");
        assertThatThrownBy(() -> parse(new ShortNames(), "--name", "x"))
                .hasMessage("--name: is too short");
    }
}

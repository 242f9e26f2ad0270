package org.tensionwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

    private static final Set<String> VALUED = Set.of("--from", "--timeout", "--name");

    @Test
    void shouldReadOptionsFlagsAndPositionalArgumentsInAnyOrder() throws Exception {
        CommandOptions options = CommandOptions.parse(List.of("archive", "--from", "2026-10-12", "--wait",
                "--timeout", "30", "--name", "first", "--name", "second"), VALUED, Set.of("--wait"), true);

        assertThat(options.help()).isFalse();
        assertThat(options.positional()).containsExactly("archive");
        assertThat(options.flag("--wait")).isTrue();
        assertThat(options.date("--from")).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(options.wholeNumber("--timeout", 60, 1, "second")).isEqualTo(30);
        assertThat(options.string("--name", null)).as("the later one wins").isEqualTo("second");
    }

    @Test
    void shouldGiveTheFallbackForWhatIsNotGiven() throws Exception {
        CommandOptions options = CommandOptions.parse(List.of(), VALUED, Set.of("--wait"), false);

        assertThat(options.flag("--wait")).isFalse();
        assertThat(options.date("--from")).isNull();
        assertThat(options.wholeNumber("--timeout", 60, 1, "second")).isEqualTo(60);
        assertThat(options.parsed("--name", "none", String::toUpperCase)).isEqualTo("none");
    }

    @Test
    void shouldStopAtHelp() throws Exception {
        assertThat(CommandOptions.parse(List.of("--help", "--colour", "red"), VALUED, Set.of(), false).help()).isTrue();
        assertThat(CommandOptions.parse(List.of("-h"), VALUED, Set.of(), false).help()).isTrue();
    }

    @Test
    void shouldNameTheArgumentAndWhatItNeedsInEveryMistake() {
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--colour", "red"), VALUED, Set.of(), false))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--colour"), VALUED, Set.of(), false))
                .hasMessage("unknown option --colour");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--from"), VALUED, Set.of(), false))
                .hasMessage("--from needs a value");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("stray"), VALUED, Set.of(), false))
                .hasMessage("unexpected argument stray");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--from", "12.10.2026"), VALUED, Set.of(), false)
                .date("--from")).hasMessage("--from needs a date (YYYY-MM-DD), not 12.10.2026");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--timeout", "soon"), VALUED, Set.of(), false)
                .wholeNumber("--timeout", 60, 1, "second")).hasMessage("--timeout needs a whole number, not soon");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--timeout", "0"), VALUED, Set.of(), false)
                .wholeNumber("--timeout", 60, 1, "second")).hasMessage("--timeout must be at least 1 second, not 0");
        assertThatThrownBy(() -> CommandOptions.parse(List.of("--name", "x"), VALUED, Set.of(), false)
                .parsed("--name", null, v -> {
                    throw new IllegalArgumentException("is too short");
                })).hasMessage("--name: is too short");
    }
}

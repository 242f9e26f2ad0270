package org.tensionwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.indicators.Indicator;

/**
 * The documentation lists the indicators the code has: the table of {@code docs/topics.md#indicators} is generated from
 * {@link Indicator} (name, event types, measure, what it counts), and the pages that show indicators (the API, the
 * AsyncAPI description) point to it. After a change of the indicators, regenerate the table with
 * {@code ./mvnw test -Dtest=IndicatorDocumentationTest -Dindicators.docs.update=true}.
 */
class IndicatorDocumentationTest {

    private static final Path TOPICS = Path.of("docs/topics.md");
    static final String BEGIN = "<!-- indicators: generated from indicators.Indicator by IndicatorDocumentationTest -->";
    static final String END = "<!-- end of indicators -->";

    /** The table, one row per indicator in the order of the schema. */
    static String table() {
        StringBuilder s = new StringBuilder("| field | from events of type | measured as | what it counts |\n|---|---|---|---|\n");
        for (Indicator indicator : Indicator.all()) {
            String types = indicator.eventTypes().equals(EnumSet.allOf(EventType.class)) ? "every type"
                    : indicator.eventTypes().stream().map(t -> "`" + t.name() + "`").collect(Collectors.joining(", "));
            s.append("| `").append(indicator.fieldName()).append("` | ").append(types).append(" | ")
                    .append(indicator.measure().description()).append(" | ").append(indicator.description()).append(" |\n");
        }
        return s.toString();
    }

    @Test
    void shouldListEveryIndicatorInTheTopicsPageAsTheCodeDefinesIt() throws IOException {
        String page = Files.readString(TOPICS);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("%s marks the table with %s", TOPICS, BEGIN).isNotNegative();
        assertThat(end).as("and ends it with %s", END).isGreaterThan(begin);
        String generated = BEGIN + "\n" + table() + END;
        if (Boolean.getBoolean("indicators.docs.update")) {
            Files.writeString(TOPICS, page.substring(0, begin) + generated + page.substring(end + END.length()));
            page = Files.readString(TOPICS);
        }
        assertThat(page.substring(begin, page.indexOf(END) + END.length()))
                .as("the indicators table of %s; regenerate with -Dindicators.docs.update=true", TOPICS)
                .isEqualTo(generated);
    }

    @Test
    void shouldPointToTheTableWhereverTheIndicatorsAreShown() throws IOException {
        assertThat(Files.readString(Path.of("docs/api.md"))).contains("(topics.md#indicators)");
        assertThat(Files.readString(Path.of("docs/asyncapi.yaml"))).contains("topics.md#indicators");
        assertThat(Files.readString(Path.of("docs/topics.md"))).contains("## Indicators");
    }
}

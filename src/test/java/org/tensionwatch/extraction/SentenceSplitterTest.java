package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> split(String text) {
        return splitter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void shouldSplitAtFullStopsFollowedByACapital() {
        assertThat(split("Police fired tear gas. Three people were hurt."))
                .containsExactly("Police fired tear gas.", "Three people were hurt.");
    }

    @Test
    void shouldNotSplitAfterTitlesInitialsOrDecimals() {
        assertThat(split("Mr. Okafor met Gen. J. R. Mensah in St. Louis. Growth was 3.5 percent."))
                .containsExactly("Mr. Okafor met Gen. J. R. Mensah in St. Louis.", "Growth was 3.5 percent.");
    }

    @Test
    void shouldKeepDottedAcronymsInsideASentence() {
        assertThat(split("The U.S. Secretary of State urged calm. The U.N. agreed."))
                .containsExactly("The U.S. Secretary of State urged calm.", "The U.N. agreed.");
    }

    @Test
    void shouldEndASentenceAtALineBreakAndAfterAClosingQuote() {
        assertThat(split("Unrest in the north\n\n\"We want peace.\" The mayor left."))
                .containsExactly("Unrest in the north", "\"We want peace.\"", "The mayor left.");
    }

    @Test
    void shouldNotSplitInsideAddresses() {
        assertThat(split("Read it at https://t.co/abc today. Then go.")).hasSize(2);
    }

    @Test
    void shouldCutOverlongSentencesSoRegexesRunOnBoundedText() {
        String longSentence = "word ".repeat(1_000);
        assertThat(splitter.split(longSentence))
                .allSatisfy(s -> assertThat(s.text().length()).isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE_CHARS + 10));
    }
}

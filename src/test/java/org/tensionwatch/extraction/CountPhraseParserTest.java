package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.Qualifier;

class CountPhraseParserTest {

    private final CountPhraseParser parser = new CountPhraseParser();

    private List<CountMention> people(String sentence) {
        return parser.find(Sentence.of(sentence, 0)).stream().filter(CountMention::countsPeople).toList();
    }

    @Test
    void shouldReadDigitsWithThousandsSeparators() {
        assertThat(people("Some 1,500 workers joined the strike."))
                .extracting(CountMention::value, CountMention::qualifier).containsExactly(tuple(1500L, Qualifier.ABOUT));
    }

    @Test
    void shouldReadSpelledOutNumbersAndDozens() {
        assertThat(people("Ten people and two dozen students and twenty-five farmers"))
                .extracting(CountMention::value, CountMention::qualifier)
                .containsExactly(tuple(10L, Qualifier.EXACT), tuple(24L, Qualifier.ABOUT), tuple(25L, Qualifier.EXACT));
    }

    @Test
    void shouldReadVaguePluralsAsTheirSmallestRoundUnitAndDozensAsNoFigure() {
        assertThat(people("hundreds of miners, thousands of teachers and dozens of nurses"))
                .extracting(CountMention::value, CountMention::qualifier)
                .containsExactly(tuple(100L, Qualifier.VAGUE), tuple(1000L, Qualifier.VAGUE), tuple(null, Qualifier.VAGUE));
    }

    @Test
    void shouldReadQualifiers() {
        assertThat(people("more than 50 villagers, nearly 3,800 troops, up to 30 activists, at least seven civilians"))
                .extracting(CountMention::value, CountMention::qualifier)
                .containsExactly(tuple(50L, Qualifier.AT_LEAST), tuple(3800L, Qualifier.ABOUT),
                        tuple(30L, Qualifier.AT_MOST), tuple(7L, Qualifier.AT_LEAST));
    }

    @Test
    void shouldTakeCapitalisedPluralsAsPeople() {
        assertThat(people("more than 50 Uighurs were held")).extracting(CountMention::group).containsExactly("Uighurs");
    }

    @Test
    void shouldNeverCountYearsAgesPercentagesOrDistances() {
        List<CountMention> all = parser.find(Sentence.of(
                "In 2019 a 45-year-old man walked 28 miles, and 60 percent of the town's 12,000 inhabitants"
                        + " voted on May 4.", 0));
        assertThat(all).extracting(CountMention::value).doesNotContain(2019L, 45L, 28L, 60L, 12_000L, 4L);
    }

    @Test
    void shouldNotTakeThingsForPeople() {
        assertThat(people("Protesters blocked two border posts and three bridges.")).isEmpty();
    }
}

package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateResolverTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2023, 5, 31);

    private final DateResolver resolver = new DateResolver();

    private LocalDate resolve(String sentence, LocalDate published) {
        List<DateMention> found = resolver.find(Sentence.of(sentence, 0), published);
        return DateResolver.nearest(found, 0);
    }

    @Test
    void shouldResolveAWeekdayToTheMostRecentSuchDay() {
        assertThat(resolve("Fighting resumed on Monday.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 29));
    }

    @Test
    void shouldResolveTheWeekdayOfPublicationToThatDay() {
        assertThat(resolve("Wednesday's rally was calm.", WEDNESDAY)).isEqualTo(WEDNESDAY);
    }

    @Test
    void shouldResolveAMonthAndDayToTheMostRecentOneNotAfterPublication() {
        assertThat(resolve("Talks failed on November 5.", LocalDate.of(2023, 1, 10))).isEqualTo(LocalDate.of(2022, 11, 5));
        assertThat(resolve("Talks failed on 5 January.", LocalDate.of(2023, 1, 10))).isEqualTo(LocalDate.of(2023, 1, 5));
    }

    @Test
    void shouldNotTakeTheDatelineForTheDayOfTheEvent() {
        assertThat(resolve("LIMA, May 31 - Six people were killed on Monday.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 29));
        assertThat(resolve("KHARTOUM, 31 May (Nile Wire) - Shelling hit a market on Tuesday.", WEDNESDAY))
                .isEqualTo(LocalDate.of(2023, 5, 30));
        assertThat(resolve("DHAKA, Bangladesh, May 31 (AP) — Police detained 30 people.", WEDNESDAY)).isNull();
        assertThat(DateResolver.datelineEnd("Police said on May 31 - the day of the vote - that 30 were held.")).isZero();
    }

    @Test
    void shouldGiveTheDayBeforePublicationForYesterdayAndLastNight() {
        assertThat(resolve("Troops arrived yesterday.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 30));
        assertThat(resolve("Police said 40 people were held overnight.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 30));
        assertThat(resolve("Shops were looted last night.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 30));
        assertThat(resolve("Shops were looted on Monday night.", WEDNESDAY)).isEqualTo(LocalDate.of(2023, 5, 29));
    }

    @Test
    void shouldGiveNoDayForVagueExpressions() {
        assertThat(resolve("Troops arrived last week.", WEDNESDAY)).isNull();
        assertThat(resolve("Troops arrived earlier this week.", WEDNESDAY)).isNull();
        assertThat(resolve("Troops arrived.", WEDNESDAY)).isNull();
    }

    @Test
    void shouldMarkEarlierYearsAndOldDatesAsOld() {
        assertThat(resolver.find(Sentence.of("The war of 1998-99 ended.", 0), WEDNESDAY)).allMatch(DateMention::old);
        assertThat(resolver.find(Sentence.of("It happened on March 2.", 0), WEDNESDAY)).allMatch(DateMention::old);
        assertThat(resolver.find(Sentence.of("It happened on May 20.", 0), WEDNESDAY)).noneMatch(DateMention::old);
    }
}

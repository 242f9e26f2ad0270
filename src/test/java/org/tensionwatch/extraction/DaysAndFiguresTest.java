package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.DayRange;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.Qualifier;

/** The day of an occurrence and its figures, read as a careful analyst reads them (issue: day and figure). */
class DaysAndFiguresTest {

    /** A Wednesday: "on Monday" is 1 June, "yesterday" 2 June. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 6, 3);
    private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor();

    private static List<ExtractedEvent> extract(String body) {
        return EXTRACTOR.extract(new ArticleText("", body, WEDNESDAY));
    }

    private static List<ExtractedEvent> ofType(List<ExtractedEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void shouldReadInjuredOthersAsTheKindOfPeopleWhoseDeathsTheSentenceGaveFirst() {
        String killed = "A villager was killed and four others were wounded when shells hit the market.";
        assertThat(SentenceAnalyzer.othersOf(killed, killed.indexOf("four"))).isEqualTo("villagers");
        String deaths = "The shelling caused the deaths of six farmers, including a boy, and injuries to eleven others.";
        assertThat(SentenceAnalyzer.othersOf(deaths, deaths.indexOf("eleven"))).isEqualTo("farmers");
        // others set apart from a group, or with no deaths before them: no kind to give
        String apart = "Two guards died and three policemen and five others were hurt in the blast.";
        assertThat(SentenceAnalyzer.othersOf(apart, apart.indexOf("five"))).isNull();
        String unnamed = "Marches by students left 12 people dead and more than 200 others injured.";
        assertThat(SentenceAnalyzer.othersOf(unnamed, unnamed.indexOf("more than"))).isNull();
        String noDeaths = "Nine students and seven others were injured in the stampede.";
        assertThat(SentenceAnalyzer.othersOf(noDeaths, noDeaths.indexOf("seven"))).isNull();
    }

    @Test
    void shouldCountTheDismissalOfAGovernmentAsNoSinglePerson() {
        assertThat(ofType(extract("On Monday the president dismissed the prime minister and his government."),
                EventType.DISMISSAL)).extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(null, null));
        assertThat(ofType(extract("On Monday the president dismissed the prime minister."), EventType.DISMISSAL))
                .extracting(ExtractedEvent::count).containsExactly(1L);
        assertThat(ofType(extract("The minister dismissed the president's claims on Monday."), EventType.DISMISSAL))
                .isEmpty();
    }

    @Test
    void shouldNotLendTheDayOfTheDeathThatSetOffUnrestToTheUnrest() {
        List<ExtractedEvent> events = extract("Police arrested 40 people overnight, even if the second night of riots "
                + "following the death of a teenager on Monday was calmer. Eleven officers were injured, police said.");
        assertThat(ofType(events, EventType.FATALITY)).extracting(ExtractedEvent::occurredOn)
                .containsExactly(LocalDate.of(2026, 6, 1));
        assertThat(ofType(events, EventType.INJURY)).extracting(ExtractedEvent::count, ExtractedEvent::occurredOn)
                .containsExactly(tuple(11L, LocalDate.of(2026, 6, 2)));
    }

    @Test
    void shouldGiveTheInjuriesOfAClashTheClashDayFromAnotherSentence() {
        List<ExtractedEvent> events = extract("Clashes in the border town left 30 soldiers injured, the defence "
                + "ministry said. The fighting broke out on Monday near the customs post.");
        assertThat(ofType(events, EventType.INJURY)).extracting(ExtractedEvent::count, ExtractedEvent::occurredOn)
                .containsExactly(tuple(30L, LocalDate.of(2026, 6, 1)));
    }

    @Test
    void shouldDateANightOfRiotingToTheEveningItBegan() {
        assertThat(extract("Police said 212 people were arrested overnight across the country."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::occurredOn)
                .containsExactly(tuple(EventType.ARREST, 212L, LocalDate.of(2026, 6, 2)));
    }

    @Test
    void shouldNotTakeTheDayOfTheTellingForTheDayOfWhatIsTold() {
        List<ExtractedEvent> events = extract("At least 40 people were detained as riots spread, the interior "
                + "ministry said on Wednesday. The rioting broke out on Sunday night.");
        assertThat(ofType(events, EventType.ARREST)).extracting(ExtractedEvent::occurredOn)
                .containsExactly(LocalDate.of(2026, 5, 31));
    }

    @Test
    void shouldCarryTheSpanOfAVagueDayAndNeverThePublicationDayAsFact() {
        ExtractedEvent vague = ofType(extract("Troops detained 17 men earlier this week."), EventType.ARREST).get(0);
        assertThat(vague.occurredOn()).isNull();
        assertThat(vague.occurredWithin()).isEqualTo(new DayRange(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2)));

        ExtractedEvent undated = ofType(extract("The opposition leader condemned the arrests."), EventType.CONDEMNATION).get(0);
        assertThat(undated.occurredOn()).isNull();
        assertThat(undated.occurredWithin()).isEqualTo(new DayRange(LocalDate.of(2026, 5, 27), WEDNESDAY));
    }

    @Test
    void shouldTellTheKilledFromTheInjuredInOneSentence() {
        assertThat(extract("The blast killed 5 and injured 200 in the market."))
                .filteredOn(e -> e.count() != null)
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactlyInAnyOrder(tuple(EventType.FATALITY, 5L), tuple(EventType.INJURY, 200L));
        assertThat(extract("One guard was killed and four others, among them a cook, were badly hurt."))
                .filteredOn(e -> e.count() != null)
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactlyInAnyOrder(tuple(EventType.FATALITY, 1L), tuple(EventType.INJURY, 4L));
        assertThat(extract("Medics said 45 police officers and 12 marchers were injured."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactlyInAnyOrder(tuple(EventType.INJURY, 45L), tuple(EventType.INJURY, 12L));
    }

    @Test
    void shouldReadARangeAsItsLowEndAtLeast() {
        assertThat(extract("Between 20 and 30 people were killed in the raid."))
                .filteredOn(e -> e.type() == EventType.FATALITY)
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(20L, Qualifier.AT_LEAST));
        assertThat(extract("Some 15 to 20 marchers were hurt."))
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(15L, Qualifier.AT_LEAST));
        assertThat(extract("Organisers said 8-12 thousand people rallied in the square."))
                .filteredOn(e -> e.type() == EventType.PROTEST)
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(8000L, Qualifier.AT_LEAST));
    }

    @Test
    void shouldCountNoOneInAFigureOfThings() {
        assertThat(extract("Nine police officers were injured and some 600 vehicles torched."))
                .filteredOn(e -> e.count() != null)
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactly(tuple(EventType.INJURY, 9L));
        assertThat(extract("Over 70 people were detained after more than 40 police cars were set alight."))
                .filteredOn(e -> e.type() == EventType.ARREST)
                .extracting(ExtractedEvent::count)
                .containsExactly(70L);
    }

    @Test
    void shouldCountASummaryAndItsExactFigureOnce() {
        List<ExtractedEvent> events = extract("More than 500 people were arrested in the capital. "
                + "The ministry later said a total of 534 people had been arrested.");
        assertThat(ofType(events, EventType.ARREST)).extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(534L, Qualifier.EXACT));
    }

    @Test
    void shouldTakeARisingTollAsOneOccurrenceWithItsLatestFigure() {
        List<ExtractedEvent> events = extract("Nine people were killed on Monday when police fired on marchers. "
                + "By Tuesday night the death toll had risen to 13, the health ministry said.");
        assertThat(ofType(events, EventType.FATALITY)).extracting(ExtractedEvent::count, ExtractedEvent::occurredOn)
                .containsExactly(tuple(13L, LocalDate.of(2026, 6, 1)));
    }

    @Test
    void shouldKeepAFurtherTollToldAfterARevisedOne() {
        List<ExtractedEvent> events = extract("The number of people killed in Monday's protests has risen to 8, "
                + "the rights commission said. Two more people were shot dead yesterday in the port city.");
        assertThat(ofType(events, EventType.FATALITY)).extracting(ExtractedEvent::count).containsExactly(8L, 2L);
    }

    @Test
    void shouldNotTakeAnyRiseForARevisedToll() {
        List<ExtractedEvent> events = extract("Three people were killed on Monday. Tensions rose to a new high on "
                + "Tuesday after five more people were killed.");
        assertThat(ofType(events, EventType.FATALITY)).extracting(ExtractedEvent::count).containsExactly(3L, 5L);
    }

    @Test
    void shouldDropTheEarlierFigureThatASentenceReplaces() {
        assertThat(extract("A total of 640 people were detained overnight, the ministry said, updating earlier figures "
                + "that had spoken of about 500 arrests."))
                .filteredOn(e -> e.type() == EventType.ARREST)
                .extracting(ExtractedEvent::count).containsExactly(640L);
    }

    @Test
    void shouldGiveDozensNoNumber() {
        assertThat(extract("Dozens of villagers were wounded in the shelling."))
                .filteredOn(e -> e.type() == EventType.INJURY)
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(null, Qualifier.VAGUE));
    }

    @Test
    void shouldCountOnePersonWhoseDeathIsReported() {
        assertThat(extract("Riots followed the death of a 19-year-old courier in the suburb."))
                .filteredOn(e -> e.type() == EventType.FATALITY)
                .extracting(ExtractedEvent::count)
                .containsExactly(1L);
    }

    @Test
    void shouldKeepProtestsInTwoCitiesApart() {
        assertThat(ofType(extract("Thousands protested in Valparaiso on Monday. Students also rallied in Temuco "
                + "on Monday."), EventType.PROTEST)).hasSize(2);
    }

    @Test
    void shouldNameTheHolderOfAnOfficeNamedForItsField() {
        assertThat(ofType(extract("Minister for Home Affairs Dara Quinlan condemned the arson attacks in Cork."),
                EventType.CONDEMNATION)).extracting(ExtractedEvent::actor)
                .containsExactly("Minister for Home Affairs Dara Quinlan");
    }

    @Test
    void shouldReadAReportedRefusalToTolerateAsACondemnationButAWarningAsNone() {
        assertThat(ofType(extract("The mayor said the attacks on the hostel would not be tolerated."),
                EventType.CONDEMNATION)).hasSize(1);
        assertThat(ofType(extract("The interior ministry said such violence cannot be tolerated."),
                EventType.CONDEMNATION)).hasSize(1);
        assertThat(ofType(extract("Police said they would not tolerate any violence at Saturday's march."),
                EventType.CONDEMNATION)).isEmpty();
    }

    @Test
    void shouldReadAWishThatThePartiesShowRestraintAsAnAppeal() {
        assertThat(ofType(extract("The foreign ministry said it hoped both sides would settle the dispute through "
                + "dialogue."), EventType.APPEAL)).hasSize(1);
        assertThat(ofType(extract("The coach said he hoped all players would be fit for the final."),
                EventType.APPEAL)).isEmpty();
    }
}

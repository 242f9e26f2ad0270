package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.Qualifier;

class RuleBasedExtractorTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 6, 3);
    private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor();

    private static List<ExtractedEvent> extract(String body) {
        return EXTRACTOR.extract(new ArticleText("", body, WEDNESDAY));
    }

    @Test
    void shouldReadAnArrestWithItsFigurePlaceCountryAndDay() {
        assertThat(extract("Police arrested 14 protesters in Tbilisi on Tuesday."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::qualifier,
                        ExtractedEvent::location, ExtractedEvent::countryCode, ExtractedEvent::occurredOn)
                .containsExactly(tuple(EventType.ARREST, 14L, Qualifier.EXACT, "Tbilisi", "GE", LocalDate.of(2026, 6, 2)));
    }

    @Test
    void shouldReadShellingAsAClashAndItsDeadAsAFatality() {
        assertThat(extract("Shelling killed at least seven civilians in Kharkiv overnight."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::qualifier, ExtractedEvent::countryCode)
                .containsExactlyInAnyOrder(tuple(EventType.CLASH, null, null, "UA"),
                        tuple(EventType.FATALITY, 7L, Qualifier.AT_LEAST, "UA"));
    }

    @Test
    void shouldCountTheCrowdThatTearGasWasFiredAt() {
        assertThat(extract("Security forces in Nairobi fired tear gas at hundreds of demonstrators."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactlyInAnyOrder(tuple(EventType.CLASH, null, null), tuple(EventType.PROTEST, 100L, Qualifier.VAGUE));
    }

    @Test
    void shouldMakeOneEventPerVictimGroup() {
        assertThat(extract("Riots that injured 12 officers from the border guard and more than 40 villagers shook the town."))
                .filteredOn(e -> e.type() == EventType.INJURY)
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(12L, Qualifier.EXACT), tuple(40L, Qualifier.AT_LEAST));
    }

    @Test
    void shouldNotCountTheYearOfAPastWarAsFatalities() {
        assertThat(extract("The 1998-99 war killed 13,000 people.")).isEmpty();
        assertThat(extract("Independence came a decade after a war that killed 8,000 people.")).isEmpty();
    }

    @Test
    void shouldIgnoreStandingFactsThreatsAndDenials() {
        assertThat(extract("The mission consists of almost 3,800 troops.")).isEmpty();
        assertThat(extract("Officials warned that the army would not stand idle if the minority came under attack.")).isEmpty();
        assertThat(extract("No one was hurt in the incident, police said.")).isEmpty();
        assertThat(extract("Peacekeepers have been deployed in the province since 1999.")).isEmpty();
    }

    @Test
    void shouldIgnoreEventsMoreThanAMonthBeforePublication() {
        assertThat(extract("Five people died on March 3 in Kherson.")).isEmpty();
    }

    @Test
    void shouldNotTakeAnAgeOrADistanceForAFigure() {
        assertThat(extract("A 45-year-old man was injured when a car bomb exploded 28 miles north of Mosul."))
                .filteredOn(e -> e.type() == EventType.INJURY)
                .extracting(ExtractedEvent::count).containsExactly(1L);
    }

    @Test
    void shouldReadAMassResignationWithoutAFigureAsVague() {
        assertThat(extract("Dozens of opposition mayors and councillors resigned en masse on Monday."))
                .filteredOn(e -> e.type() == EventType.RESIGNATION)
                .extracting(ExtractedEvent::qualifier).containsExactly(Qualifier.VAGUE);
        assertThat(extract("Lawmakers of the ruling bloc quit their posts en masse."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(EventType.RESIGNATION, null, Qualifier.VAGUE));
    }

    @Test
    void shouldReadASingleDismissalAsOne() {
        assertThat(extract("This week, the authorities dismissed a senior police officer in the north."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count).containsExactly(tuple(EventType.DISMISSAL, 1L));
    }

    @Test
    void shouldReadAlertLevels() {
        assertThat(extract("Georgia's defence ministry put troops on full combat readiness."))
                .extracting(ExtractedEvent::type, ExtractedEvent::level, ExtractedEvent::countryCode)
                .containsExactly(tuple(EventType.MILITARY_ALERT, AlertLevel.HIGHEST, "GE"));
        assertThat(extract("The army said its units were on heightened alert."))
                .extracting(ExtractedEvent::level).containsExactly(AlertLevel.RAISED);
    }

    @Test
    void shouldReadAppealsForRestraintButNotOtherRequests() {
        assertThat(extract("The African Union called on both sides to show restraint and return to talks."))
                .extracting(ExtractedEvent::type).containsExactly(EventType.APPEAL);
        assertThat(extract("The union called on workers to vote for the new contract.")).isEmpty();
        assertThat(extract("The government went ahead despite calls for restraint.")).isEmpty();
    }

    @Test
    void shouldReadCondemnationsButNotTheAccusedInCourt() {
        assertThat(extract("The foreign ministry condemned the air strike and accused the rebels of war crimes."))
                .extracting(ExtractedEvent::type).contains(EventType.CONDEMNATION);
        assertThat(extract("A man accused of fraud appeared in court.")).isEmpty();
    }

    @Test
    void shouldNotTakeAVerbalAttackForAClash() {
        assertThat(extract("The minister attacked the opposition's budget plan in a speech.")).isEmpty();
    }

    @Test
    void shouldFoldRepeatedMentionsIntoOneEvent() {
        List<ExtractedEvent> events = extract("Thousands of people took to the streets of Yerevan on Monday.\n"
                + "The protest was peaceful, organisers said.\nThe rally ended at dusk.");
        assertThat(events).extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactly(tuple(EventType.PROTEST, 1000L));
    }

    @Test
    void shouldGiveEvidenceConfidenceAndInteropCodes() {
        ExtractedEvent e = extract("Police detained 30 people in Dhaka.").get(0);
        assertThat(e.evidence()).isEqualTo("Police detained 30 people in Dhaka.");
        assertThat(e.confidence()).isBetween(0.0, 1.0);
        assertThat(e.plover().ploverType()).isEqualTo("COERCE");
        assertThat(e.plover().ploverMode()).isEqualTo("arrest");
        assertThat(e.plover().cameoRoot()).isEqualTo("17");
    }

    @Test
    void shouldNormalizeTheManyNamesOfOnePeacekeepingForce() {
        assertThat(extract("Clashes injured 25 KFOR soldiers in the north.")).filteredOn(e -> e.type() == EventType.INJURY)
                .extracting(ExtractedEvent::actor).containsExactly("KFOR peacekeepers");
    }

    @Test
    void shouldLeaveACrowdThatIsDispersedToTheProtestNotToTheArrestsThatFollow() {
        assertThat(extract("Police used water cannon to disperse several thousand protesters outside the assembly, detaining 17 people."))
                .filteredOn(e -> e.count() != null)
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactlyInAnyOrder(tuple(EventType.PROTEST, 1000L), tuple(EventType.ARREST, 17L));
    }

    @Test
    void shouldGiveEachCoordinatedClauseItsOwnFigure() {
        assertThat(extract("Police said 23 officers were among the injured and that 41 people had been detained."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count)
                .containsExactlyInAnyOrder(tuple(EventType.INJURY, 23L), tuple(EventType.ARREST, 41L));
    }

    @Test
    void shouldNotPlaceAnEventInTheCountryAnEnvoyIsPostedTo() {
        assertThat(extract("Two deputy ministers resigned in Tbilisi on Friday, and the ambassador to Lithuania stepped down."))
                .extracting(ExtractedEvent::countryCode).containsOnly("GE");
        assertThat(extract("The ambassador to Lithuania stepped down after talks with Poland failed."))
                .extracting(ExtractedEvent::location, ExtractedEvent::countryCode).containsOnly(tuple(null, null));
    }

    @Test
    void shouldGiveAStatementTheSpeakersCountryOrElseTheArticlesButNoneForInternationalBodies() {
        String article = "Shelling killed 12 civilians in Kharkiv on Tuesday.\n"
                + "The army accused the enemy of targeting homes.\n"
                + "The EU and the United States condemned the attack.\n"
                + "Russia's foreign ministry denounced the accusations.";
        assertThat(extract(article)).filteredOn(e -> e.type() == EventType.CONDEMNATION)
                .extracting(ExtractedEvent::countryCode).containsExactly("UA", null, "RU");
    }

    @Test
    void shouldFoldAVagueHeadlineFigureIntoTheBodyEventItSummarizes() {
        List<ExtractedEvent> events = EXTRACTOR.extract(new ArticleText("Dozens dead as fighting flares in border town",
                "Fighting between rival militias killed at least 42 civilians in Kharkiv on Tuesday.", WEDNESDAY));
        assertThat(events).filteredOn(e -> e.type() == EventType.FATALITY)
                .extracting(ExtractedEvent::count, ExtractedEvent::qualifier, ExtractedEvent::actor)
                .containsExactly(tuple(42L, Qualifier.AT_LEAST, "civilians"));
        assertThat(EXTRACTOR.extract(new ArticleText("Hundreds hurt as fighting flares in border town",
                "Shelling injured five soldiers in Kharkiv on Tuesday.", WEDNESDAY)))
                .filteredOn(e -> e.type() == EventType.INJURY).extracting(ExtractedEvent::count)
                .containsExactlyInAnyOrder(100L, 5L);
    }

    @Test
    void shouldNotTakeThePoliceWhoDisperseAProtestForItsProtesters() {
        assertThat(extract("Riot police dispersed a rally of about 2,000 students in Belgrade."))
                .filteredOn(e -> e.type() == EventType.PROTEST)
                .extracting(ExtractedEvent::count, ExtractedEvent::actor).containsExactly(tuple(2000L, "students"));
        assertThat(extract("Riot police disperse Tbilisi rally with water cannon."))
                .filteredOn(e -> e.type() == EventType.PROTEST).extracting(ExtractedEvent::actor).containsOnlyNulls();
    }

    @Test
    void shouldReadMedicalTreatmentAsAnInjury() {
        assertThat(extract("Opposition leaders said dozens of demonstrators needed medical treatment."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count, ExtractedEvent::qualifier)
                .containsExactly(tuple(EventType.INJURY, null, Qualifier.VAGUE));
        assertThat(extract("The detainees were denied medical treatment.")).isEmpty();
    }

    @Test
    void shouldReadAReportedAnnouncementOfADeploymentButNotAConditionalOne() {
        assertThat(extract("The interior ministry said it would send 1,200 police officers to the region."))
                .extracting(ExtractedEvent::type, ExtractedEvent::count).containsExactly(tuple(EventType.DEPLOYMENT, 1200L));
        assertThat(extract("The president said he would send troops if the unrest spread.")).isEmpty();
    }

    @Test
    void shouldReportItsVersion() {
        assertThat(EXTRACTOR.version()).startsWith("rules-");
    }
}

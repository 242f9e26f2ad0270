package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.indicators.ActorGroups;

class ActorPhraseTest {

    private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor();

    private static List<String> actors(String text, EventType type) {
        return EXTRACTOR.extract(new ArticleText("", text, LocalDate.of(2026, 3, 11))).stream()
                .filter(e -> e.type() == type).map(ExtractedEvent::actor).toList();
    }

    private static List<String> keys(String text, EventType type) {
        return actors(text, type).stream().map(a -> ActorGroups.defaults().keyOf(a)).toList();
    }

    @Test
    void shouldGiveNoActorRatherThanAClauseWhoseSubjectWasHurt() {
        assertThat(ActorPhrase.of("Eight gendarmes were hurt in the")).isNull();
        assertThat(ActorPhrase.of("Fifteen miners injured in mine")).isNull();
        assertThat(ActorPhrase.of("of Peruvian farmers were beaten on Friday in a")).isNull();
    }

    @Test
    void shouldKeepTheNounPhraseThatActs() {
        assertThat(ActorPhrase.of("Riot police")).isEqualTo("Riot police");
        assertThat(ActorPhrase.of("Gendarmes fired")).isEqualTo("Gendarmes");
        assertThat(ActorPhrase.of("Striking dockworkers regularly")).isEqualTo("Striking dockworkers");
        assertThat(ActorPhrase.of("Two miners were hurt on Friday when guards")).isEqualTo("guards");
        assertThat(ActorPhrase.of("Farmers were dispersed by riot police using")).isEqualTo("riot police");
        assertThat(ActorPhrase.of("Chile and Peru have")).isEqualTo("Chile and Peru");
    }

    @Test
    void shouldNeverEmitAClauseAsTheClashActor() {
        for (String text : List.of("Nine gendarmes were injured in the brawl on Friday.",
                "Fourteen miners wounded in quarry shooting",
                "Scores of Peruvian farmers were hurt on Friday in a stampede near Juliaca.")) {
            assertThat(actors(text, EventType.CLASH)).allSatisfy(a -> assertThat(a == null || a.split(" ").length <= 3).isTrue())
                    .doesNotContain("Nine gendarmes were injured in the");
        }
    }

    @Test
    void shouldKeyOneIncidentWordedByThreeOutletsAlike() {
        List<String> texts = List.of(
                "Eleven Bolivian soldiers were wounded on Monday when troops traded fire near the hamlet of Yacuiba.",
                "About a dozen Bolivian soldiers were injured on Monday in an exchange of fire near Yacuiba.",
                "Dozens of Bolivian soldiers were hurt on Monday in a gunfight near Yacuiba.");
        for (String text : texts) {
            assertThat(keys(text, EventType.INJURY)).as(text).containsOnly("soldiers");
            assertThat(keys(text, EventType.CLASH)).as(text).isSubsetOf("soldiers", ActorGroups.UNKNOWN);
        }
    }
}

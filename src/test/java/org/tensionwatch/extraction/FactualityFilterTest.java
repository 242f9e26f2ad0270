package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;

class FactualityFilterTest {

    private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor();

    private static List<EventType> types(String text) {
        return EXTRACTOR.extract(new ArticleText("", text, LocalDate.of(2026, 3, 11))).stream()
                .map(ExtractedEvent::type).toList();
    }

    @Test
    void shouldNotReadAHabitOrStandingPatternAsAnEvent() {
        assertThat(types("The port town has seen frequent marches since the winter, and unions expect more.")).isEmpty();
        assertThat(types("Vigils have been held every week outside the court.")).isEmpty();
        assertThat(types("Fishermen regularly protest against the new quotas.")).isEmpty();
        assertThat(types("Daily demonstrations have gone on for months in Valparaiso.")).isEmpty();
    }

    @Test
    void shouldKeepARecentOngoingOrSingleEvent() {
        assertThat(types("Thousands have protested since Sunday in Valparaiso.")).contains(EventType.PROTEST);
        assertThat(types("The weekly march in Valparaiso on Friday drew thousands of protesters."))
                .contains(EventType.PROTEST);
    }
}

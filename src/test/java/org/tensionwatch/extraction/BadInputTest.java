package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tensionwatch.domain.ArticleText;

class BadInputTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 3);
    private static final RuleBasedExtractor EXTRACTOR = new RuleBasedExtractor();

    private static ExtractionResult run(String body) {
        return EXTRACTOR.extractWithNotes(new ArticleText("", body, DAY));
    }

    @Test
    void shouldRefuseEmptyTextWithAReason() {
        assertThat(run("  \n ").events()).isEmpty();
        assertThat(run("  \n ").note()).contains("empty");
    }

    @Test
    void shouldRefuseBinaryText() {
        ExtractionResult r = run("PK\u0003\u0004\u0000\u0000 protesters were killed \u0001\u0002");
        assertThat(r.events()).isEmpty();
        assertThat(r.note()).contains("binary");
    }

    @Test
    void shouldStripHtmlAndStillReadTheText() {
        ExtractionResult r = run("<html><head><script>var killed = 5;</script></head><body><p>Police detained "
                + "20 students in Dhaka on Monday.</p><div>Weather: sunny.</div></body></html>");
        assertThat(r.note()).contains("HTML");
        assertThat(r.events()).extracting(e -> e.count()).containsExactly(20L);
    }

    @Test
    void shouldReturnNoEventsForTextNotInEnglish() {
        ExtractionResult r = run("La policía detuvo a 14 manifestantes en Lima el martes, según informó el ministerio "
                + "del interior en un comunicado. Los manifestantes exigían la renuncia del gobierno y bloquearon "
                + "varias carreteras de la región durante toda la jornada de protestas.");
        assertThat(r.events()).isEmpty();
        assertThat(r.note()).contains("not English");
    }

    @Test
    void shouldTruncateAnEnormousArticleInsteadOfExhaustingTheHeap() {
        String paragraph = "The council met again to discuss the budget for schools and roads.\n";
        String body = paragraph.repeat(10 * 1024 * 1024 / paragraph.length());
        ExtractionResult r = run(body);
        assertThat(r.note()).contains("truncated");
        assertThat(r.events()).isEmpty();
    }

    @Test
    void shouldNotThrowOnOddCharacters() {
        assertThat(run("\uFFFF\uD800 ### ??? 12,<> 1,2,3 ... \"\" ''").events()).isEmpty();
    }
}

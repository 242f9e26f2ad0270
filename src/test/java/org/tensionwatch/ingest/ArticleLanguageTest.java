package org.tensionwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleLanguageTest {

    private static final Path SHARED = Path.of("..", "shared");
    private static ArticleLanguage detector;

    @BeforeAll
    static void loadModel() {
        detector = ArticleLanguage.load();
    }

    @Test
    void shouldTakeEveryRealEnglishArticleOfTheDevSetAndSeedsAsEnglish() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(SHARED.resolve("dev-set").resolve("articles"), SHARED.resolve("seeds"))) {
            if (Files.isDirectory(dir)) {
                files.addAll(ArticleFiles.listArticles(List.of(dir)));
            }
        }
        Assumptions.assumeFalse(files.isEmpty(), "../shared/dev-set and ../shared/seeds are not here");
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // each paragraph alone too: a feed item is often a headline and a sentence or two
            List<String> pieces = new ArrayList<>(List.of(text));
            for (String paragraph : text.split("\\n\\s*\\n")) {
                if (paragraph.chars().filter(Character::isLetter).count() >= 20) {
                    pieces.add(paragraph);
                }
            }
            for (String piece : pieces) {
                ArticleLanguage.Verdict verdict = detector.detect("", piece);
                if (!verdict.english()) {
                    refused.add(file.getFileName() + " (" + verdict.language() + " " + verdict.confidence() + "): "
                            + piece.substring(0, Math.min(80, piece.length())));
                }
            }
        }
        assertThat(refused).as("English texts refused").isEmpty();
    }

    @Test
    void shouldTakeEverySampleArticleAsEnglish() throws IOException {
        List<String> refused = new ArrayList<>();
        for (Path file : ArticleFiles.listArticles(List.of(Path.of("samples", "articles")))) {
            ArticleLanguage.Verdict verdict = detector.detect("", Files.readString(file, StandardCharsets.UTF_8));
            if (!verdict.english()) {
                refused.add(file.getFileName() + " (" + verdict.language() + ")");
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void shouldTakeControlCharactersAndEmojiWithoutFailing() {
        assertThat(detector.detect("t", "\u0000\uFFFD\uD83D\uDE00 \u202E reversed").english()).isTrue();
    }

    @Test
    void shouldTakeAShortEnglishHeadlineAsEnglish() {
        assertThat(detector.detect("Troops deployed to Bamako", "").english()).isTrue();
        assertThat(detector.detect("Riot police fire tear gas in Nairobi", "Dozens were hurt.").english()).isTrue();
    }

    @Test
    void shouldTakeEnglishFullOfForeignNamesAsEnglish() {
        ArticleLanguage.Verdict verdict = detector.detect("Protest in Ouagadougou",
                "Supporters of Ibrahim Traoré gathered at Place de la Nation in Ouagadougou on Sunday, and "
                        + "the Mouvement pour la Renaissance said that Jean-Baptiste Ouédraogo was detained by gendarmes.");
        assertThat(verdict.english()).isTrue();
        assertThat(verdict.language()).isEqualTo("en");
    }

    @Test
    void shouldRefuseAFrenchArticleAndSayItIsFrench() {
        ArticleLanguage.Verdict verdict = detector.detect("Manifestation à Lyon",
                "Plusieurs milliers de personnes ont défilé samedi dans les rues de Lyon pour protester contre la "
                        + "réforme des retraites. La préfecture a fait état de douze interpellations en fin de journée.");
        assertThat(verdict.english()).isFalse();
        assertThat(verdict.language()).isEqualTo("fr");
        assertThat(verdict.refusal()).contains("French").contains("not English");
    }

    @Test
    void shouldRefuseGermanSpanishAndRussianArticles() {
        assertThat(detector.detect("Proteste in Leipzig", "Tausende Menschen sind am Montagabend in Leipzig auf die "
                + "Straße gegangen, um gegen die geplanten Kürzungen zu demonstrieren. Die Polizei sprach von einem "
                + "friedlichen Verlauf.").language()).isEqualTo("de");
        assertThat(detector.detect("Protestas en Quito", "Cientos de estudiantes marcharon el martes por el centro "
                + "de Quito para exigir más fondos para las universidades públicas; la policía detuvo a nueve personas.")
                .language()).isEqualTo("es");
        assertThat(detector.detect("Протесты в Казани", "Во вторник несколько сотен человек вышли на площадь в "
                + "центре Казани, чтобы выразить несогласие с решением городских властей о застройке парка.")
                .language()).isEqualTo("ru");
    }

    @Test
    void shouldTakeAPlaceholderWithoutWordsAsEnglish() {
        assertThat(detector.detect("Test", "y".repeat(10_000)).english()).isTrue();
    }

    @Test
    void shouldGiveTwoLetterCodesForTheModelsThreeLetterOnes() {
        assertThat(ArticleLanguage.iso6391("fra")).isEqualTo("fr");
        assertThat(ArticleLanguage.iso6391("deu")).isEqualTo("de");
        assertThat(ArticleLanguage.iso6391("cmn")).isEqualTo("zh");
    }
}

package org.tensionwatch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tensionwatch.tools.eval.ScoreResult;

/** The five real seed articles, read at test time from ../shared when that directory exists. */
class SeedArticlesTest {

    private static final Path SHARED = Path.of("..", "shared");

    @Test
    void shouldReachTheQualityBarOnTheSeedArticles() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(SHARED.resolve("seeds")) && Files.isDirectory(SHARED.resolve("seeds-gold")),
                "../shared/seeds is not here");
        ScoreResult r = CorpusScoring.score(new RuleBasedExtractor(), SHARED.resolve("seeds"), SHARED.resolve("seeds-gold"));
        assertThat(r.types().f1()).as("types F1").isGreaterThanOrEqualTo(0.90);
        assertThat(r.counts().f1()).as("counts F1").isGreaterThanOrEqualTo(0.90);
    }
}

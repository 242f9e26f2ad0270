package org.tensionwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayPlanTest {

    @TempDir
    Path dir;

    @Test
    void shouldOrderByPublicationTimeAndKeepOnlyTheDaysAsked() throws IOException {
        ArticleArchive.Scan scan = new ArticleArchive(1 << 20).scan(ReplayFixtures.jsonLines(dir, 20));

        ReplayPlan all = ReplayPlan.of(scan.entries(), null, null);
        ReplayPlan window = ReplayPlan.of(scan.entries(), LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-03"));

        assertThat(all.entries()).extracting(ArchiveEntry::articleId)
                .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(ReplayFixtures::idOf).toArray(String[]::new));
        // one every six hours from 06:00 on the 1st: the 2nd and 3rd of September hold articles 3 to 10
        assertThat(window.entries()).extracting(ArchiveEntry::articleId)
                .containsExactly(java.util.stream.IntStream.range(3, 11).mapToObj(ReplayFixtures::idOf).toArray(String[]::new));
        assertThat(window.digest()).isNotEqualTo(all.digest());
        assertThat(ReplayPlan.of(scan.entries(), null, null).digest()).isEqualTo(all.digest());
    }

    @Test
    void shouldKeepTwoVersionsOfAnArticleWithTheSamePublicationTimeInTheArchivesOrder() {
        java.time.Instant at = java.time.Instant.parse("2026-09-01T06:00:00Z");
        // the original on line 99, its correction on line 100: as strings "a.jsonl:100" sorts before "a.jsonl:99"
        ArchiveEntry original = new ArchiveEntry(at, "a1", "a.jsonl:99", "a.jsonl", 9_800, 90);
        ArchiveEntry correction = new ArchiveEntry(at, "a1", "a.jsonl:100", "a.jsonl", 9_890, 60);

        assertThat(ReplayPlan.of(java.util.List.of(correction, original), null, null).entries())
                .containsExactly(original, correction);
    }

    @Test
    void shouldRefuseARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> ReplayPlan.of(java.util.List.of(), LocalDate.parse("2026-09-03"), LocalDate.parse("2026-09-02")))
                .hasMessageContaining("before --from");
    }
}

package org.tensionwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.ingest.ArticleFiles;

/** A directory of articles is published in the order the news came in, whatever the files are called. */
class PublicationOrderTest {

    @TempDir
    Path dir;

    private Path article(String name, String published) throws IOException {
        String header = published == null ? "" : "published: " + published + "\n";
        return Files.writeString(dir.resolve(name), "---\n" + header + "source: Test Wire\n---\nA title\n\nA body.\n");
    }

    @Test
    void shouldOrderFilesByPublicationTimeThenPathWithUndatedOnesLast() throws IOException {
        Path evening = article("a-2026-10-01-evening.md", "2026-10-01T20:30:00Z");
        Path undated = article("b-undated.md", null);
        Path morning = article("c-2026-10-01-morning.md", "2026-10-01T08:00:00Z");
        Path alsoMorning = article("d-2026-10-01-morning.md", "2026-10-01T08:00:00Z");
        Path dayBefore = article("e-2026-09-30.md", "2026-09-30T12:00:00Z");

        List<Path> ordered = IngestionService.inPublicationOrder(ArticleFiles.listArticles(List.of(dir)), new ArticleFiles());

        assertThat(ordered).containsExactly(dayBefore, morning, alsoMorning, evening, undated);
    }
}

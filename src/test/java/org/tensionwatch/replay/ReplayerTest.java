package org.tensionwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensionwatch.ingest.NewArticle;

class ReplayerTest {

    @TempDir
    Path dir;

    private final ArticleArchive archive = new ArticleArchive(1 << 20);
    private final List<Duration> waits = new ArrayList<>();

    private Replayer replayer(ArticleSink sink, Checkpoint checkpoint, Double speed) {
        return new Replayer(archive, sink, checkpoint, new Pacer(speed, Clock.systemUTC()), waits::add,
                Clock.systemUTC(), Duration.ofSeconds(1));
    }

    private static Progress quiet(int done) {
        return new Progress(new PrintStream(new ByteArrayOutputStream()), Progress.Style.NONE, Clock.systemUTC(),
                Duration.ofSeconds(5), 0, done);
    }

    @Test
    void shouldResumeAnInterruptedReplayWithoutLosingOrRepeatingAnArticle() throws Exception {
        ReplayPlan plan = ReplayPlan.of(archive.scan(ReplayFixtures.jsonLines(dir, 12)).entries(), null, null);
        Checkpoint checkpoint = new Checkpoint(dir.resolve("replay.checkpoint"));
        ReplayFixtures.RecordingSink sink = new ReplayFixtures.RecordingSink();
        AtomicInteger asked = new AtomicInteger();

        Replayer.Outcome first = replayer(sink, checkpoint, null).run(plan, () -> asked.incrementAndGet() > 5, ReplayerTest::quiet, w -> { });
        Replayer.Outcome second = replayer(sink, checkpoint, null).run(plan, () -> false, ReplayerTest::quiet, w -> { });

        assertThat(first.stopped()).isTrue();
        assertThat(first.published()).isEqualTo(5);
        assertThat(second.resumedFrom()).isEqualTo(5);
        assertThat(second.published()).isEqualTo(12);
        assertThat(sink.stored).extracting(NewArticle::id)
                .containsExactly(IntStream.range(0, 12).mapToObj(ReplayFixtures::idOf).toArray(String[]::new));
    }

    @Test
    void shouldRefuseACheckpointWrittenForAnotherDateRange() throws Exception {
        List<ArchiveEntry> entries = archive.scan(ReplayFixtures.jsonLines(dir, 12)).entries();
        Checkpoint checkpoint = new Checkpoint(dir.resolve("replay.checkpoint"));
        replayer(new ReplayFixtures.RecordingSink(), checkpoint, null)
                .run(ReplayPlan.of(entries, null, null), () -> false, ReplayerTest::quiet, w -> { });

        ReplayPlan september2 = ReplayPlan.of(entries, LocalDate.parse("2026-09-02"), null);

        assertThatThrownBy(() -> replayer(new ReplayFixtures.RecordingSink(), checkpoint, null)
                .run(september2, () -> false, ReplayerTest::quiet, w -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--restart");
    }

    @Test
    void shouldWaitBetweenArticlesInProportionToTheirPublicationGapsWhenPaced() throws Exception {
        ReplayPlan plan = ReplayPlan.of(archive.scan(ReplayFixtures.jsonLines(dir, 4)).entries(), null, null);
        ReplayFixtures.RecordingSink sink = new ReplayFixtures.RecordingSink();

        // six hours between articles at 21,600x: about a second each
        replayer(sink, new Checkpoint(dir.resolve("paced.checkpoint")), 21_600.0)
                .run(plan, () -> false, ReplayerTest::quiet, w -> { });

        assertThat(sink.stored).hasSize(4);
        assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(1), Duration.ofSeconds(3)));
    }

    @Test
    void shouldSkipAnArticleFileRemovedAfterTheScanAndPublishTheRest() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(tree.resolve("a" + i + ".md"), "---\npublished: 2026-10-0" + i + "\n---\nStrike day " + i + "\nWorkers stayed out.\n");
        }
        ReplayPlan plan = ReplayPlan.of(archive.scan(tree).entries(), null, null);
        Files.delete(tree.resolve("a2.md"));
        ReplayFixtures.RecordingSink sink = new ReplayFixtures.RecordingSink();
        List<String> warnings = new ArrayList<>();

        Replayer.Outcome outcome = replayer(sink, new Checkpoint(dir.resolve("tree.checkpoint")), null)
                .run(plan, () -> false, ReplayerTest::quiet, warnings::add);

        assertThat(sink.stored).extracting(NewArticle::title).containsExactly("Strike day 1", "Strike day 3");
        assertThat(outcome.unreadable()).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("a2.md");
    }
}

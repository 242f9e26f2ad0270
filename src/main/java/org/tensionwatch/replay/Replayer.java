package org.tensionwatch.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.tensionwatch.ingest.NewArticle;

/**
 * Publishes a plan's articles in order, paced, from where an earlier run stopped. After every flush (every
 * {@code checkpointEvery} of wall time, and at the end or on a stop request) the count acknowledged is checkpointed,
 * so a stopped replay resumes without sending an article twice. After a crash (no final flush), the articles sent
 * since the last checkpoint are sent again; they carry the same ids, so the pipeline counts them once.
 */
public final class Replayer {

    /** Waits for the given time (a real sleep in the command, nothing in tests). */
    public interface Waiter {
        void await(Duration duration) throws InterruptedException;
    }

    /** How a run ended. */
    public record Outcome(int published, int total, int resumedFrom, int unreadable, boolean stopped) {
    }

    private final ArticleArchive archive;
    private final ArticleSink sink;
    private final Checkpoint checkpoint;
    private final Pacer pacer;
    private final Waiter waiter;
    private final Clock clock;
    private final Duration checkpointEvery;

    public Replayer(ArticleArchive archive, ArticleSink sink, Checkpoint checkpoint, Pacer pacer, Waiter waiter,
            Clock clock, Duration checkpointEvery) {
        this.archive = Objects.requireNonNull(archive, "archive == null");
        this.sink = Objects.requireNonNull(sink, "sink == null");
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint == null");
        this.pacer = Objects.requireNonNull(pacer, "pacer == null");
        this.waiter = Objects.requireNonNull(waiter, "waiter == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.checkpointEvery = Objects.requireNonNull(checkpointEvery, "checkpointEvery == null");
    }

    /**
     * Replays the plan from its checkpoint until done or until {@code stopRequested} says so (checked before every
     * article), reporting to {@code progress}.
     */
    public Outcome run(ReplayPlan plan, BooleanSupplier stopRequested, IntFunction<Progress> progressFor,
            Consumer<String> warnings) throws InterruptedException {
        int resumedFrom = checkpoint.publishedSoFar(plan);
        Progress progress = progressFor.apply(resumedFrom);
        int sent = resumedFrom;
        int unreadable = 0;
        Instant lastCheckpoint = clock.instant();
        boolean stopped = false;
        try {
            while (sent < plan.size()) {
                if (stopRequested.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                ArchiveEntry entry = plan.entries().get(sent);
                Duration wait = pacer.waitBefore(entry.publishedAt());
                if (!wait.isZero()) {
                    sink.flush();
                    checkpoint.save(plan, sent);
                    waiter.await(wait);
                }
                NewArticle article;
                try {
                    article = archive.load(entry);
                } catch (RuntimeException e) {
                    // changed or removed since the scan: say so and go on with the rest
                    warnings.accept("skipped " + entry.origin() + ": " + e.getMessage());
                    unreadable++;
                    sent++;
                    continue;
                }
                sink.send(article);
                sent++;
                progress.update(sent);
                if (Duration.between(lastCheckpoint, clock.instant()).compareTo(checkpointEvery) >= 0) {
                    sink.flush();
                    checkpoint.save(plan, sent);
                    lastCheckpoint = clock.instant();
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            // record what the broker has, if it still answers, then fail
            try {
                sink.flush();
                checkpoint.save(plan, sent);
            } catch (RuntimeException flushFailed) {
                e.addSuppressed(flushFailed);
            }
            throw e;
        }
        sink.flush();
        checkpoint.save(plan, sent);
        progress.finish(sent);
        return new Outcome(sent, plan.size(), resumedFrom, unreadable, stopped);
    }
}

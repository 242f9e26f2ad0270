package org.tensionwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.tensionwatch.ingest.ArticleFiles;
import org.tensionwatch.avro.Article;
import org.tensionwatch.kafka.KafkaArticleSink;
import org.tensionwatch.kafka.Topic;
import org.tensionwatch.kafka.TopicCreator;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.replay.ArticleArchive;
import org.tensionwatch.replay.Checkpoint;
import org.tensionwatch.replay.Pacer;
import org.tensionwatch.replay.Progress;
import org.tensionwatch.replay.ReplayPlan;
import org.tensionwatch.replay.Replayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code replay} command: publishes an archive of articles to the articles topic in publication order, paced or
 * as fast as the broker takes them, resuming where an interrupted run stopped.
 */
@Command(name = "replay", synopsisHeading = "usage: ", sortOptions = false,
        description = "publish an archive of articles in publication order, paced, resumable",
        footer = "exit code 0 when done, 1 when it failed or was interrupted (run it again to resume), 2 on bad usage")
public final class ReplayCommand implements Cli.Command {

    @Mixin
    private Cli.Help help;

    @Parameters(paramLabel = "ARCHIVE",
            description = "a directory tree of article files, or a .jsonl file (one POST /api/articles body a line)")
    private List<String> archives = new ArrayList<>();

    @Mixin
    private Cli.KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "NAME", description = "the articles topic (default tension.articles)")
    private String topicName;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Cli.Day.class,
            description = "first publication day to replay (inclusive)")
    private LocalDate fromDay;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Cli.Day.class,
            description = "last publication day to replay (inclusive)")
    private LocalDate toDay;

    @Option(names = "--speed", paramLabel = "X", converter = Speed.class,
            description = "X times real time, e.g. 3600 = an hour of news a second (default: as fast as possible)")
    private Double speedFactor;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "where progress is kept (default data/replay/ARCHIVE-NAME-HASH.checkpoint)")
    private Path checkpointOption;

    @Option(names = "--restart", description = "ignore the checkpoint and replay from the first article")
    private boolean restartOption;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none",
            description = "how progress is shown (auto: a bar on a terminal, lines otherwise)")
    private String progressOption = "auto";

    @Option(names = "--max-file-bytes", paramLabel = "N", converter = Cli.WholeNumber.class,
            description = "skip article files or lines larger than this (default 1048576)")
    private long maxFileBytesOption = ArticleFiles.DEFAULT_MAX_BYTES;

    /** A finite number above 0. */
    static final class Speed implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double speed = Double.parseDouble(value);
                if (speed > 0 && !Double.isInfinite(speed)) {
                    return speed;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw Cli.problem(" must be a number above 0, not " + value);
        }
    }

    /** Runs the command; 0 when done, 1 when it failed or was interrupted, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return Cli.run(this, args, out, err);
    }

    @Override
    public int call(PrintStream out, PrintStream err) throws Cli.UsageException {
        if (archives.isEmpty()) {
            throw new Cli.UsageException("no archive given");
        }
        if (archives.size() > 1) {
            throw new Cli.UsageException("one archive at a time; got " + String.join(" and ", archives));
        }
        Path archivePath = Path.of(archives.get(0));
        org.tensionwatch.kafka.KafkaConnection bootstrap = kafka.connection();
        String topic = topicName != null ? topicName : Topics.Names.DEFAULTS.articles();
        LocalDate from = fromDay;
        LocalDate to = toDay;
        Double speed = speedFactor;
        Path checkpointFile = checkpointOption;
        boolean restart = restartOption;
        String progressStyle = progressOption;
        if (!List.of("auto", "bar", "lines", "none").contains(progressStyle)) {
            throw new Cli.UsageException("--progress takes auto, bar, lines or none, not " + progressStyle);
        }
        long maxFileBytes = Cli.atLeast("--max-file-bytes", maxFileBytesOption, 1, "byte");
        if (from != null && to != null && to.isBefore(from)) {
            throw new Cli.UsageException("--to " + to + " is before --from " + from);
        }

        ArticleArchive archive = new ArticleArchive(maxFileBytes);
        ArticleArchive.Scan scan;
        try {
            scan = archive.scan(archivePath);
        } catch (IOException e) {
            err.println("replay: cannot read the archive: " + e.getMessage());
            return 1;
        }
        scan.skipped().forEach(s -> err.println("replay: skipped " + s.origin() + ": " + s.reason()));
        ReplayPlan plan = ReplayPlan.of(scan.entries(), from, to);
        Checkpoint checkpoint = new Checkpoint(checkpointFile != null ? checkpointFile : defaultCheckpoint(archivePath, from, to));
        if (restart) {
            checkpoint.delete();
        }
        out.printf("replay: %,d articles in %s (%,d skipped), %,d to publish between %s and %s, to %s on %s%n",
                scan.entries().size() + scan.skipped().size(), archivePath, scan.skipped().size(), plan.size(),
                from == null ? "the first" : from, to == null ? "the last" : to, topic, bootstrap);

        Progress.Style style = switch (progressStyle) {
            case "bar" -> Progress.Style.BAR;
            case "lines" -> Progress.Style.LINES;
            case "none" -> Progress.Style.NONE;
            default -> System.console() != null ? Progress.Style.BAR : Progress.Style.LINES;
        };
        Clock clock = Clock.systemUTC();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            stop.set(true);
            try {
                // let the replay flush and write its checkpoint before the JVM goes
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "replay-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            Topics defaults = Topics.defaults();
            Topic<String, Article> articles = new Topic<>(topic, defaults.articles().keySerde(), defaults.articles().valueSerde());
            // on a cluster the service has not set up yet, the topic as the service would create it
            TopicCreator.createMissing(bootstrap, Map.of(topic, defaults.creationConfigs().get(defaults.articles().name())),
                    3, (short) 1);
            try (KafkaArticleSink sink = new KafkaArticleSink(bootstrap, articles, clock)) {
                Replayer replayer = new Replayer(archive, sink, checkpoint, new Pacer(speed, clock),
                        d -> LockSupport.parkNanos(d.toNanos()), clock, Duration.ofSeconds(1));
                Replayer.Outcome outcome = replayer.run(plan, stop::get,
                        done -> {
                            if (done > 0) {
                                out.printf("replay: resuming after %,d articles published by an earlier run (checkpoint %s)%n",
                                        done, checkpoint.file());
                            }
                            return new Progress(out, style, clock, Duration.ofSeconds(5), plan.size(), done);
                        },
                        warning -> err.println("replay: " + warning));
                if (outcome.stopped()) {
                    out.printf("replay: stopped after %,d of %,d; run the same command again to resume (checkpoint %s)%n",
                            outcome.published(), outcome.total(), checkpoint.file());
                    return 1;
                }
                out.printf("replay: done, %,d of %,d articles published%s%n", outcome.published() - outcome.unreadable(),
                        outcome.total(), outcome.unreadable() > 0 ? ", " + outcome.unreadable() + " unreadable" : "");
                return 0;
            }
        } catch (IllegalStateException e) {
            err.println("replay: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("replay: interrupted");
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the countDown above
            }
        }
    }

    /** One checkpoint per archive and date range, so replays of different archives don't share progress. */
    static Path defaultCheckpoint(Path archive, LocalDate from, LocalDate to) {
        String identity = archive.toAbsolutePath().normalize() + "|" + from + "|" + to;
        Path fileName = archive.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? null : fileName.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return Path.of("data", "replay", (name == null ? "archive" : name) + "-" + HexFormat.of().formatHex(digest, 0, 6)
                    + ".checkpoint");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

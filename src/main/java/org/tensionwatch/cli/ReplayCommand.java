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
import java.util.Set;
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

/**
 * The {@code replay} command: publishes an archive of articles to the articles topic in publication order, paced or
 * as fast as the broker takes them, resuming where an interrupted run stopped.
 */
public final class ReplayCommand {

    static final String USAGE = """
            usage: replay [options] ARCHIVE
              ARCHIVE                  a directory tree of article files, or a .jsonl file (one POST /api/articles body a line)
              --bootstrap-servers H:P  the Kafka cluster (default localhost:9092, the service's embedded broker)
              --kafka-config FILE      Kafka client settings of a secured cluster (security.protocol, sasl.*, ssl.*)
              --topic NAME             the articles topic (default tension.articles)
              --from YYYY-MM-DD        first publication day to replay (inclusive)
              --to YYYY-MM-DD          last publication day to replay (inclusive)
              --speed X                X times real time, e.g. 3600 = an hour of news a second (default: as fast as possible)
              --checkpoint FILE        where progress is kept (default data/replay/ARCHIVE-NAME-HASH.checkpoint)
              --restart                ignore the checkpoint and replay from the first article
              --progress auto|bar|lines|none   how progress is shown (auto: a bar on a terminal, lines otherwise)
              --max-file-bytes N       skip article files or lines larger than this (default 1048576)""";

    private static final Set<String> VALUED = Set.of("--bootstrap-servers", "--topic", "--from", "--to", "--speed",
            "--checkpoint", "--progress", "--max-file-bytes");

    /** The speed, or NaN when it is not a finite number above 0. */
    private static double positiveSpeed(String value) {
        try {
            double speed = Double.parseDouble(value);
            return speed > 0 && !Double.isInfinite(speed) ? speed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Runs the command; 0 when done, 1 when it failed or was interrupted, 2 on bad usage. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        org.tensionwatch.kafka.KafkaConnection bootstrap;
        String topic;
        LocalDate from;
        LocalDate to;
        Double speed;
        Path checkpointFile;
        boolean restart;
        String progressStyle;
        long maxFileBytes;
        Path archivePath;
        try {
            CommandOptions options = CommandOptions.parse(args, CommandOptions.withKafkaOptions(VALUED), Set.of("--restart"), true);
            if (options.help()) {
                out.println(USAGE);
                return 0;
            }
            List<String> archives = options.positional();
            if (archives.isEmpty()) {
                return usage(err, "no archive given");
            }
            if (archives.size() > 1) {
                return usage(err, "one archive at a time; got " + String.join(" and ", archives));
            }
            archivePath = Path.of(archives.get(0));
            bootstrap = options.kafka();
            topic = options.string("--topic", Topics.Names.DEFAULTS.articles());
            from = options.date("--from");
            to = options.date("--to");
            String speedOption = options.string("--speed", null);
            speed = speedOption == null ? null : positiveSpeed(speedOption);
            if (speed != null && speed.isNaN()) {
                return usage(err, "--speed must be a number above 0, not " + speedOption);
            }
            String checkpoint = options.string("--checkpoint", null);
            checkpointFile = checkpoint == null ? null : Path.of(checkpoint);
            restart = options.flag("--restart");
            progressStyle = options.string("--progress", "auto");
            if (!List.of("auto", "bar", "lines", "none").contains(progressStyle)) {
                return usage(err, "--progress takes auto, bar, lines or none, not " + progressStyle);
            }
            maxFileBytes = options.wholeNumber("--max-file-bytes", ArticleFiles.DEFAULT_MAX_BYTES, 1, "byte");
        } catch (CommandOptions.UsageException e) {
            return usage(err, e.getMessage());
        }
        if (from != null && to != null && to.isBefore(from)) {
            return usage(err, "--to " + to + " is before --from " + from);
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

    private static int usage(PrintStream err, String problem) {
        err.println("replay: " + problem);
        err.println(USAGE);
        return 2;
    }
}

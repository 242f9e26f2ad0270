package org.tensionwatch.tools.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tensionwatch.feeds.FeedDefinition;
import org.tensionwatch.feeds.FeedFetcher;
import org.tensionwatch.feeds.FeedPoller;
import org.tensionwatch.feeds.FeedState;
import org.tensionwatch.feeds.HostRateLimiter;
import org.tensionwatch.ingest.ArticleLanguage;

/**
 * The {@code bench-feeds} command: what one feed poll costs. A local HTTP server serves N generated RSS feeds of I
 * items each; the poller (as the service runs it, with the language check of every new item, without Kafka) reads
 * every feed three times: a first read (every item new), a read answered 304 thanks to the ETag, and a read of a feed
 * that gives no ETag (whole body fetched and parsed, every item seen). Prints wall time and process CPU per poll of
 * each kind (the CPU includes the local server's, so it is an upper bound), and how many feeds polled every five
 * minutes one instance follows with a tenth of one core.
 */
public final class FeedsBenchmark {

    static final String USAGE = "usage: bench-feeds [--feeds N (200)] [--items I (30)] [--threads T (4)] [--runs R (3)]";

    private FeedsBenchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int feeds = 200;
        int items = 30;
        int threads = 4;
        int runs = 3;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.size()) {
                err.println(a + " needs a value\n" + USAGE);
                return 2;
            }
            try {
                int value = Integer.parseInt(args.get(++i));
                switch (a) {
                    case "--feeds" -> feeds = value;
                    case "--items" -> items = value;
                    case "--threads" -> threads = value;
                    case "--runs" -> runs = value;
                    default -> {
                        err.println("unknown argument " + a + "\n" + USAGE);
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                err.println(a + " needs a number\n" + USAGE);
                return 2;
            }
        }
        if (feeds < 1 || items < 1 || threads < 1 || runs < 1) {
            err.println("every count must be at least 1\n" + USAGE);
            return 2;
        }
        try {
            measure(feeds, items, threads, runs, out);
            return 0;
        } catch (Exception e) {
            err.println("bench-feeds failed: " + e);
            return 1;
        }
    }

    private record Phase(String name, double wallMsPerPoll, double cpuMsPerPoll) {
    }

    private static void measure(int feedCount, int items, int threads, int runs, PrintStream out) throws Exception {
        ArticleLanguage languages = ArticleLanguage.load();
        AtomicLong taken = new AtomicLong();
        try (LocalFeedServer server = LocalFeedServer.start()) {
            for (int f = 0; f < feedCount; f++) {
                String rss = rss(f, items);
                server.document("/etag/" + f + ".xml", "application/rss+xml; charset=utf-8", rss);
                byte[] bytes = rss.getBytes(StandardCharsets.UTF_8);
                server.route("/plain/" + f + ".xml", ex -> LocalFeedServer.send(ex, 200, "application/rss+xml", bytes));
            }
            FeedPoller poller = new FeedPoller(
                    new FeedFetcher(Duration.ofSeconds(10), Duration.ofSeconds(30), 5_000_000),
                    new FeedFetcher(Duration.ofSeconds(10), Duration.ofSeconds(30), 2_000_000),
                    new HostRateLimiter(Duration.ZERO), Clock.systemUTC(), article -> {
                        if (!languages.detect(article.title(), article.body()).english()) {
                            throw new IllegalStateException("a generated item was not taken as English");
                        }
                        taken.incrementAndGet();
                    }, 2_000);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                out.printf(Locale.ROOT, "bench-feeds: %d feeds of %d items, %d threads, %d runs, %d cores%n", feedCount,
                        items, threads, runs, Runtime.getRuntime().availableProcessors());
                List<Phase[]> results = new ArrayList<>();
                for (int run = 0; run <= runs; run++) {
                    List<FeedDefinition> etag = new ArrayList<>();
                    List<FeedDefinition> plain = new ArrayList<>();
                    for (int f = 0; f < feedCount; f++) {
                        etag.add(new FeedDefinition("etag-" + run + "-" + f, server.uri("/etag/" + f + ".xml"), "Outlet " + f,
                                Duration.ofMinutes(5), false));
                        plain.add(new FeedDefinition("plain-" + run + "-" + f, server.uri("/plain/" + f + ".xml"),
                                "Outlet " + f, Duration.ofMinutes(5), false));
                    }
                    FeedState[] etagStates = initial(feedCount);
                    FeedState[] plainStates = initial(feedCount);
                    Phase first = phase("first read, all items new", pool, poller, etag, etagStates);
                    Phase notModified = phase("304 not modified", pool, poller, etag, etagStates);
                    phase("(warm the plain feeds)", pool, poller, plain, plainStates);
                    Phase unchanged = phase("200, all items seen", pool, poller, plain, plainStates);
                    if (run > 0) {
                        results.add(new Phase[] {first, notModified, unchanged});
                        out.printf(Locale.ROOT, "run %d: first %.2f ms wall / %.2f ms CPU per poll; 304 %.2f / %.2f; "
                                + "unchanged %.2f / %.2f%n", run, first.wallMsPerPoll(), first.cpuMsPerPoll(),
                                notModified.wallMsPerPoll(), notModified.cpuMsPerPoll(), unchanged.wallMsPerPoll(),
                                unchanged.cpuMsPerPoll());
                    } else {
                        out.println("warm-up done");
                    }
                }
                double firstCpu = median(results, 0);
                double notModifiedCpu = median(results, 1);
                double unchangedCpu = median(results, 2);
                out.printf(Locale.ROOT, "median CPU per poll: first read %.2f ms (%.2f ms per new item), 304 %.2f ms, "
                        + "unchanged 200 %.2f ms%n", firstCpu, firstCpu / items, notModifiedCpu, unchangedCpu);
                double budgetMsPerFiveMinutes = 0.1 * 300_000;
                out.printf(Locale.ROOT, "feeds polled every 5 minutes within a tenth of one core: %.0f answering 200 "
                        + "with nothing new, %.0f answering 304%n", budgetMsPerFiveMinutes / unchangedCpu,
                        budgetMsPerFiveMinutes / notModifiedCpu);
                out.printf(Locale.ROOT, "items taken: %d%n", taken.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static FeedState[] initial(int n) {
        FeedState[] states = new FeedState[n];
        for (int i = 0; i < n; i++) {
            states[i] = FeedState.initial(Instant.now());
        }
        return states;
    }

    private static Phase phase(String name, ExecutorService pool, FeedPoller poller, List<FeedDefinition> feeds,
            FeedState[] states) throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            int index = i;
            done.add(pool.submit(() -> {
                states[index] = poller.poll(feeds.get(index), states[index]);
                if (states[index].consecutiveErrors() > 0) {
                    throw new IllegalStateException(feeds.get(index).url() + ": " + states[index].lastError());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double wall = (System.nanoTime() - wall0) / 1e6;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        return new Phase(name, wall / feeds.size(), cpu / feeds.size());
    }

    private static double median(List<Phase[]> results, int index) {
        List<Double> values = new ArrayList<>(results.stream().map(r -> r[index].cpuMsPerPoll()).sorted().toList());
        return values.get(values.size() / 2);
    }

    private static final String[] PLACES = {"Tbilisi", "Batumi", "Yerevan", "Gyumri", "Chisinau", "La Paz", "Nairobi",
            "Lima", "Pristina", "Belgrade"};

    /** A feed of generated English items with distinct links, about 600 characters of summary each. */
    static String rss(int feed, int items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Outlet " + feed + "</title><link>https://outlet" + feed + ".example.org/</link><description>News</description>\n");
        for (int i = 0; i < items; i++) {
            String place = PLACES[(feed + i) % PLACES.length];
            int day = 1 + (i % 28);
            s.append("<item><title>Police detain ").append(10 + i).append(" protesters in ").append(place)
                    .append("</title><link>https://outlet").append(feed).append(".example.org/2026/10/").append(i)
                    .append("</link><pubDate>").append(String.format(Locale.ROOT, "Thu, %02d Oct 2026 09:00:00 GMT", day))
                    .append("</pubDate><description><![CDATA[<p>Police in ").append(place).append(" arrested ").append(10 + i)
                    .append(" protesters on Tuesday after demonstrators tried to block the main avenue outside the "
                            + "city hall, a police spokesman said. Several officers were hurt in scuffles near the "
                            + "square, and the organisers said they would march again at the weekend.</p><p>The "
                            + "interior ministry said the protest had not been authorised and that those detained "
                            + "would appear before a judge on Wednesday. Opposition leaders condemned the arrests.</p>]]>"
                            + "</description></item>\n");
        }
        return s.append("</channel></rss>\n").toString();
    }
}

package org.tensionwatch.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.CanonicalEventReport;
import org.tensionwatch.extraction.RuleBasedExtractor;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.streams.AlertStoreNames;

/**
 * {@code bench-latency}: news to alert on the Server-Sent Events stream, on the packaged service. Starts the service
 * (or uses a running one), subscribes to {@code /api/stream/alerts}, posts a steady background of articles that raise
 * no alert and, periodically, an article about deaths in a region of its own, which raises a {@code fatalities}
 * alert; for each of those it times the post and every hop the article takes, as a {@code read_committed} consumer
 * of each topic sees it (what a downstream application sees): the article's first event on the events topic
 * (extraction), its fatality's canonical event (indicators: merge and commit), the change on the alerts
 * application's by-region repartition topic (its first sub-topology's commit), the alert on the alerts topic (the
 * evaluation and its commit), and the alert on the SSE stream. All times are read on this process's monotonic clock.
 */
public final class LatencyBenchmark {

    static final String USAGE = """
            usage: bench-latency [--alerts N (100)] [--alert-every SECONDS (3)] [--background-per-second R (1)]
                                 [--warm-up SECONDS (20)] [--timeout SECONDS (30)]
                                 [--jar PATH (target/quarkus-app/quarkus-run.jar)] [--service-opt OPTION]...
                                 [--url URL --bootstrap-servers HOST:PORT] [--application-id ID (tension-watch)]
              --alerts                 alert articles to post, each about deaths in a region of its own (at most one
                                       per capital the extractor reads, about 150)
              --alert-every            seconds between two alert articles
              --background-per-second  background articles a second (rallies and statements: no alert)
              --warm-up                seconds of background only before the first alert article
              --timeout                how long to wait for an alert on the SSE stream before counting it missed
              --jar                    the packaged service to start, on a fresh data directory and free ports,
                                       with -Xmx1g, no samples
              --service-opt            a JVM option for the started service, e.g. --service-opt
                                       -Dtension.streams.commit-interval=1s (repeatable)
              --url, --bootstrap-servers  use a running service and its Kafka cluster instead (regions used by the
                                       run must have no open fatalities alert, so a fresh service is best)
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hops of an alert article, in the order it takes them. */
    enum Hop {
        POSTED("post -> 202 Accepted"),
        EVENTS("202 -> tension.events (extraction: process, commit)"),
        CANONICAL("events -> tension.canonical-events (indicators: merge wait, commit)"),
        BY_REGION("canonical -> alerts by-region repartition (alerts: first commit)"),
        ALERT("repartition -> tension.alerts (alerts: evaluate, second commit)"),
        SSE("tension.alerts -> SSE event (live subscription)");

        final String label;

        Hop(String label) {
            this.label = label;
        }
    }

    /** When (System.nanoTime) an alert article was posted, answered, and seen at each hop; 0 = not yet. */
    static final class Timing {
        final int n;
        final String region;
        final long postedNanos;
        volatile String articleId;
        final long[] at = new long[Hop.values().length];

        Timing(int n, String region, long postedNanos) {
            this.n = n;
            this.region = region;
            this.postedNanos = postedNanos;
        }

        synchronized void seen(Hop hop, long nanos) {
            if (at[hop.ordinal()] == 0) {
                at[hop.ordinal()] = nanos;
            }
        }

        synchronized boolean complete() {
            for (long t : at) {
                if (t == 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Milliseconds from the previous hop (the post for the first) to this one, or NaN if either is missing. The
         * last hop can be slightly negative: the service's live subscription may read the alert before this
         * benchmark's own consumer of the alerts topic does.
         */
        synchronized double hopMs(Hop hop) {
            long from = hop.ordinal() == 0 ? postedNanos : at[hop.ordinal() - 1];
            long to = at[hop.ordinal()];
            return from == 0 || to == 0 ? Double.NaN : (to - from) / 1e6;
        }

        synchronized double totalMs() {
            long sse = at[Hop.SSE.ordinal()];
            return sse == 0 ? Double.NaN : (sse - postedNanos) / 1e6;
        }
    }

    private LatencyBenchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int alerts = 100;
        double alertEvery = 3;
        double backgroundPerSecond = 1;
        int warmUp = 20;
        int timeout = 30;
        String jar = "target/quarkus-app/quarkus-run.jar";
        List<String> serviceOpts = new ArrayList<>();
        String url = null;
        String bootstrap = null;
        String applicationId = "tension-watch";
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--alerts" -> alerts = Integer.parseInt(v);
                    case "--alert-every" -> alertEvery = Double.parseDouble(v);
                    case "--background-per-second" -> backgroundPerSecond = Double.parseDouble(v);
                    case "--warm-up" -> warmUp = Integer.parseInt(v);
                    case "--timeout" -> timeout = Integer.parseInt(v);
                    case "--jar" -> jar = v;
                    case "--service-opt" -> serviceOpts.add(v);
                    case "--url" -> url = v.replaceAll("/+$", "");
                    case "--bootstrap-servers" -> bootstrap = v;
                    case "--application-id" -> applicationId = v;
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            if (alerts < 1 || alertEvery <= 0 || backgroundPerSecond < 0 || warmUp < 0 || timeout < 1) {
                throw new IllegalArgumentException("--alerts, --alert-every and --timeout must be positive, "
                        + "--background-per-second and --warm-up not negative");
            }
            if ((url == null) != (bootstrap == null)) {
                throw new IllegalArgumentException("--url and --bootstrap-servers go together");
            }
        } catch (IllegalArgumentException e) {
            err.println("bench-latency: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        LatencyArticles articles = LatencyArticles.of(new RuleBasedExtractor(), 8, runId);
        if (alerts > articles.alertRegions()) {
            err.printf("bench-latency: --alerts %d: only %d regions for alert articles%n", alerts, articles.alertRegions());
            return 2;
        }
        Service service = null;
        try {
            if (url == null) {
                service = Service.start(Path.of(jar), serviceOpts, out);
                url = service.url;
                bootstrap = service.bootstrap;
            }
            return measure(articles, alerts, alertEvery, backgroundPerSecond, warmUp, timeout, url, bootstrap,
                    applicationId, service, out);
        } catch (IOException | RuntimeException e) {
            err.println("bench-latency: " + e);
            if (service != null) {
                err.println("the service's log: " + service.log);
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    private static int measure(LatencyArticles articles, int alerts, double alertEvery, double backgroundPerSecond,
            int warmUp, int timeout, String url, String bootstrap, String applicationId, Service service, PrintStream out)
            throws IOException, InterruptedException {
        Topics topics = Topics.defaults();
        String byRegion = applicationId + "-alerts-v2-" + AlertStoreNames.CANONICAL_BY_REGION + "-repartition";
        Map<String, Timing> byRegionTiming = new ConcurrentHashMap<>();
        Map<String, Timing> byArticle = new ConcurrentHashMap<>();
        Map<String, Long> backgroundPosted = new ConcurrentHashMap<>();
        List<Double> backgroundToEvents = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> backgroundToCanonical = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> backgroundEventsSeen = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String loadAtStart = loadAverage();

        // the hops, as read_committed consumers downstream see them
        Thread watcher = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-latency-hops");
            var canonicalValues = topics.canonicalEvents().valueSerde().deserializer();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(topics.events().name(), topics.canonicalEvents().name(), byRegion,
                        topics.alerts().name())) {
                    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
                    if (infos != null) {
                        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                synchronized (stop) {
                    stop.notifyAll();
                }
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        String key = r.key() == null ? "" : r.key();
                        if (r.topic().equals(topics.events().name())) {
                            String articleId = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
                            Timing t = byArticle.get(articleId);
                            if (t != null) {
                                t.seen(Hop.EVENTS, now);
                            }
                            Long posted = backgroundPosted.get(articleId);
                            if (posted != null && backgroundEventsSeen.putIfAbsent(articleId, now) == null) {
                                backgroundToEvents.add((now - posted) / 1e6);
                            }
                        } else if (r.topic().equals(topics.canonicalEvents().name())) {
                            Timing t = byRegionTiming.get(regionOf(key));
                            if (t != null && key.startsWith(t.region + "|FATALITY|")) {
                                t.seen(Hop.CANONICAL, now);
                            }
                            if (r.value() != null && !backgroundPosted.isEmpty()) {
                                CanonicalEvent event = canonicalValues.deserialize(r.topic(), r.value());
                                for (CanonicalEventReport report : event.getReports()) {
                                    Long posted = backgroundPosted.remove(report.getArticleId());
                                    if (posted != null) {
                                        backgroundToCanonical.add((now - posted) / 1e6);
                                    }
                                }
                            }
                        } else if (r.topic().equals(byRegion)) {
                            Timing t = byRegionTiming.get(key);
                            if (t != null && t.at[Hop.CANONICAL.ordinal()] != 0) {
                                t.seen(Hop.BY_REGION, now);
                            }
                        } else {
                            String[] id = key.split("\\|");
                            Timing t = id.length == 3 && id[0].equals("fatalities") ? byRegionTiming.get(id[1]) : null;
                            if (t != null) {
                                t.seen(Hop.ALERT, now);
                            }
                        }
                    }
                }
            }
        }, "bench-latency-hops");
        watcher.setDaemon(true);
        synchronized (stop) {
            watcher.start();
            stop.wait(TimeUnit.SECONDS.toMillis(30));
        }

        // the live subscription, as a dashboard has it
        AtomicBoolean subscribed = new AtomicBoolean();
        HttpRequest sseRequest = HttpRequest.newBuilder(URI.create(url + "/api/stream/alerts"))
                .header("Accept", "text/event-stream").build();
        var sse = http.sendAsync(sseRequest, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.startsWith(":") || line.startsWith("id:")) {
                        subscribed.set(true);
                    } else if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        try {
                            JsonNode alert = JSON.readTree(line.substring(5).trim());
                            Timing t = byRegionTiming.get(alert.path("region").asText());
                            if (t != null && "fatalities".equals(alert.path("ruleId").asText())) {
                                t.seen(Hop.SSE, now);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
        });
        long subscribeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!subscribed.get()) {
            if (System.nanoTime() > subscribeDeadline || sse.isCompletedExceptionally()) {
                throw new IllegalStateException("no answer from " + url + "/api/stream/alerts");
            }
            Thread.sleep(50);
        }

        out.printf("bench-latency: %s, %s; %d alert articles every %.1f s after %d s of background at %.1f articles/s;"
                + " load %s at start%n", url, bootstrap, alerts, alertEvery, warmUp, backgroundPerSecond, loadAtStart);
        ScheduledExecutorService posters = Executors.newScheduledThreadPool(2);
        AtomicInteger backgroundCount = new AtomicInteger();
        AtomicLong postErrors = new AtomicLong();
        String postUrl = url + "/api/articles";
        if (backgroundPerSecond > 0) {
            posters.scheduleAtFixedRate(() -> {
                int n = backgroundCount.getAndIncrement();
                LatencyArticles.Article a = articles.background(n, Instant.now());
                long posted = System.nanoTime();
                String id = post(http, postUrl, a, postErrors);
                if (id != null) {
                    backgroundPosted.put(id, posted);
                }
            }, 0, Math.round(1e6 / backgroundPerSecond), TimeUnit.MICROSECONDS);
        }
        List<Timing> timings = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger alertCount = new AtomicInteger();
        posters.scheduleAtFixedRate(() -> {
            int n = alertCount.getAndIncrement();
            if (n >= alerts) {
                return;
            }
            LatencyArticles.Article a = articles.alert(n, Instant.now());
            Timing t = new Timing(n, a.region(), System.nanoTime());
            byRegionTiming.put(a.region(), t);
            timings.add(t);
            String id = post(http, postUrl, a, postErrors);
            t.seen(Hop.POSTED, System.nanoTime());
            if (id != null) {
                t.articleId = id;
                byArticle.put(id, t);
            }
        }, TimeUnit.SECONDS.toMillis(warmUp), Math.round(alertEvery * 1000), TimeUnit.MILLISECONDS);

        // wait for the last alert article, then for its alert (or the timeout)
        long lastPostDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp + (long) Math.ceil(alerts * alertEvery) + 60);
        while (timings.size() < alerts && System.nanoTime() < lastPostDeadline) {
            Thread.sleep(200);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        while (System.nanoTime() < deadline && !timings.stream().allMatch(Timing::complete)) {
            Thread.sleep(200);
        }
        posters.shutdownNow();
        String loadAtEnd = loadAverage();
        stop.set(true);
        sse.cancel(true);
        watcher.join(5000);

        List<Timing> all;
        synchronized (timings) {
            all = new ArrayList<>(timings);
        }
        all.sort(Comparator.comparingInt(t -> t.n));
        for (Timing t : all) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "alert %3d %s:", t.n + 1, t.region));
            for (Hop hop : Hop.values()) {
                line.append(String.format(Locale.ROOT, " %s %s", hop.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        ms(t.hopMs(hop))));
            }
            line.append(" = ").append(ms(t.totalMs()));
            out.println(line);
        }
        long missed = all.stream().filter(t -> Double.isNaN(t.totalMs())).count();
        out.printf("%n%d alert articles, %d alerts on the SSE stream, %d missed within %d s; %d background articles;"
                + " %d failed posts; load %s at start, %s at the end%n", all.size(), all.size() - missed, missed, timeout,
                backgroundCount.get(), postErrors.get(), loadAtStart, loadAtEnd);
        out.println();
        out.println("| hop (ms) | n | p50 | p95 | p99 | max |");
        out.println("|---|---|---|---|---|---|");
        for (Hop hop : Hop.values()) {
            row(out, hop.label, all.stream().map(t -> t.hopMs(hop)).filter(v -> !Double.isNaN(v)).toList());
        }
        row(out, "**post -> alert on SSE (end to end)**", all.stream().map(Timing::totalMs).filter(v -> !Double.isNaN(v)).toList());
        row(out, "background: post -> tension.events", List.copyOf(backgroundToEvents));
        row(out, "background: post -> tension.canonical-events", List.copyOf(backgroundToCanonical));
        if (service != null) {
            out.println();
            out.println("service: " + String.join(" ", service.command));
        }
        return missed == 0 ? 0 : 1;
    }

    private static String regionOf(String key) {
        int bar = key.indexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    /** Posts an article; its id, or {@code null} (counted) when the service did not accept it. */
    private static String post(HttpClient http, String url, LatencyArticles.Article a, AtomicLong errors) {
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("title", a.title());
            body.put("body", a.body());
            body.put("publishedAt", a.publishedAt().toString());
            body.put("source", a.source());
            body.put("url", a.url());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                errors.incrementAndGet();
                return null;
            }
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            errors.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void row(PrintStream out, String label, List<Double> values) {
        if (values.isEmpty()) {
            out.printf("| %s | 0 | | | | |%n", label);
            return;
        }
        List<Double> sorted = values.stream().sorted().toList();
        out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", label, sorted.size(), ms(percentile(sorted, 50)),
                ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1)));
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p % of them at or below it. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The packaged service as a child process on a fresh data directory, free ports, no samples. */
    private static final class Service implements AutoCloseable {
        final Process process;
        final String url;
        final String bootstrap;
        final Path dir;
        final Path log;
        final List<String> command;

        private Service(Process process, String url, String bootstrap, Path dir, Path log, List<String> command) {
            this.process = process;
            this.url = url;
            this.bootstrap = bootstrap;
            this.dir = dir;
            this.log = log;
            this.command = command;
        }

        static Service start(Path jar, List<String> opts, PrintStream out) throws IOException, InterruptedException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no " + jar + ": build it with ./mvnw -B -q package -DskipTests, or"
                        + " give --jar");
            }
            Path dir = Files.createTempDirectory("bench-latency");
            int httpPort = freePort();
            int brokerPort = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-Dquarkus.http.port=" + httpPort, "-Dtension.broker.port=" + brokerPort,
                    "-Dtension.data-dir=" + dir.resolve("data"), "-Dtension.samples.enabled=false"));
            command.addAll(opts);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            Path log = dir.resolve("service.log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Service service = new Service(process, "http://localhost:" + httpPort, "localhost:" + brokerPort, dir, log,
                    command);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue() + "; log " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(service.url + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    service.close();
                    throw new IllegalStateException("the service was not ready within 180 s; log " + log);
                }
                Thread.sleep(200);
            }
            out.printf("bench-latency: service ready in %.1f s (log %s)%n", (System.nanoTime() - started) / 1e9, log);
            return service;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(log) && !p.equals(dir))
                        .forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory left behind
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.tensionwatch.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.kafka.EmbeddedKafkaBroker;
import org.tensionwatch.kafka.EventPartitioning;
import org.tensionwatch.kafka.Topics;
import org.tensionwatch.streams.BoundedRocksDbConfig;
import org.tensionwatch.streams.DroppedReports;
import org.tensionwatch.streams.IndicatorSettings;
import org.tensionwatch.streams.IndicatorsTopology;
import org.tensionwatch.streams.StreamsTuning;
import org.tensionwatch.streams.MergeFloorTopology;
import org.tensionwatch.streams.PersistOnceTopology;
import org.tensionwatch.streams.ReadOnlyTopology;

/**
 * A benchmark anyone can rerun: N synthetic event records are produced to a fresh events topic on an in-process
 * broker, then each run times a plain consumer that reads and decodes them all, and the indicators topology
 * (exactly-once, persistent stores) from start until its consumer group has committed the end of the input and of
 * every repartition topic. Medians of the runs are printed with peak heap and resident set size.
 */
public final class IndicatorsBenchmark {

    private static final String EVENTS_TOPIC = "bench.events";
    private static final Duration RUN_TIMEOUT = Duration.ofHours(2);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Longer than the producers' linger: the last merge's records have reached the broker when the check runs. */
    private static final Duration DRAIN_WAIT = Duration.ofMillis(250);
    /** Held so the JUL loggers (weakly referenced by the log manager) keep their levels. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private IndicatorsBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the benchmark; returns the process exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(BenchmarkOptions.USAGE);
            return 2;
        }
        quietKafkaLogs();
        Path work;
        try {
            Path parent = options.dataDir() != null ? Files.createDirectories(options.dataDir()) : null;
            work = parent != null ? Files.createTempDirectory(parent, "bench-indicators-")
                    : Files.createTempDirectory("bench-indicators-");
        } catch (IOException e) {
            err.println("cannot create the data directory: " + e.getMessage());
            return 1;
        }
        Path workDir = work;
        // also when the run is interrupted (Ctrl-C): a stopped benchmark must not leave gigabytes behind
        Thread cleanUp = new Thread(() -> deleteRecursively(workDir), "bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0)) {
            List<RunResult> results = measure(broker.bootstrapServers(), work, options, out);
            report(options, results, out);
            return 0;
        } catch (Exception e) {
            err.println("benchmark failed: " + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            deleteRecursively(work);
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
    }

    private static List<RunResult> measure(String bootstrap, Path work, BenchmarkOptions o, PrintStream out)
            throws Exception {
        out.printf("Indicators benchmark (topology %s): %,d events, %d partitions, seed %d, %d run(s); %d cores, max heap %d MB%n",
                o.topology(), o.events(), o.partitions(), o.seed(), o.runs(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        createTopic(bootstrap, EVENTS_TOPIC, o.partitions());
        long loadStart = System.nanoTime();
        long produced = preload(bootstrap, o);
        out.printf("Pre-loaded %,d records in %.1f s (not measured)%n", produced, seconds(System.nanoTime() - loadStart));
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= o.runs(); run++) {
            double consumerRate = plainConsumerRate(bootstrap, produced);
            TopologyRun topology = topologyRun(bootstrap, work, o, run, produced);
            RunResult result = new RunResult(run, consumerRate, produced / topology.seconds(), topology);
            results.add(result);
            out.printf("run %d: plain consumer %,.0f events/s; topology %,.0f events/s (%.1f s, RUNNING after %.1f s, "
                            + "process CPU %.1f s), ratio %.2f; heap peak %d MB, after GC %d MB; RSS peak %d MB; "
                            + "%,d indicator records; load average %s%n",
                    run, consumerRate, result.topologyRate(), topology.seconds(), topology.startSeconds(),
                    topology.cpuSeconds(),
                    result.ratio(), mb(topology.memory().heapUsed()), mb(topology.memory().heapAfterGc()),
                    mb(topology.memory().residentSet()), topology.outputRecords(), loadAverage());
            if (!topology.cpuByGroup().isEmpty()) {
                StringBuilder line = new StringBuilder("  CPU by thread group (s):");
                topology.cpuByGroup().forEach((group, cpu) -> line.append(String.format(" %s %.1f;", group, cpu)));
                out.println(line);
            }
        }
        return results;
    }

    private static long preload(String bootstrap, BenchmarkOptions o) {
        Topics topics = topics(0);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long[] count = {0};
        try (KafkaProducer<String, ConflictEvent> producer = new KafkaProducer<>(props,
                topics.events().keySerde().serializer(), topics.events().valueSerde().serializer())) {
            SyntheticEvents.of(o.seed(), o.events(), o.days()).forEach(event -> {
                // partitioned by region, as the extraction writes the events topic
                Integer partition = EventPartitioning.partitionOf(event, o.partitions()).orElse(null);
                producer.send(new ProducerRecord<>(EVENTS_TOPIC, partition, event.getPublishedAt().toEpochMilli(),
                        event.getId(), event));
                count[0]++;
            });
            producer.flush();
        }
        return count[0];
    }

    /** Reads and decodes every record of the events topic, as the topology's consumer does (read_committed). */
    private static double plainConsumerRate(String bootstrap, long expected) {
        Topics topics = topics(0);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, ConflictEvent> consumer = new KafkaConsumer<>(props,
                topics.events().keySerde().deserializer(), topics.events().valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long read = 0;
            long checksum = 0;
            while (read < expected) {
                for (ConsumerRecord<String, ConflictEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    checksum += record.value().getType().ordinal();
                }
            }
            long elapsed = System.nanoTime() - start;
            if (checksum < 0) {
                throw new IllegalStateException("unreachable: keeps the decoded values alive");
            }
            return read / seconds(elapsed);
        }
    }

    private static TopologyRun topologyRun(String bootstrap, Path work, BenchmarkOptions o, int run, long expected)
            throws Exception {
        String applicationId = "bench-indicators-" + run;
        Topics topics = topics(run);
        createTopic(bootstrap, topics.indicators().name(), o.partitions());
        // the broker does not create topics on first use: the topology's output topics must exist before it starts
        createTopic(bootstrap, topics.canonicalEvents().name(), o.partitions());
        Properties props = streamsConfig(bootstrap, work, o, applicationId);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Admin admin = admin(bootstrap)) {
            MemoryProbe.reset();
            long cpuStart = processCpuNanos();
            Map<Integer, ThreadCpu.Sample> threadsAtStart = ThreadCpu.snapshot();
            long start = System.nanoTime();
            long running = -1;
            TopologyRun result;
            IndicatorSettings settings = IndicatorSettings.defaults().withMergeInterval(Duration.ofMillis(o.mergeIntervalMs()))
                    .withMergeSchedule(Duration.ofMillis(o.mergeMaxWaitMs()), o.mergeAllBelow())
                    .withMaxPendingReports(o.maxPending());
            // only the service's topology lets reports wait for a merge
            boolean merges = o.topology().equals(BenchmarkOptions.INDICATORS);
            Topology topology = switch (o.topology()) {
                case BenchmarkOptions.MERGE_FLOOR -> MergeFloorTopology.build(topics, settings, props);
                case BenchmarkOptions.PERSIST_ONCE -> PersistOnceTopology.build(topics, settings, props);
                case BenchmarkOptions.READ_ONLY -> ReadOnlyTopology.build(topics, settings, props);
                // its own counts of dropped reports, read by no one: a benchmark in the service's JVM leaves its figures alone
                default -> IndicatorsTopology.build(topics, settings, new DroppedReports(), props);
            };
            try (KafkaStreams streams = new KafkaStreams(topology, props)) {
                streams.setUncaughtExceptionHandler(e -> {
                    failure.set(e);
                    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
                });
                streams.start();
                CompletionWatch watch = new CompletionWatch(admin, applicationId, EVENTS_TOPIC);
                List<String> outputs = List.of(topics.indicators().name(), topics.canonicalEvents().name());
                long drainedAt = -1;
                long lastReport = start;
                while (true) {
                    if (failure.get() != null) {
                        throw new IllegalStateException("the topology failed", failure.get());
                    }
                    if (running < 0 && streams.state() == KafkaStreams.State.RUNNING) {
                        running = System.nanoTime();
                    }
                    CompletionWatch.Progress progress = watch.progress();
                    long now = System.nanoTime();
                    // all input committed; then no report may wait for a merge, and the transaction holding the last
                    // merge's output must be committed (read_committed end = end on every output and changelog)
                    if (progress.done() && drainedAt < 0 && (!merges || CompletionWatch.nothingPending(streams))) {
                        drainedAt = now;
                    } else if (!progress.done()) {
                        drainedAt = -1;
                    }
                    if (drainedAt >= 0 && now - drainedAt >= DRAIN_WAIT.toNanos()
                            && watch.noOpenTransactions(outputs)) {
                        break;
                    }
                    if (now - start > RUN_TIMEOUT.toNanos()) {
                        throw new IllegalStateException("run " + run + " not done after " + RUN_TIMEOUT + ": " + progress);
                    }
                    if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
                        System.err.printf("  run %d: %.0f s, input committed %,d of %,d, internal lag %,d%n", run,
                                seconds(now - start), progress.committedInput(), progress.endInput(), progress.lagInternal());
                        lastReport = now;
                    }
                    // a benchmark's watcher, not a test: polling the group's offsets is the measurement itself
                    Thread.sleep(POLL.toMillis());
                }
                long elapsed = System.nanoTime() - start;
                MemoryProbe.Peaks memory = MemoryProbe.peaks();
                Map<String, Double> cpuByGroup = ThreadCpu.between(threadsAtStart, ThreadCpu.snapshot(),
                        applicationId.substring(0, Math.min(15, applicationId.length())));
                result = new TopologyRun(seconds(elapsed), running < 0 ? Double.NaN : seconds(running - start),
                        seconds(processCpuNanos() - cpuStart), memory, endOffsets(admin, topics.indicators().name()),
                        cpuByGroup);
                streams.close(Duration.ofMinutes(1));
                streams.cleanUp();
            }
            deleteTopicsOf(admin, applicationId, List.of(topics.indicators().name(), topics.canonicalEvents().name()));
            return result;
        }
    }

    static Properties streamsConfig(String bootstrap, Path work, BenchmarkOptions o, String applicationId) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams").toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, o.commitIntervalMs());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, o.threads());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, o.cacheBytes());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(EventPartitioning.PARTITIONS_CONFIG, o.partitions());
        // the service's RocksDB and producer settings
        StreamsTuning.apply(props);
        props.putAll(o.streamsConfig());
        return props;
    }

    private static Topics topics(int run) {
        return Topics.of(Topics.Names.prefixed("bench.run-" + run + ".").withEvents(EVENTS_TOPIC));
    }

    private static void report(BenchmarkOptions o, List<RunResult> results, PrintStream out) {
        out.println();
        out.println("| run | plain consumer (events/s) | topology (events/s) | ratio | topology time (s) "
                + "| process CPU (s) | heap peak (MB) | heap after GC (MB) | RSS peak (MB) |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (RunResult r : results) {
            out.printf("| %d | %,.0f | %,.0f | %.2f | %.1f | %.1f | %d | %d | %d |%n", r.run(), r.consumerRate(),
                    r.topologyRate(), r.ratio(), r.topology().seconds(), r.topology().cpuSeconds(),
                    mb(r.topology().memory().heapUsed()),
                    mb(r.topology().memory().heapAfterGc()), mb(r.topology().memory().residentSet()));
        }
        out.printf("| median | %,.0f | %,.0f | %.2f | %.1f | %.1f | %d | %d | %d |%n",
                median(results, RunResult::consumerRate), median(results, RunResult::topologyRate),
                median(results, RunResult::ratio), median(results, r -> r.topology().seconds()),
                median(results, r -> r.topology().cpuSeconds()),
                mb((long) median(results, r -> r.topology().memory().heapUsed())),
                mb((long) median(results, r -> r.topology().memory().heapAfterGc())),
                mb((long) median(results, r -> r.topology().memory().residentSet())));
        out.printf("%nSettings: %,d events over %d days, %d partitions, %d stream thread(s), commit interval %d ms, "
                        + "record cache %d MB, merge interval %d ms (backlog: max wait %d ms, all below %d, at most %d waiting per task), exactly_once_v2, "
                        + "RocksDB stores sharing %d MB off-heap (BoundedRocksDbConfig), producer batches up to %d KB "
                        + "(StreamsTuning), further settings %s%n",
                o.events(), o.days(), o.partitions(), o.threads(), o.commitIntervalMs(), mb(o.cacheBytes()),
                o.mergeIntervalMs(), o.mergeMaxWaitMs(), o.mergeAllBelow(), o.maxPending(), mb(BoundedRocksDbConfig.TOTAL_OFF_HEAP_BYTES), StreamsTuning.PRODUCER_BATCH_BYTES / 1024,
                new java.util.TreeMap<>(o.streamsConfig()));
    }

    private static double median(List<RunResult> results, ToDoubleFunction<RunResult> field) {
        double[] values = results.stream().mapToDouble(field).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static void createTopic(String bootstrap, String name, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(1, TimeUnit.MINUTES);
        }
    }

    private static long endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }

    /** Keeps the broker's disk use flat over many runs: a run's internal topics and output are not needed after it. */
    private static void deleteTopicsOf(Admin admin, String applicationId, List<String> outputs) throws Exception {
        List<String> topics = new ArrayList<>(admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(applicationId + "-")).toList());
        topics.addAll(outputs);
        admin.deleteTopics(topics).all().get(1, TimeUnit.MINUTES);
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static void quietKafkaLogs() {
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.kafka.streams")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** CPU time of the whole process (broker included): shows how much of the wall time the machine gave us. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    /** One run of the topology: its time, when it reached RUNNING, its memory peaks and output size. */
    /** @param cpuByGroup CPU seconds of the run per group of threads ({@link ThreadCpu}); empty off Linux */
    record TopologyRun(double seconds, double startSeconds, double cpuSeconds, MemoryProbe.Peaks memory,
            long outputRecords, Map<String, Double> cpuByGroup) {
    }

    /** One measured run: both rates and the topology's figures. */
    record RunResult(int run, double consumerRate, double topologyRate, TopologyRun topology) {
        double ratio() {
            return topologyRate / consumerRate;
        }
    }
}

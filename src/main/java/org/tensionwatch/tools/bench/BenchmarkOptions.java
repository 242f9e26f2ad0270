package org.tensionwatch.tools.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensionwatch.streams.IndicatorSettings;

/**
 * The settings of one benchmark invocation, from {@code --name value} pairs.
 *
 * @param dataDir where the broker and the state stores live; {@code null} for a fresh temporary directory
 * @param threads Kafka Streams stream threads
 * @param commitIntervalMs Kafka Streams commit interval (a transaction per commit under exactly-once)
 * @param cacheBytes Kafka Streams record cache ({@code statestore.cache.max.bytes}) over all threads
 * @param mergeIntervalMs how long reports wait to be merged together (0: one by one); see IndicatorSettings
 * @param mergeMaxWaitMs while a backlog is read, the longest reports wait for a merge worth its cost (MergeSchedule)
 * @param mergeAllBelow while at most this many reports wait, every interval merges them all; a huge value merges all
 *     every interval, as before the merge schedule
 * @param maxPending at most this many reports wait per task; when reached, all are merged at once
 * @param streamsConfig further Kafka Streams settings ({@code --set name=value}), e.g. producer batching
 * @param topology {@code indicators} (the service's topology), or one of the lower bounds of its cost:
 *     {@code merge-floor} ({@code MergeFloorTopology}: the same shape with a merge step that does next to nothing),
 *     {@code persist-once} ({@code PersistOnceTopology}: each report kept once in a changelogged store, nothing else)
 *     or {@code read-only} ({@code ReadOnlyTopology}: read, decode and drop)
 */
record BenchmarkOptions(int events, int runs, int partitions, long seed, Path dataDir, int days, int threads,
        long commitIntervalMs, long cacheBytes, long mergeIntervalMs, long mergeMaxWaitMs, int mergeAllBelow,
        int maxPending, Map<String, String> streamsConfig, String topology) {

    static final String INDICATORS = "indicators";
    static final String MERGE_FLOOR = "merge-floor";
    static final String PERSIST_ONCE = "persist-once";
    static final String READ_ONLY = "read-only";
    static final List<String> TOPOLOGIES = List.of(INDICATORS, MERGE_FLOOR, PERSIST_ONCE, READ_ONLY);
    private static final Set<String> OPTIONS = Set.of("--events", "--runs", "--partitions", "--seed", "--data-dir",
            "--days", "--threads", "--commit-interval-ms", "--cache-mb", "--merge-interval-ms", "--merge-max-wait-ms",
            "--merge-all-below", "--max-pending", "--set", "--topology");

    static final String USAGE = """
            usage: bench-indicators [--events N] [--runs R] [--partitions P] [--seed S] [--data-dir DIR]
                                    [--days D] [--threads T] [--commit-interval-ms MS] [--cache-mb MB]
                                    [--merge-interval-ms MS] [--merge-max-wait-ms MS] [--merge-all-below N]
                                    [--max-pending N] [--set name=value]...
                                    [--topology indicators|merge-floor|persist-once|read-only]
              --events              event records to generate and process (default 1000000)
              --runs                measured runs; medians are reported (default 3)
              --partitions          partitions of the events topic (default 3, as the service)
              --seed                seed of the synthetic events (default 42)
              --data-dir            broker and state directory, deleted afterwards (default: a temporary one)
              --days                days the events spread over (default 75)
              --threads             Kafka Streams threads (default 1, as the service)
              --commit-interval-ms  Kafka Streams commit interval (default 100, as the service; 1000 before 2026-12-04)
              --cache-mb            Kafka Streams record cache (default 10, Kafka's default)
              --merge-interval-ms   reports wait this long to be merged together, 0 = one by one (default 1000, as the service)
              --merge-max-wait-ms   while a backlog is read, the longest reports wait for a merge (default 10000, as the service)
              --merge-all-below     while at most N reports wait, every interval merges them all (default 1000, as the
                                    service; 2000000000 merges everything every interval, as before the merge schedule)
              --max-pending         at most N reports wait per task; reached, all are merged at once (default 50000,
                                    as the service)
              --set                 a further Kafka Streams setting, e.g. --set producer.linger.ms=20 (repeatable)
              --topology            indicators (default, the service's), or a lower bound of its cost: merge-floor
                                    (same shape, a merge step that does next to nothing), persist-once (each
                                    report kept once in a changelogged store, nothing else) or read-only (read,
                                    decode, drop)
            """;

    BenchmarkOptions {
        positive(events, "events");
        positive(runs, "runs");
        positive(partitions, "partitions");
        positive(days, "days");
        positive(threads, "threads");
        positive(commitIntervalMs, "commitIntervalMs");
        positive(maxPending, "maxPending");
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes < 0: " + cacheBytes);
        }
        if (mergeIntervalMs < 0 || mergeMaxWaitMs < 0 || mergeAllBelow < 0) {
            throw new IllegalArgumentException("merge interval, maximum wait and merge-all-below must not be negative");
        }
        streamsConfig = Map.copyOf(streamsConfig);
        if (!TOPOLOGIES.contains(topology)) {
            throw new IllegalArgumentException(
                    "--topology must be one of " + String.join(", ", TOPOLOGIES) + ": " + topology);
        }
    }

    /** @throws IllegalArgumentException on an unknown option, a missing value or one out of range */
    static BenchmarkOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(i + 1);
            if (name.equals("--set")) {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--set needs name=value: " + value);
                }
                config.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                values.put(name, value);
            }
        }
        String dataDir = values.get("--data-dir");
        return new BenchmarkOptions(
                Integer.parseInt(values.getOrDefault("--events", "1000000")),
                Integer.parseInt(values.getOrDefault("--runs", "3")),
                Integer.parseInt(values.getOrDefault("--partitions", "3")),
                Long.parseLong(values.getOrDefault("--seed", "42")),
                dataDir == null ? null : Path.of(dataDir),
                Integer.parseInt(values.getOrDefault("--days", "75")),
                Integer.parseInt(values.getOrDefault("--threads", "1")),
                Long.parseLong(values.getOrDefault("--commit-interval-ms", "100")),
                Long.parseLong(values.getOrDefault("--cache-mb", "10")) * 1024 * 1024,
                Long.parseLong(values.getOrDefault("--merge-interval-ms", "1000")),
                Long.parseLong(values.getOrDefault("--merge-max-wait-ms",
                        Long.toString(IndicatorSettings.DEFAULT_MERGE_MAX_WAIT.toMillis()))),
                Integer.parseInt(values.getOrDefault("--merge-all-below",
                        Integer.toString(IndicatorSettings.DEFAULT_MERGE_ALL_BELOW))),
                Integer.parseInt(values.getOrDefault("--max-pending",
                        Integer.toString(IndicatorSettings.DEFAULT_MAX_PENDING_REPORTS))),
                config,
                values.getOrDefault("--topology", INDICATORS));
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " < 1: " + value);
        }
    }
}

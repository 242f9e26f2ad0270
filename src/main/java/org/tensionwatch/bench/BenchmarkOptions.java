package org.tensionwatch.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one benchmark invocation, from {@code --name value} pairs.
 *
 * @param dataDir where the broker and the state stores live; {@code null} for a fresh temporary directory
 * @param threads Kafka Streams stream threads
 * @param commitIntervalMs Kafka Streams commit interval (a transaction per commit under exactly-once)
 * @param cacheBytes Kafka Streams record cache ({@code statestore.cache.max.bytes}) over all threads
 * @param mergeIntervalMs how long reports wait to be merged together (0: one by one); see IndicatorSettings
 * @param streamsConfig further Kafka Streams settings ({@code --set name=value}), e.g. producer batching
 * @param topology {@code indicators} (the service's topology) or {@code merge-floor} ({@code MergeFloorTopology}:
 *     the same shape with a merge step that does next to nothing, to measure the floor of the architecture)
 */
record BenchmarkOptions(int events, int runs, int partitions, long seed, Path dataDir, int days, int threads,
        long commitIntervalMs, long cacheBytes, long mergeIntervalMs, Map<String, String> streamsConfig,
        String topology) {

    static final String INDICATORS = "indicators";
    static final String MERGE_FLOOR = "merge-floor";

    static final String USAGE = """
            usage: bench-indicators [--events N] [--runs R] [--partitions P] [--seed S] [--data-dir DIR]
                                    [--days D] [--threads T] [--commit-interval-ms MS] [--cache-mb MB]
                                    [--merge-interval-ms MS] [--set name=value]...
                                    [--topology indicators|merge-floor]
              --events              event records to generate and process (default 1000000)
              --runs                measured runs; medians are reported (default 3)
              --partitions          partitions of the events topic (default 3, as the service)
              --seed                seed of the synthetic events (default 42)
              --data-dir            broker and state directory, deleted afterwards (default: a temporary one)
              --days                days the events spread over (default 75)
              --threads             Kafka Streams threads (default 1, as the service)
              --commit-interval-ms  Kafka Streams commit interval (default 1000, as the service)
              --cache-mb            Kafka Streams record cache (default 10, Kafka's default)
              --merge-interval-ms   reports wait this long to be merged together, 0 = one by one (default 1000, as the service)
              --set                 a further Kafka Streams setting, e.g. --set producer.linger.ms=20 (repeatable)
              --topology            indicators (default, the service's) or merge-floor (same shape, a merge step
                                    that does next to nothing: the floor of the architecture)
            """;

    BenchmarkOptions {
        positive(events, "events");
        positive(runs, "runs");
        positive(partitions, "partitions");
        positive(days, "days");
        positive(threads, "threads");
        positive(commitIntervalMs, "commitIntervalMs");
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes < 0: " + cacheBytes);
        }
        if (mergeIntervalMs < 0) {
            throw new IllegalArgumentException("mergeIntervalMs < 0: " + mergeIntervalMs);
        }
        streamsConfig = Map.copyOf(streamsConfig);
        if (!topology.equals(INDICATORS) && !topology.equals(MERGE_FLOOR)) {
            throw new IllegalArgumentException("--topology must be " + INDICATORS + " or " + MERGE_FLOOR + ": " + topology);
        }
    }

    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(1_000_000, 3, 3, 42, null, 75, 1, 1000, 10L * 1024 * 1024, 1000, Map.of(), INDICATORS);
    }

    /** @throws IllegalArgumentException on an unknown option, a missing value or one out of range */
    static BenchmarkOptions parse(List<String> args) {
        BenchmarkOptions o = defaults();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(i + 1);
            o = switch (name) {
                case "--events" -> new BenchmarkOptions(Integer.parseInt(value), o.runs, o.partitions, o.seed, o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--runs" -> new BenchmarkOptions(o.events, Integer.parseInt(value), o.partitions, o.seed, o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--partitions" -> new BenchmarkOptions(o.events, o.runs, Integer.parseInt(value), o.seed, o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--seed" -> new BenchmarkOptions(o.events, o.runs, o.partitions, Long.parseLong(value), o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--data-dir" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, Path.of(value),
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--days" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir,
                        Integer.parseInt(value), o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--threads" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir,
                        o.days, Integer.parseInt(value), o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--commit-interval-ms" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir,
                        o.days, o.threads, Long.parseLong(value), o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--cache-mb" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, Long.parseLong(value) * 1024 * 1024, o.mergeIntervalMs, o.streamsConfig, o.topology);
                case "--merge-interval-ms" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir,
                        o.days, o.threads, o.commitIntervalMs, o.cacheBytes, Long.parseLong(value), o.streamsConfig, o.topology);
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set needs name=value: " + value);
                    }
                    Map<String, String> config = new LinkedHashMap<>(o.streamsConfig);
                    config.put(value.substring(0, eq), value.substring(eq + 1));
                    yield new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir, o.days, o.threads,
                            o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, config, o.topology);
                }
                case "--topology" -> new BenchmarkOptions(o.events, o.runs, o.partitions, o.seed, o.dataDir, o.days,
                        o.threads, o.commitIntervalMs, o.cacheBytes, o.mergeIntervalMs, o.streamsConfig, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return o;
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " < 1: " + value);
        }
    }
}

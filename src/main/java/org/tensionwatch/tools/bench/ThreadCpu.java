package org.tensionwatch.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, Java and native (JIT compilers, garbage collector, RocksDB), read from
 * {@code /proc/self/task} on Linux, grouped by what the thread does. With the broker in the same process, the process
 * CPU time alone cannot tell the topology's work from the broker's or the JVM's own; this can. Elsewhere than Linux
 * a snapshot is empty and the benchmark prints no breakdown.
 */
final class ThreadCpu {

    /** Kernel clock ticks per second of {@code /proc/.../stat} times; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    static final String[] GROUPS = {"stream threads", "broker", "clients' network threads", "JIT compilers",
        "garbage collector", "RocksDB", "benchmark (main)", "other"};

    private ThreadCpu() {
    }

    /** Thread id -> (name, CPU ticks so far). */
    static Map<Integer, Sample> snapshot() {
        Map<Integer, Sample> threads = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return threads;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> read(task).ifPresent(sample -> threads.put(Integer.parseInt(task.getFileName().toString()), sample)));
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    private static Optional<Sample> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "tid (comm) state ..." - comm may hold spaces and parentheses: fields start after the last ')'
            int close = stat.lastIndexOf(')');
            String name = stat.substring(stat.indexOf('(') + 1, close);
            String[] fields = stat.substring(close + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(new Sample(name, ticks));
        } catch (IOException | RuntimeException e) {
            // the thread ended between listing and reading
            return Optional.empty();
        }
    }

    /** CPU seconds per group between two snapshots (threads that ended in between are not counted). */
    static Map<String, Double> between(Map<Integer, Sample> before, Map<Integer, Sample> after, String streamsPrefix) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : GROUPS) {
            seconds.put(group, 0.0);
        }
        after.forEach((tid, sample) -> {
            Sample earlier = before.get(tid);
            long ticks = earlier != null && earlier.name.equals(sample.name) ? sample.ticks - earlier.ticks : sample.ticks;
            seconds.merge(group(sample.name, streamsPrefix), ticks / TICKS_PER_SECOND, Double::sum);
        });
        return seconds;
    }

    /** The group of a thread by its (at most 15 characters long) kernel name. */
    static String group(String name, String streamsPrefix) {
        if (name.startsWith(streamsPrefix)) {
            return "stream threads";
        }
        if (name.startsWith("kafka-producer-") || name.startsWith("kafka-admin-cli") || name.startsWith("kafka-coordinat")) {
            return "clients' network threads";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compilers";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "garbage collector";
        }
        if (name.startsWith("rocksdb")) {
            return "RocksDB";
        }
        if (name.equals("java")) {
            return "benchmark (main)";
        }
        if (name.startsWith("data-plane") || name.startsWith("kafka-") || name.startsWith("quorum-")
                || name.startsWith("group-coord") || name.startsWith("transaction-") || name.startsWith("TxnMarker")
                || name.startsWith("AddPartitions") || name.startsWith("broker-") || name.startsWith("controller-")
                || name.startsWith("share-") || name.startsWith("ExpirationReap") || name.startsWith("LogDirFailure")
                || name.startsWith("log-") || name.startsWith("metrics-meter")) {
            return "broker";
        }
        return "other";
    }

    record Sample(String name, long ticks) {
    }
}

package org.tensionwatch.tools.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak memory of this process over a measured phase: heap used (the sum of the heap pools' peaks, an upper bound of
 * the peak total), the live heap after the fullest collection, and the peak resident set (VmHWM, which also counts
 * the in-process broker, RocksDB and direct buffers).
 */
final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final AtomicLong HEAP_AFTER_GC = new AtomicLong(-1);
    private static final AtomicBoolean LISTENING = new AtomicBoolean();

    /** Peak figures in bytes; -1 where the platform does not tell. */
    record Peaks(long heapUsed, long heapAfterGc, long residentSet) {
    }

    private MemoryProbe() {
    }

    /** Starts a phase: forgets the peaks seen so far (VmHWM only where the kernel allows it). */
    static void reset() {
        if (LISTENING.compareAndSet(false, true)) {
            listenToCollections();
        }
        HEAP_AFTER_GC.set(-1);
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            // "5" resets the peak resident set size to the current one (Linux 4.0 and later)
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException e) {
            // the peak then covers the whole process lifetime: still an upper bound
        }
    }

    /** The peaks since the last {@link #reset()}. */
    static Peaks peaks() {
        long heap = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Peaks(heap, heapAfterLastGcs(), vmHwm());
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapAfterLastGcs() {
        return HEAP_AFTER_GC.get();
    }

    /** Keeps the largest heap left after any collection since the last reset: the live set plus what survived. */
    private static void listenToCollections() {
        Set<String> heapPoolNames = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPoolNames.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        HEAP_AFTER_GC.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static long vmHwm() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

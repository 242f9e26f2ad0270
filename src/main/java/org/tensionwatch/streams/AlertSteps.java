package org.tensionwatch.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;

/**
 * Counts of alert steps the alerts topology emitted, by status and severity, for the metrics endpoint. One object per
 * topology built: whoever builds it creates this and reads it, so the service's figures hold the service's
 * application only, not a benchmark's or a test's topology run in the same JVM.
 */
public final class AlertSteps {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void emitted(AlertStatus status, AlertSeverity severity) {
        counts.computeIfAbsent(key(status, severity), k -> new LongAdder()).increment();
    }

    /** Steps emitted with that status and severity since the service started. */
    public long count(AlertStatus status, AlertSeverity severity) {
        LongAdder adder = counts.get(key(status, severity));
        return adder == null ? 0 : adder.sum();
    }

    private static String key(AlertStatus status, AlertSeverity severity) {
        return status.name() + "|" + severity.name();
    }
}

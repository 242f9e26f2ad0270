package org.tensionwatch.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;

/** Counts of alert steps the alerts topology emitted, by status and severity, for the metrics endpoint. */
public final class AlertSteps {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private AlertSteps() {
    }

    static void emitted(AlertStatus status, AlertSeverity severity) {
        COUNTS.computeIfAbsent(key(status, severity), k -> new LongAdder()).increment();
    }

    /** Steps emitted with that status and severity since the service started. */
    public static long count(AlertStatus status, AlertSeverity severity) {
        LongAdder adder = COUNTS.get(key(status, severity));
        return adder == null ? 0 : adder.sum();
    }

    private static String key(AlertStatus status, AlertSeverity severity) {
        return status.name() + "|" + severity.name();
    }
}

package org.tensionwatch.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.streams.AlertSteps;

/**
 * Alert steps emitted, by status and severity, on /q/metrics as {@code tension_alerts_total{status,severity}}: those of
 * the service's alerts application ({@link StreamsApplications#alertSteps()}).
 */
@Singleton
public class AlertMetrics {

    @Inject
    StreamsApplications applications;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        AlertSteps steps = applications.alertSteps();
        for (AlertStatus status : AlertStatus.values()) {
            for (AlertSeverity severity : AlertSeverity.values()) {
                FunctionCounter.builder("tension.alerts", steps, s -> s.count(status, severity))
                        .description("alert steps emitted to the alerts topic")
                        .tag("status", status.name().toLowerCase(Locale.ROOT))
                        .tag("severity", severity.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
    }
}

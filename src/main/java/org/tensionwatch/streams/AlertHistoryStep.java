package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.EscalationAlert;

/**
 * One step of an alert as its history keeps it: what changed, the value and level it was decided on, the window, and
 * the canonical events behind it (enums as lower-case names, as the API shows them).
 */
public record AlertHistoryStep(
        String status,
        String severity,
        double value,
        double threshold,
        Double baseline,
        LocalDate windowStart,
        LocalDate windowEnd,
        int sources,
        Instant updatedAt,
        boolean late,
        Instant learnedAt,
        String message,
        List<Evidence> events) {

    /** A canonical event behind the step. */
    public record Evidence(String eventId, String type, LocalDate occurredOn, Long best, String location,
            List<String> sources, List<String> urls, String evidence) {

        static Evidence of(AlertEvidence e) {
            return new Evidence(e.getEventId(), e.getType().name().toLowerCase(Locale.ROOT), e.getOccurredOn(),
                    e.getBest(), e.getLocation(), List.copyOf(e.getSources()), List.copyOf(e.getUrls()),
                    e.getEvidence());
        }
    }

    public AlertHistoryStep {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static AlertHistoryStep of(EscalationAlert a) {
        return new AlertHistoryStep(a.getStatus().name().toLowerCase(Locale.ROOT),
                a.getSeverity().name().toLowerCase(Locale.ROOT), a.getValue(), a.getThreshold(), a.getBaseline(),
                a.getWindowStart(), a.getWindowEnd(), a.getSources(), a.getUpdatedAt(), a.getLate(),
                a.getLearnedAt(), a.getMessage(), a.getEvents().stream().map(Evidence::of).toList());
    }

    int severityRank() {
        return List.of("low", "medium", "high", "critical").indexOf(severity);
    }
}

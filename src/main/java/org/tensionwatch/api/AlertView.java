package org.tensionwatch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.EscalationAlert;

/**
 * One step of an escalation alert as the REST API, the Server-Sent Events stream and the webhook
 * show it: the same fields as the {@code EscalationAlert} schema, with enums as lower-case names ({@code late}: a step
 * about a past window, learned after its days; {@code learnedAt}: when it was decided).
 */
public record AlertView(
        String id,
        String ruleId,
        String region,
        String status,
        String severity,
        String indicator,
        String window,
        String kind,
        double value,
        double threshold,
        Double baseline,
        Integer baselineDays,
        LocalDate windowStart,
        LocalDate windowEnd,
        int sources,
        List<Evidence> events,
        Instant raisedAt,
        Instant updatedAt,
        String message,
        boolean late,
        Instant learnedAt) {

    /** A canonical event behind an alert. */
    public record Evidence(String eventId, String type, LocalDate occurredOn, Long best, String location,
            List<String> sources, List<String> urls, String evidence) {

        static Evidence of(AlertEvidence e) {
            return new Evidence(e.getEventId(), e.getType().name().toLowerCase(), e.getOccurredOn(), e.getBest(),
                    e.getLocation(), List.copyOf(e.getSources()), List.copyOf(e.getUrls()), e.getEvidence());
        }
    }

    public static AlertView of(EscalationAlert a) {
        return new AlertView(a.getId(), a.getRuleId(), a.getRegion(), a.getStatus().name().toLowerCase(),
                a.getSeverity().name().toLowerCase(), a.getIndicator(), a.getWindow(), a.getKind().name().toLowerCase(),
                a.getValue(), a.getThreshold(), a.getBaseline(), a.getBaselineDays(), a.getWindowStart(),
                a.getWindowEnd(), a.getSources(), a.getEvents().stream().map(Evidence::of).toList(),
                a.getRaisedAt(), a.getUpdatedAt(), a.getMessage(), a.getLate(), a.getLearnedAt());
    }
}

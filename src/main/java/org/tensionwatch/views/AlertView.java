package org.tensionwatch.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.streams.AlertHistoryStep;

/**
 * One step of an escalation alert as the REST API, the Server-Sent Events stream and the webhook
 * show it (the list adds {@code peakSeverity}, {@code peakValue} and {@code peakEvents}, absent elsewhere): the same
 * fields as the {@code EscalationAlert} schema, with enums as lower-case names ({@code late}: a step
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
        Instant learnedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String peakSeverity,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double peakValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Evidence> peakEvents) {

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
                a.getRaisedAt(), a.getUpdatedAt(), a.getMessage(), a.getLate(), a.getLearnedAt(), null, null, null);
    }

    /**
     * This step with the alert's peak, as the list shows it: the highest severity and value it reached, and the
     * canonical events behind that step, which stay once the alert has cleared (its clearing step counts what is
     * left in the window).
     */
    public AlertView withPeak(AlertHistoryStep peak) {
        if (peak == null) {
            return new AlertView(id, ruleId, region, status, severity, indicator, window, kind, value, threshold,
                    baseline, baselineDays, windowStart, windowEnd, sources, events, raisedAt, updatedAt, message, late,
                    learnedAt, severity, value, events);
        }
        return new AlertView(id, ruleId, region, status, severity, indicator, window, kind, value, threshold, baseline,
                baselineDays, windowStart, windowEnd, sources, events, raisedAt, updatedAt, message, late, learnedAt,
                peak.severity(), peak.value(), peak.events().stream().map(e -> new Evidence(e.eventId(), e.type(),
                        e.occurredOn(), e.best(), e.location(), e.sources(), e.urls(), e.evidence())).toList());
    }
}

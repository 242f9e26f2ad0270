package org.tensionwatch.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensionwatch.alerts.AlertRule;
import org.tensionwatch.alerts.Measurement;
import org.tensionwatch.alerts.RuleKind;
import org.tensionwatch.alerts.Transition;
import org.tensionwatch.avro.AlertEvidence;
import org.tensionwatch.avro.AlertRuleKind;
import org.tensionwatch.avro.AlertSeverity;
import org.tensionwatch.avro.AlertStatus;
import org.tensionwatch.avro.CanonicalEventReport;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;
import org.tensionwatch.kafka.EventPartitioning;

/** Maps canonical event records to the domain events the alert rules read, and alert steps to EscalationAlert records. */
public final class AlertMapping {

    private AlertMapping() {
    }

    /** The region of a canonical event id ({@code region|type|actor group|day}). */
    public static String regionOf(String canonicalEventId) {
        return EventPartitioning.regionOfCanonicalId(canonicalEventId);
    }

    /**
     * The canonical event a record on the canonical-events topic describes.
     *
     * @throws IllegalArgumentException for one the indicators never write (no reports, a figure over
     *     {@link ReportsByRegion#MAX_COUNT} or below zero, a day outside years 1 to 9999), which the alerts' sums and
     *     windows could not take; the stream sends its record to the dead-letter topic
     */
    public static CanonicalEvent fromAvro(org.tensionwatch.avro.CanonicalEvent e) {
        for (Long figure : new Long[] {e.getLow(), e.getBest(), e.getHigh()}) {
            checkFigure(e, figure);
        }
        for (CanonicalEventReport r : e.getReports()) {
            checkFigure(e, r.getCount());
        }
        if (e.getOccurredOn().getYear() < 1 || e.getOccurredOn().getYear() > 9999) {
            throw new IllegalArgumentException("canonical event " + e.getId() + " is about " + e.getOccurredOn()
                    + ", outside years 1 to 9999");
        }
        AlertLevel level = e.getLevel() == null ? null : AlertLevel.valueOf(e.getLevel().name());
        List<ReportRef> reports = new ArrayList<>();
        for (CanonicalEventReport r : e.getReports()) {
            reports.add(new ReportRef(r.getEventId(), r.getArticleId(), r.getSource(), r.getUrl(), r.getCount(),
                    r.getQualifier() == null ? null : Qualifier.valueOf(r.getQualifier().name()), level, e.getActor(),
                    e.getLocation(), e.getOccurredOn(), true, r.getPublishedAt(), r.getEvidence()));
        }
        Qualifier bestQualifier = e.getBest() == null ? null
                : e.getBestQualifier() == null ? Qualifier.EXACT : Qualifier.valueOf(e.getBestQualifier().name());
        return new CanonicalEvent(e.getId(), e.getRegion(),
                org.tensionwatch.domain.EventType.valueOf(e.getType().name()), e.getActorGroup(), e.getActor(),
                e.getLocation(), e.getOccurredOn(), e.getLow(), e.getBest(), e.getHigh(), bestQualifier, level, reports,
                (int) reports.stream().map(ReportRef::articleId).distinct().count(),
                (int) reports.stream().map(ReportRef::source).distinct().count(),
                e.getFirstSeen(), e.getLastSeen());
    }

    private static void checkFigure(org.tensionwatch.avro.CanonicalEvent e, Long figure) {
        if (figure != null && (figure < 0 || figure > ReportsByRegion.MAX_COUNT)) {
            throw new IllegalArgumentException("canonical event " + e.getId() + " has a figure of " + figure
                    + ", outside 0 to " + ReportsByRegion.MAX_COUNT);
        }
    }

    /** The record of an alert step: the transition of a rule for a region. */
    public static EscalationAlert toAvro(AlertRule rule, String region, Transition t) {
        Objects.requireNonNull(t.measurement(), "a step without a measurement");
        Measurement m = t.measurement();
        Instant raisedAt = t.next().raisedAt();
        return EscalationAlert.newBuilder()
                .setId(t.alertId())
                .setRuleId(rule.id())
                .setRegion(region)
                .setStatus(AlertStatus.valueOf(t.step().name()))
                .setSeverity(AlertSeverity.valueOf(t.severity().name()))
                .setIndicator(rule.indicator().configName())
                .setWindow(rule.window().name())
                .setKind(AlertRuleKind.valueOf(rule.kind().name()))
                .setValue(m.value())
                .setThreshold(m.raiseAt())
                .setBaseline(m.baseline())
                .setBaselineDays(rule.kind() == RuleKind.CHANGE ? rule.baselineDays() : null)
                .setWindowStart(m.windowStart())
                .setWindowEnd(m.windowEnd())
                .setSources(m.sources())
                .setEvents(m.evidence().stream().map(AlertMapping::evidence).toList())
                .setRaisedAt(raisedAt == null ? t.at() : raisedAt)
                .setUpdatedAt(t.at())
                .setMessage(t.message())
                .setLate(t.late())
                .setLearnedAt(t.learnedAt())
                .build();
    }

    private static AlertEvidence evidence(CanonicalEvent e) {
        return AlertEvidence.newBuilder()
                .setEventId(e.id())
                .setType(EventType.valueOf(e.type().name()))
                .setOccurredOn(e.occurredOn())
                .setBest(e.best())
                .setLocation(e.location())
                .setSources(e.sources())
                .setUrls(e.reports().stream().map(ReportRef::url).filter(Objects::nonNull).distinct().toList())
                .setEvidence(e.reports().stream().map(ReportRef::evidence).filter(Objects::nonNull).findFirst().orElse(null))
                .build();
    }
}

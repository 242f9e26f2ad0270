package org.tensionwatch.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.Qualifier;

/**
 * What a canonical event keeps of one article's report: enough to reconcile figures and dates again when reports
 * are revised or replaced, plus the url and evidence (which may be dropped to bound the event's size).
 */
public record ReportRef(
        String eventId,
        String articleId,
        String source,
        String url,
        Long count,
        Qualifier qualifier,
        AlertLevel level,
        String actor,
        String location,
        LocalDate occurredOn,
        boolean occurredOnStated,
        Instant publishedAt,
        String evidence) {

    /** Evidence longer than this is cut: a sentence is enough to show where a figure came from. */
    public static final int MAX_EVIDENCE_CHARS = 300;

    /** Publication order, then article and event id: the order in which a canonical event lists its reports. */
    public static final Comparator<ReportRef> PUBLICATION_ORDER = Comparator.comparing(ReportRef::publishedAt)
            .thenComparing(ReportRef::articleId)
            .thenComparing(ReportRef::eventId);

    public ReportRef {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(articleId, "articleId == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(occurredOn, "occurredOn == null");
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        if (count != null && qualifier == null) {
            qualifier = Qualifier.EXACT;
        }
        if (evidence != null && evidence.length() > MAX_EVIDENCE_CHARS) {
            evidence = evidence.substring(0, MAX_EVIDENCE_CHARS - 1) + "…";
        }
    }

    /** The reference to a report. */
    public static ReportRef of(EventReport report) {
        return new ReportRef(report.eventId(), report.articleId(), report.source(), report.url(), report.count(),
                report.qualifier(), report.level(), report.actor(), report.location(), report.occurredOn(),
                report.occurredOnStated(), report.publishedAt(), report.evidence());
    }

    /** This reference without url and evidence, kept for its figure and dates only. */
    public ReportRef withoutDetail() {
        return url == null && evidence == null ? this : new ReportRef(eventId, articleId, source, null, count,
                qualifier, level, actor, location, occurredOn, occurredOnStated, publishedAt, null);
    }

    /** Whether both refer to the same extracted event of the same article. */
    public boolean sameEventAs(ReportRef other) {
        return articleId.equals(other.articleId) && eventId.equals(other.eventId);
    }
}

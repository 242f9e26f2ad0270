package org.tensionwatch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.CanonicalEventReport;

/**
 * A canonical event as the canonical-events stream sends it: the field names of
 * {@code GET /api/regions/{region}/events} (enums upper-case as there), plus {@code sources}
 * (the outlets, alphabetical) and {@code urls} (the article links kept, in publication order).
 */
public record CanonicalEventView(
        String id,
        String region,
        String type,
        String actorKey,
        String actor,
        String location,
        LocalDate occurredOn,
        Long low,
        Long best,
        Long high,
        String bestQualifier,
        String level,
        int articleCount,
        int sourceCount,
        List<String> sources,
        List<String> urls,
        List<Report> reports,
        Instant firstSeen,
        Instant lastSeen) {

    /** One article's report of the event; only the first reports keep {@code url} and {@code evidence}. */
    public record Report(String eventId, String articleId, String source, String url, Long count, String qualifier,
            Instant publishedAt, String evidence) {

        static Report of(CanonicalEventReport r) {
            return new Report(r.getEventId(), r.getArticleId(), r.getSource(), r.getUrl(), r.getCount(),
                    r.getQualifier() == null ? null : r.getQualifier().name(), r.getPublishedAt(), r.getEvidence());
        }
    }

    /** A canonical event id that no longer exists (its reports moved to another event or day). */
    public record Removed(String id, String region) {
    }

    public static CanonicalEventView of(CanonicalEvent e) {
        return new CanonicalEventView(e.getId(), e.getRegion(), e.getType().name(), e.getActorGroup(), e.getActor(),
                e.getLocation(), e.getOccurredOn(), e.getLow(), e.getBest(), e.getHigh(),
                e.getBestQualifier() == null ? null : e.getBestQualifier().name(),
                e.getLevel() == null ? null : e.getLevel().name(), e.getArticleCount(), e.getSources().size(),
                List.copyOf(e.getSources()),
                e.getReports().stream().map(CanonicalEventReport::getUrl).filter(Objects::nonNull).distinct().toList(),
                e.getReports().stream().map(Report::of).toList(), e.getFirstSeen(), e.getLastSeen());
    }
}

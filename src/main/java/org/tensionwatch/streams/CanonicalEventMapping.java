package org.tensionwatch.streams;

import java.util.List;
import org.tensionwatch.avro.CanonicalEventReport;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;

/** Maps a canonical event to the Avro record on the canonical-events topic. */
public final class CanonicalEventMapping {

    private CanonicalEventMapping() {
    }

    public static org.tensionwatch.avro.CanonicalEvent toAvro(CanonicalEvent e) {
        List<CanonicalEventReport> reports = e.reports().stream().map(CanonicalEventMapping::toAvro).toList();
        return org.tensionwatch.avro.CanonicalEvent.newBuilder()
                .setId(e.id())
                .setRegion(e.region())
                .setType(EventType.valueOf(e.type().name()))
                .setActorGroup(e.actorKey())
                .setActor(e.actor())
                .setLocation(e.location())
                .setOccurredOn(e.occurredOn())
                .setLow(e.low())
                .setBest(e.best())
                .setHigh(e.high())
                .setBestQualifier(e.bestQualifier() == null ? null : CountQualifier.valueOf(e.bestQualifier().name()))
                .setLevel(e.level() == null ? null : MilitaryAlertLevel.valueOf(e.level().name()))
                .setArticleCount(e.articleCount())
                .setSources(e.sources())
                .setReports(reports)
                .setFirstSeen(e.firstSeen())
                .setLastSeen(e.lastSeen())
                .build();
    }

    private static CanonicalEventReport toAvro(ReportRef r) {
        return CanonicalEventReport.newBuilder()
                .setEventId(r.eventId())
                .setArticleId(r.articleId())
                .setSource(r.source())
                .setUrl(r.url())
                .setCount(r.count())
                .setQualifier(r.qualifier() == null ? null : CountQualifier.valueOf(r.qualifier().name()))
                .setPublishedAt(r.publishedAt())
                .setEvidence(r.evidence())
                .build();
    }
}

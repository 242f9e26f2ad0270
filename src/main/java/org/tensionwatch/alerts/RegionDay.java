package org.tensionwatch.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;

/**
 * The canonical events of one region that happened on one day, each condensed to what the alert rules and an
 * alert's evidence read ({@link #condense}), in id order. The alerts keep a region's history as one of these per day,
 * so that no stored value grows with the length of the history or with the number of articles behind an event.
 */
public record RegionDay(String region, LocalDate day, List<CanonicalEvent> events) {

    /** At most this many report urls are kept per event, and listed for it as an alert's evidence. */
    public static final int MAX_URLS = 10;

    public RegionDay {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(day, "day == null");
        List<CanonicalEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(CanonicalEvent::id));
        for (int i = 0; i < sorted.size(); i++) {
            CanonicalEvent e = sorted.get(i);
            if (!region.equals(e.region()) || !day.equals(e.occurredOn())) {
                throw new IllegalArgumentException("event " + e.id() + " is not of " + region + " " + day);
            }
            if (i > 0 && e.id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("event " + e.id() + " twice");
            }
        }
        events = List.copyOf(sorted);
    }

    public static RegionDay empty(String region, LocalDate day) {
        return new RegionDay(region, day, List.of());
    }

    /** This day with the event (condensed) added, or replacing the earlier version of the same id. */
    public RegionDay with(CanonicalEvent event) {
        List<CanonicalEvent> next = new ArrayList<>(without(event.id()).events);
        next.add(condense(event));
        return new RegionDay(region, day, next);
    }

    /** This day without the event of that id. */
    public RegionDay without(String id) {
        return holds(id) ? new RegionDay(region, day, events.stream().filter(e -> !e.id().equals(id)).toList()) : this;
    }

    public boolean holds(String id) {
        return events.stream().anyMatch(e -> e.id().equals(id));
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * The event with only the reports that the alerts read, in their order: the first report of each source (so the
     * distinct sources stay the same), the first report with an evidence sentence (the sentence an alert shows), and
     * reports with the first {@link #MAX_URLS} distinct urls. Every other report loses its url and evidence or is
     * left out, so an event's size no longer grows with its articles (only with its distinct sources, which are
     * outlets). Type, day, figures, level, location, sources and the order of urls and evidence are unchanged;
     * {@code articleCount} then counts the kept reports' articles: the alert rules and the tension index never read
     * it (the index reads the figures, types and alert levels of a day).
     */
    public static CanonicalEvent condense(CanonicalEvent event) {
        Set<String> sources = new HashSet<>();
        Set<String> urls = new LinkedHashSet<>();
        boolean evidenceKept = false;
        List<ReportRef> kept = new ArrayList<>();
        for (ReportRef r : event.reports()) {
            boolean newUrl = r.url() != null && urls.size() < MAX_URLS && !urls.contains(r.url());
            boolean firstEvidence = r.evidence() != null && !evidenceKept;
            if (newUrl || firstEvidence) {
                if (newUrl) {
                    urls.add(r.url());
                }
                kept.add(detailed(r, urls.contains(r.url()) ? r.url() : null, firstEvidence ? r.evidence() : null));
                evidenceKept |= firstEvidence;
                sources.add(r.source());
            } else if (sources.add(r.source())) {
                kept.add(r.withoutDetail());
            }
        }
        if (kept.size() == event.reports().size() && kept.equals(event.reports())) {
            return event;
        }
        return new CanonicalEvent(event.id(), event.region(), event.type(), event.actorKey(), event.actor(),
                event.location(), event.occurredOn(), event.low(), event.best(), event.high(), event.bestQualifier(),
                event.level(), kept, (int) kept.stream().map(ReportRef::articleId).distinct().count(),
                event.sourceCount(), event.firstSeen(), event.lastSeen());
    }

    private static ReportRef detailed(ReportRef r, String url, String evidence) {
        return Objects.equals(url, r.url()) && Objects.equals(evidence, r.evidence()) ? r
                : new ReportRef(r.eventId(), r.articleId(), r.source(), url, r.count(), r.qualifier(), r.level(),
                        r.actor(), r.location(), r.occurredOn(), r.occurredOnStated(), r.publishedAt(), evidence);
    }
}

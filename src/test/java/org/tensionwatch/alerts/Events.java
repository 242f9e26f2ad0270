package org.tensionwatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;
import org.tensionwatch.indicators.CanonicalEvent;
import org.tensionwatch.indicators.ReportRef;

/** Canonical events for alert tests: one report per source, published at noon of the event's day unless told. */
public final class Events {

    private final String region;
    private final EventType type;
    private String actor = "protesters";
    private LocalDate day = LocalDate.parse("2026-10-01");
    private Long count;
    private AlertLevel level;
    private List<String> sources = List.of("Adriatic Wire");
    private Instant published;

    private Events(String region, EventType type) {
        this.region = region;
        this.type = type;
    }

    public static Events of(String region, EventType type) {
        return new Events(region, type);
    }

    public static Events injured(String region, String day, long count) {
        return of(region, EventType.INJURY).on(day).count(count);
    }

    public Events actor(String actorKey) {
        this.actor = actorKey;
        return this;
    }

    public Events on(String isoDay) {
        this.day = LocalDate.parse(isoDay);
        return this;
    }

    public Events count(long n) {
        this.count = n;
        return this;
    }

    public Events level(AlertLevel l) {
        this.level = l;
        return this;
    }

    public Events sources(String... names) {
        this.sources = List.of(names);
        return this;
    }

    public Events published(String instant) {
        this.published = Instant.parse(instant);
        return this;
    }

    public CanonicalEvent build() {
        Instant at = published != null ? published : day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        List<ReportRef> refs = new ArrayList<>();
        for (String source : sources) {
            String slug = source.toLowerCase().replace(' ', '-');
            String article = slug + "-" + region + "-" + type + "-" + actor + "-" + day;
            refs.add(new ReportRef(article + "#0", article, source, "https://news.example.org/" + slug + "/" + article,
                    count, count == null ? null : Qualifier.EXACT, level, actor, "Town", day, true, at,
                    source + " reports " + (count == null ? "" : count + " ") + actor + " " + type.name().toLowerCase() + " on " + day));
        }
        return CanonicalEvent.from(region, type, actor, refs, 3);
    }
}

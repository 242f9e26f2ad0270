package org.tensionwatch.indicators;

import java.util.Objects;
import org.tensionwatch.domain.EventType;

/**
 * The region and type whose canonical events a report may join: the key under which the topology keeps them together
 * (actor groups stay inside, because a report without an actor may join any group).
 */
public record MatchKey(String region, EventType type) {

    public MatchKey {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(type, "type == null");
    }

    /** The key of a report. */
    public static MatchKey of(EventReport report) {
        return new MatchKey(report.region(), report.type());
    }

    /** The key of a canonical event. */
    public static MatchKey of(CanonicalEvent event) {
        return new MatchKey(event.region(), event.type());
    }

    /**
     * "XK|INJURY": a string form for record keys and store keys. It is on disk and in changelogs (and the prefix of the
     * keys of the merge's stores), so it must never change; a region never contains '|'.
     */
    public String asString() {
        return region + "|" + type.name();
    }

    /** The key of its {@link #asString()} form. */
    public static MatchKey parse(String encoded) {
        return new MatchKey(regionOf(encoded), EventType.valueOf(encoded.substring(encoded.indexOf('|') + 1)));
    }

    /** The region of a key's {@link #asString()} form, without parsing its type. */
    public static String regionOf(String encoded) {
        return encoded.substring(0, encoded.indexOf('|'));
    }
}

package org.tensionwatch.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;
import org.tensionwatch.domain.Qualifier;

/**
 * One extracted event as one article reports it: the unit that {@link CanonicalEventMerger} folds into canonical events.
 *
 * @param eventId unique per extracted event, stable when the same article is re-sent (e.g. "articleId#2")
 * @param articleId the article; a newer version of an article replaces its older reports
 * @param source the outlet ("Reuters"), used to count distinct sources
 * @param url where the article is, or {@code null}
 * @param type what happened
 * @param count the reported figure, or {@code null} where the article gives none
 * @param qualifier how {@code count} relates to the true figure; a figure without one is read as {@link Qualifier#EXACT}
 * @param level for {@link EventType#MILITARY_ALERT} only
 * @param actor the actor or victim group as extracted, or {@code null}
 * @param location the place name, or {@code null}
 * @param region ISO 3166-1 alpha-2 code of the country (XK for Kosovo)
 * @param occurredOn the day it happened; the publication day where the article does not say
 * @param occurredOnStated {@code false} when {@code occurredOn} is that publication-day fallback
 * @param publishedAt when the article (this version of it) was published
 * @param evidence the sentence the event was read from
 * @param confidence how sure the extractor is, from 0 to 1
 */
public record EventReport(
        String eventId,
        String articleId,
        String source,
        String url,
        EventType type,
        Long count,
        Qualifier qualifier,
        AlertLevel level,
        String actor,
        String location,
        String region,
        LocalDate occurredOn,
        boolean occurredOnStated,
        Instant publishedAt,
        String evidence,
        double confidence) implements ReportChange {

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    public EventReport {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(articleId, "articleId == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(occurredOn, "occurredOn == null");
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region is not an upper-case ISO alpha-2 code: " + region);
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        if (count != null && qualifier == null) {
            qualifier = Qualifier.EXACT;
        }
        if (level != null && type != EventType.MILITARY_ALERT) {
            throw new IllegalArgumentException("level is for MILITARY_ALERT only, not " + type);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
        evidence = evidence == null ? "" : evidence;
    }

    /**
     * The report of one extracted event: region from its country code, day from its date or else the publication
     * day (UTC), then marked as not stated.
     *
     * @throws NullPointerException if the event has no country code
     */
    public static EventReport from(
            String eventId, String articleId, String source, String url, Instant publishedAt, ExtractedEvent event) {
        Objects.requireNonNull(publishedAt, "publishedAt == null");
        boolean stated = event.occurredOn() != null;
        LocalDate day = stated ? event.occurredOn() : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        return new EventReport(eventId, articleId, source, url, event.type(), event.count(), event.qualifier(),
                event.level(), event.actor(), event.location(), event.countryCode(), day, stated, publishedAt,
                event.evidence(), event.confidence());
    }
}

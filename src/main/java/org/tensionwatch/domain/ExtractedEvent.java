package org.tensionwatch.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One occurrence that an article reports as having happened, as the extractor read it.
 *
 * @param type what happened
 * @param count how many people (injured, arrested, protesting...), or {@code null} where the article gives no figure
 * @param qualifier how {@code count} relates to the true figure; {@code null} when {@code count} is {@code null}
 *     unless the article says "mass"/"en masse" (then {@link Qualifier#VAGUE})
 * @param level for {@link EventType#MILITARY_ALERT} only: how high the alert is
 * @param actor the actor, or for casualties and arrests the victim group, normalized ("KFOR peacekeepers")
 * @param location the place name as the article gives it, or {@code null}
 * @param countryCode ISO 3166-1 alpha-2 code of the place (XK for Kosovo), or {@code null}
 * @param occurredOn the day it happened, resolved against the publication date, or {@code null} if the article does not say
 * @param occurredWithin the days it may have happened on: {@code occurredOn} alone where that is known, else what the
 *     article allows ("earlier this week", or the days before publication); {@code null} where nobody said
 * @param evidence the sentence the event was read from
 * @param confidence how sure the extractor is, from 0 to 1
 * @param plover the equivalent PLOVER event type and mode, for lining the event up with other datasets
 */
public record ExtractedEvent(
        EventType type,
        Long count,
        Qualifier qualifier,
        AlertLevel level,
        String actor,
        String location,
        String countryCode,
        LocalDate occurredOn,
        DayRange occurredWithin,
        String evidence,
        double confidence,
        InteropCodes plover) {

    public ExtractedEvent {
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(evidence, "evidence == null");
        Objects.requireNonNull(plover, "plover == null");
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count < 0: " + count);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
        if (level != null && type != EventType.MILITARY_ALERT) {
            throw new IllegalArgumentException("level is for MILITARY_ALERT only, not " + type);
        }
        if (occurredOn != null && occurredWithin != null && !occurredWithin.equals(DayRange.of(occurredOn))) {
            throw new IllegalArgumentException("occurredWithin " + occurredWithin + " is not the day " + occurredOn);
        }
        if (occurredOn != null && occurredWithin == null) {
            occurredWithin = DayRange.of(occurredOn);
        }
    }

    /** An event whose possible days are only what {@code occurredOn} says. */
    public ExtractedEvent(EventType type, Long count, Qualifier qualifier, AlertLevel level, String actor, String location,
            String countryCode, LocalDate occurredOn, String evidence, double confidence, InteropCodes plover) {
        this(type, count, qualifier, level, actor, location, countryCode, occurredOn, null, evidence, confidence, plover);
    }

    /** The same event, on the given day or, where that is null, within the given days. */
    public ExtractedEvent on(LocalDate day, DayRange within) {
        return new ExtractedEvent(type, count, qualifier, level, actor, location, countryCode, day,
                day != null ? DayRange.of(day) : within, evidence, confidence, plover);
    }
}

package org.tensionwatch.tools.eval;

import java.time.LocalDate;
import org.tensionwatch.domain.ExtractedEvent;

/**
 * The part of an event the scorer looks at: its article, type, count, country and day.
 *
 * @param article the article's file name
 * @param type the event type, upper case
 * @param count the figure, or null where there is none (or it is not a number)
 * @param country the ISO country code, upper case, or null
 * @param when the day it happened, or null; a prediction's null is read as the article's publication day
 */
public record ScoredEvent(String article, String type, Double count, String country, LocalDate when) {

    /** An event scored on type and count alone. */
    public ScoredEvent(String article, String type, Double count) {
        this(article, type, count, null, null);
    }

    /** An extracted event of the named article, as the scorer sees it. */
    public static ScoredEvent of(String article, ExtractedEvent e) {
        return new ScoredEvent(article, e.type().name(), e.count() == null ? null : e.count().doubleValue(),
                e.countryCode(), e.occurredOn());
    }

    /** The same event on another day. */
    ScoredEvent onDay(LocalDate day) {
        return new ScoredEvent(article, type, count, country, day);
    }
}

package org.tensionwatch.extraction;

import java.time.LocalDate;
import org.tensionwatch.domain.DayRange;

/**
 * A time expression in a sentence and the day it denotes.
 *
 * @param start where the expression starts in the sentence
 * @param end where it ends
 * @param date the day, or {@code null} when the expression does not name one ("last week", "yesterday")
 * @param old whether it lies more than about a month before publication, or is an earlier year
 * @param span the days a vague expression allows ("earlier this week"), or {@code null}
 */
public record DateMention(int start, int end, LocalDate date, boolean old, DayRange span) {

    /** A mention that names a day, or names none and allows no span. */
    public DateMention(int start, int end, LocalDate date, boolean old) {
        this(start, end, date, old, null);
    }
}

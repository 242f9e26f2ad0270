package org.tensionwatch.extraction;

import java.time.LocalDate;

/**
 * A time expression in a sentence and the day it denotes.
 *
 * @param start where the expression starts in the sentence
 * @param end where it ends
 * @param date the day, or {@code null} when the expression does not name one ("last week", "yesterday")
 * @param old whether it lies more than about a month before publication, or is an earlier year
 */
public record DateMention(int start, int end, LocalDate date, boolean old) {
}

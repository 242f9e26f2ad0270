package org.tensionwatch.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days an event may have happened on, both included: one day where the article states it, a span where it
 * says only "earlier this week", or the days before publication where it says nothing.
 *
 * @param earliest the first possible day
 * @param latest the last possible day, not before {@code earliest}
 */
public record DayRange(LocalDate earliest, LocalDate latest) {

    public DayRange {
        Objects.requireNonNull(earliest, "earliest == null");
        Objects.requireNonNull(latest, "latest == null");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest before earliest: " + earliest + ".." + latest);
        }
    }

    /** The one day of an event whose day is known. */
    public static DayRange of(LocalDate day) {
        return new DayRange(day, day);
    }
}

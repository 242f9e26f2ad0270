package org.tensionwatch.extraction;

import org.tensionwatch.domain.Qualifier;

/**
 * A figure in a sentence ("more than 50 Serbs", "hundreds of protesters", "ten"), with the group of people
 * it counts when one follows.
 *
 * @param start where the phrase starts in the sentence, qualifier included
 * @param end where the number ends
 * @param value the number ("hundreds" is 100), or {@code null} for a vague amount that names none ("dozens", "scores")
 * @param qualifier how the number relates to the true figure
 * @param group the people counted ("soldiers from a Nato-led force"), or {@code null} for a bare number
 * @param groupEnd where the counted group ends, or {@code end} for a bare number
 * @param things whether the figure counts things, not people ("1,350 vehicles", "140 police cars")
 */
public record CountMention(int start, int end, Long value, Qualifier qualifier, String group, int groupEnd,
        boolean things) {

    /** A figure of people, or a bare one. */
    public CountMention(int start, int end, Long value, Qualifier qualifier, String group, int groupEnd) {
        this(start, end, value, qualifier, group, groupEnd, false);
    }

    /** Whether the figure counts people rather than standing alone. */
    public boolean countsPeople() {
        return group != null;
    }

    /** Whether the figure may count people: it counts them, or stands alone ("killed 5", "17 were injured"). */
    public boolean mayCountPeople() {
        return !things;
    }
}

package org.tensionwatch.extraction;

import org.tensionwatch.domain.Qualifier;

/**
 * A figure in a sentence ("more than 50 Serbs", "hundreds of protesters", "ten"), with the group of people
 * it counts when one follows.
 *
 * @param start where the phrase starts in the sentence, qualifier included
 * @param end where the number ends
 * @param value the number ("hundreds" is 100)
 * @param qualifier how the number relates to the true figure
 * @param group the people counted ("soldiers from a Nato-led force"), or {@code null} for a bare number
 * @param groupEnd where the counted group ends, or {@code end} for a bare number
 */
public record CountMention(int start, int end, long value, Qualifier qualifier, String group, int groupEnd) {

    /** Whether the figure counts people rather than standing alone. */
    public boolean countsPeople() {
        return group != null;
    }
}

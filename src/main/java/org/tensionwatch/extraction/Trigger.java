package org.tensionwatch.extraction;

import java.util.List;
import java.util.regex.Pattern;
import org.tensionwatch.domain.EventType;

/**
 * One way an article can say that an event of a type happened: a pattern over the lower-cased sentence,
 * the word prefixes the pre-filter looks for, what else the sentence must contain, and patterns that veto
 * a match by its left or right context.
 *
 * @param type the event type the trigger signals
 * @param pattern where the trigger is, over the lower-cased sentence
 * @param keys word prefixes (3 to 12 letters), one of which a sentence must contain for the pattern to be tried
 * @param requirement what else the sentence must show
 * @param vetoBefore a pattern over the 40 characters before the match (anchored at their end) that vetoes it, or null
 * @param vetoAfter a pattern over the 60 characters after the match (anchored at their start) that vetoes it, or null
 * @param violence how the violence was done, for CLASH interop codes, or null
 * @param strength base confidence of a match
 */
public record Trigger(EventType type, Pattern pattern, List<String> keys, Requirement requirement,
        Pattern vetoBefore, Pattern vetoAfter, InteropTable.Violence violence, double strength) {

    /** What a sentence must also contain for a trigger match to count. */
    public enum Requirement {
        NONE,
        /** people named before the trigger: "crowds gathered", "Serbs gather". */
        PEOPLE_BEFORE,
        /** a figure of people attached to the trigger: "5,000 protesters". */
        PEOPLE_COUNT,
        /** a physical target or weapon: an "attack" that is not a verbal one. */
        PHYSICAL,
        /** armed forces: an "alert" that is military. */
        MILITARY,
        /** troops, police or units sent, not letters or aid. */
        PERSONNEL,
        /** a call for restraint, de-escalation or dialogue after the appeal verb. */
        RESTRAINT,
        /** an office holder dismissed, not a claim. */
        ROLE,
        /** a person captured, not a town. */
        PERSON,
        /** a reporting verb: a quoted accusation. */
        SPEECH
    }
}

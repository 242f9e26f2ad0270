package org.tensionwatch.extraction;

import java.util.List;
import java.util.regex.Pattern;
import org.tensionwatch.domain.EventType;

/**
 * Decides whether a trigger reports something that happened: not a hypothetical, threat, plan or demand
 * ("would not stand idle if..."), not negated ("no one was hurt"), not history ("the 1998-99 war killed..."),
 * not a standing fact ("troops have been deployed there since..."), and not older than about a month.
 */
public final class FactualityFilter {

    private static final Pattern CONDITIONAL = Pattern.compile(
            "(?<!\\beven )\\b(?:if|unless|whether|in case|in the event|denied (?:reports |claims |allegations )?that|denie[sd] reports"
                    + "|rejected reports|dismissed reports|rumou?rs? that|unconfirmed reports|contradicting reports)\\b");
    private static final Pattern MODAL_NEAR = Pattern.compile(
            "\\b(?:would|could|might|may|should|shall|must|can|cannot|can't|won't|wouldn't|threaten(?:s|ed|ing)? to"
                    + "|vow(?:s|ed|ing)? to|plan(?:s|ned|ning)? to|intend(?:s|ed)? to|want(?:s|ed)? to|ready to"
                    + "|prepared to|risks?|fears? (?:of|that)|feared|possibility of|possible|potential|likely to"
                    + "|expected to|set to|aim(?:s|ed)? to|seek(?:s|ing)? to|try(?:ing)? to|prevent(?:ed|ing)?|avoid(?:ed|ing)?"
                    + "|to avert|call(?:s|ed|ing)? (?:for|on)|urg(?:e|ed|es|ing)|demand(?:s|ed|ing)?|asked|ask(?:s|ing)?"
                    + "|warn(?:s|ed|ing)?|refus(?:e|ed|es|ing) to|threat of|threats of|no plans? to|instead of"
                    + "|announce(?:d)? (?:plans?|intention)|will)\\b");
    private static final Pattern SPEECH_MODAL = Pattern.compile(
            "\\b(?:would|could|might|may|should|if|unless|threaten(?:s|ed|ing)? to|refus(?:e|ed|es|ing) to|will not|won't)\\b");
    /** "The ministry said it would send": an announcement reported in the past, not a hypothetical. */
    private static final Pattern REPORTED_WOULD = Pattern.compile(
            "\\b(?:said|announced|confirmed|told \\w+|stated)\\s+(?:on \\w+\\s+)?(?:that\\s+)?(?:it|he|she|they|the \\w+)\\s+would\\s+$");
    private static final Pattern IF_AFTER = Pattern.compile("\\b(?:if|unless|should|in case)\\b");
    private static final Pattern NEGATION = Pattern.compile(
            "(?:\\b(?:no|not|never|without|nobody|none|neither|nor|denied|denies|deny|denying)\\b|n't\\b)[^,;]{0,20}$");
    private static final Pattern HISTORY = Pattern.compile(
            "\\b(?:during the (?:\\w+ ){0,2}(?:war|wars|conflict|occupation|uprising|genocide|siege|regime|dictatorship)"
                    + "|(?:in|after|since) the (?:\\w+ )?(?:war|wars)\\b|the war (?:ended|began|broke out|erupted)"
                    + "|end of the war|(?:decades?|years|centuries) ago|a decade|decades|in the past|historically"
                    + "|world war|(?:war|conflict|genocide|insurgency)\\s+(?:[\\w-]+\\s+){0,8}?(?:that|which)\\s+(?:killed|left|claimed)"
                    + "|\\bwars?\\s+(?:has |had |have )?(?:killed|left|claimed)|(?:the )?same year|that year|the (?:following|previous) year"
                    + "|at the time)\\b");
    private static final Pattern MEMORY = Pattern.compile("\\b(?:anniversary|commemorat\\w*|memorial|mark(?:ed|ing|s) \\d+ years)\\b");
    private static final Pattern SINCE_AFTER = Pattern.compile(
            "\\bsince (?:(?:19|20)\\d{2}|the (?:war|wars|conflict|start|beginning|end|outbreak|\\d{4})|(?:january|february|march"
                    + "|april|may|june|july|august|september|october|november|december)|last year|independence|then)\\b"
                    + "|\\bso far this year\\b|\\bin total\\b");
    private static final Pattern HABITUAL = Pattern.compile(
            "\\b(?:regularly|routinely|habitually|every (?:day|night|week|weekend|month|monday|tuesday|wednesday|thursday"
                    + "|friday|saturday|sunday)|each (?:day|week|weekend|month)|for (?:(?:several|many|some) )?(?:weeks|months|years)"
                    + "|since the (?:spring|summer|autumn|fall|winter))\\b");
    private static final Pattern HABITUAL_ADJECTIVE = Pattern.compile(
            "\\b(?:regular|frequent|weekly|daily|nightly|monthly|recurring|periodic|repeated|near-daily|almost daily)\\s+(?:[\\w-]+\\s+)?$");
    private static final Pattern STANDING = Pattern.compile(
            "\\b(?:is|are|remain|remains|currently|already|still|permanently|long been) (?:\\w+ )?$");

    private static boolean mayBeHistory(String segment) {
        return segment.contains("war") || segment.contains("year") || segment.contains("time") || segment.contains("ago") || segment.contains("decade")
                || segment.contains("past") || segment.contains("histor") || segment.contains("conflict")
                || segment.contains("genocide") || segment.contains("insurgency");
    }

    /** Cheap necessary condition for HABITUAL: each of its alternatives contains one of these substrings. */
    private static boolean mayBeHabitual(String segment) {
        return segment.contains("regularly") || segment.contains("routinely") || segment.contains("habitually")
                || segment.contains("every ") || segment.contains("each ") || segment.contains("weeks")
                || segment.contains("months") || segment.contains("years") || segment.contains("since the ");
    }

    /** Cheap necessary condition for CONDITIONAL. */
    private static boolean mayBeConditional(String before) {
        return before.contains("if") || before.contains("unless") || before.contains("whether")
                || before.contains("in case") || before.contains("in the event") || before.contains("denie")
                || before.contains("reports") || before.contains("rumo");
    }

    /** Cheap necessary condition for NEGATION. */
    private static boolean mayBeNegated(String tail) {
        return tail.contains("no") || tail.contains("never") || tail.contains("without") || tail.contains("neither")
                || tail.contains("deni") || tail.contains("deny") || tail.contains("n't");
    }

    /** Cheap necessary condition for SINCE_AFTER. */
    private static boolean maySinceAfter(String after) {
        return after.contains("since ") || after.contains("so far this year") || after.contains("in total");
    }

    /** "Rallies have been held every week", "has seen regular rallies": a pattern of events, not one of them. */
    private static boolean habitual(String segment, String near, String trigger) {
        if (mayBeHabitual(segment) && BoundaryFind.found(HABITUAL, segment)) {
            return true;
        }
        return trigger.endsWith("s") && HABITUAL_ADJECTIVE.matcher(near).find();
    }

    /** Why the trigger is not a reported fact, or {@code null} when it is one. */
    public String reason(Sentence s, int segmentStart, int segmentEnd, int triggerStart, int triggerEnd, EventType type,
            List<DateMention> dates) {
        String lower = s.lower();
        String before = lower.substring(segmentStart, triggerStart);
        String near = before.substring(Math.max(0, before.length() - 60));
        String segment = lower.substring(segmentStart, segmentEnd);
        boolean speechAct = type == EventType.APPEAL || type == EventType.CONDEMNATION;
        if (mayBeConditional(before) && BoundaryFind.found(CONDITIONAL, before)) {
            return "conditional";
        }
        if (speechAct) {
            if (BoundaryFind.found(SPEECH_MODAL, near)) {
                return "modal";
            }
        } else {
            BoundaryFind f = new BoundaryFind(MODAL_NEAR, near);
            java.util.regex.Matcher m = f.matcher();
            while (f.find()) {
                String cue = m.group();
                if ((cue.equals("will") || cue.equals("would") && (near.endsWith(" be ") || REPORTED_WOULD.matcher(near).find()
                        && !BoundaryFind.found(IF_AFTER, lower.substring(triggerEnd, segmentEnd))))
                        && (type == EventType.DEPLOYMENT || type == EventType.MILITARY_ALERT)) {
                    continue; // an announced deployment is one: "will send", "would be sent", "said it would send"
                }
                return "modal: " + cue;
            }
        }
        String tail = before.substring(Math.max(0, before.length() - 30));
        if (mayBeNegated(tail) && NEGATION.matcher(tail).find()) {
            return "negated";
        }
        if (mayBeHistory(segment) && BoundaryFind.found(HISTORY, segment)) {
            return "history";
        }
        if (type != EventType.PROTEST && (segment.contains("memor") || segment.contains("anniversar")
                || segment.contains(" years")) && BoundaryFind.found(MEMORY, segment)) {
            return "commemoration";
        }
        String after = lower.substring(triggerEnd, segmentEnd);
        if (maySinceAfter(after) && BoundaryFind.found(SINCE_AFTER, after)) {
            return "standing since";
        }
        if (!speechAct && habitual(segment, near, lower.substring(triggerStart, triggerEnd))) {
            return "habitual";
        }
        if (type == EventType.DEPLOYMENT && STANDING.matcher(near).find()) {
            return "standing deployment";
        }
        for (DateMention d : dates) {
            boolean close = d.end() >= triggerStart - 80 && d.start() <= triggerEnd + 80;
            if (d.old() && close && d.start() >= segmentStart && d.end() <= segmentEnd) {
                return "old";
            }
        }
        return null;
    }
}

package org.tensionwatch.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tensionwatch.domain.DayRange;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;

/**
 * Gives an event whose own sentence names no day the day of the occurrence it belongs to, as a reader does: the
 * injuries and arrests of a night of rioting take that night's day though the sentence that counts them says
 * only "a total of 263 policemen were injured". The day comes from the nearest dated report of the incident (a
 * clash, protest, casualty or arrest) within a few sentences, before or after, else from the day most of the
 * article's dated incident reports share; only days of the last week before publication are lent, since an older
 * day in an article is a back-story, not the day of what it reports now. An event still without a day, and without
 * the span a vague expression gave it ("earlier this week"), may have happened on any day of that week.
 */
final class OccurrenceDays {

    /** Types that report the incident itself, whose days an undated report of the same incident shares. */
    private static final Set<EventType> INCIDENT = EnumSet.of(EventType.CLASH, EventType.PROTEST, EventType.INJURY,
            EventType.FATALITY, EventType.ARREST, EventType.DEPLOYMENT);
    private static final int NEAR_SENTENCES = 3;
    private static final int RECENT_DAYS = 7;

    private OccurrenceDays() {
    }

    /** The events of an article, undated incident reports given their occurrence's day where the article tells it. */
    static List<ExtractedEvent> assign(List<EventMerger.Mention> merged, LocalDate published) {
        List<EventMerger.Mention> dated = new ArrayList<>();
        for (EventMerger.Mention m : merged) {
            LocalDate d = m.event().occurredOn();
            if (INCIDENT.contains(m.event().type()) && d != null && !d.isAfter(published)
                    && !d.isBefore(published.minusDays(RECENT_DAYS)) && !isCause(m.event())) {
                dated.add(m);
            }
        }
        LocalDate main = mostShared(dated);
        List<ExtractedEvent> out = new ArrayList<>(merged.size());
        for (EventMerger.Mention m : merged) {
            ExtractedEvent e = m.event();
            if (e.occurredOn() != null || e.occurredWithin() != null) {
                out.add(e);
                continue;
            }
            if (!INCIDENT.contains(e.type()) || dated.isEmpty()) {
                out.add(e.on(null, new DayRange(published.minusDays(RECENT_DAYS), published)));
                continue;
            }
            LocalDate day = nearest(dated, m.sentence());
            out.add(e.on(day != null ? day : main, null));
        }
        return out;
    }

    /**
     * The death that set off what the article reports ("riots following the death of a teenager on Tuesday"): its day
     * is the back-story's, not that of the unrest told around it.
     */
    private static boolean isCause(ExtractedEvent e) {
        return e.type() == EventType.FATALITY && CAUSE.matcher(e.evidence().toLowerCase(java.util.Locale.ROOT)).find();
    }

    private static final java.util.regex.Pattern CAUSE = java.util.regex.Pattern.compile(
            "\\b(?:following|after|over|since|sparked by|triggered by|set off by|prompted by|in the wake of) the "
                    + "(?:police )?(?:death|killing|shooting) of\\b");

    private static LocalDate nearest(List<EventMerger.Mention> dated, int sentence) {
        LocalDate best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (EventMerger.Mention d : dated) {
            // an earlier sentence sets the scene for a later one; on a tie it wins
            int distance = 2 * Math.abs(d.sentence() - sentence) + (d.sentence() > sentence ? 1 : 0);
            if (Math.abs(d.sentence() - sentence) <= NEAR_SENTENCES && distance < bestDistance) {
                best = d.event().occurredOn();
                bestDistance = distance;
            }
        }
        return best;
    }

    /** The day most dated incident reports share; on a tie the later one, the news the article leads with. */
    private static LocalDate mostShared(List<EventMerger.Mention> dated) {
        LocalDate best = null;
        long bestCount = 0;
        for (EventMerger.Mention d : dated) {
            LocalDate day = d.event().occurredOn();
            long count = dated.stream().filter(o -> o.event().occurredOn().equals(day)).count();
            if (count > bestCount || count == bestCount && day.isAfter(best)) {
                best = day;
                bestCount = count;
            }
        }
        return best;
    }

}

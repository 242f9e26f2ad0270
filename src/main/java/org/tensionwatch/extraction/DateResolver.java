package org.tensionwatch.extraction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensionwatch.domain.DayRange;

/**
 * Finds time expressions in a sentence and resolves them against the publication date: weekdays to the
 * most recent such day not after publication, "November 5" to the most recent November 5 not after it,
 * "yesterday", "last night" and "overnight" to the day before publication (a night belongs to the evening it
 * began); vague expressions ("last week", "recently") name no day and resolve to {@code null}.
 */
public final class DateResolver {

    /** Events older than this many days before publication are background, not news. */
    public static final int MAX_AGE_DAYS = 35;

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(?<prefix>last|this past|early|late|on|since)\\s+)?"
                    + "(?<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(?<month>" + MONTHS + ")\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>" + MONTHS + ")\\b(?:,?\\s+(?<year>(?:19|20)\\d{2})\\b)?");
    private static final Pattern ISO = Pattern.compile("\\b(?<year>(?:19|20)\\d{2})-(?<month>\\d{2})-(?<day>\\d{2})\\b");
    private static final Pattern MONTH_ONLY = Pattern.compile(
            "\\b(?:(?:in|since|during|of|last)\\s+)?(?:(?<part>early|mid|late)-?\\s*)?(?<month>January|February|March|April|May|June|July"
                    + "|August|September|October|November|December)\\b(?:\\s+(?<year>(?:19|20)\\d{2})\\b)?");
    private static final Pattern YEAR = Pattern.compile(
            "(?<![\\w,.$-])(?<year>(?:19|20)\\d{2})(?:s|[-–](?:\\d{2}|\\d{4}))?(?![\\w,.]\\d)");
    private static final Pattern TODAY = Pattern.compile("\\b(?:today|tonight|this morning|this afternoon|this evening)\\b");
    private static final Pattern TELLING = Pattern.compile(
            "\\b(?:said|says|told (?:\\w+ ){0,3}|announced|reported|stated|confirmed|added|tweeted|wrote)\\s+(?:early |late )?(?:on\\s+)?$");

    /** The day before publication: "yesterday"; a night belongs to the evening it began ("overnight", "last night"). */
    private static final Pattern DAY_BEFORE = Pattern.compile(
            "\\b(?:yesterday|last night|overnight)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(?:last week|this week|earlier this week|earlier this month|last month"
                    + "|this month|recently|days ago|weeks ago|last weekend|this weekend|at the weekend)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A wire dateline before the dash: "LIMA, Nov 18 -", "KHARTOUM, March 18 (Agency) -", "BRUSSELS, Belgium (AP) —":
     * capitalised place words, an optional day and an optional agency in brackets.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{L}.'’-]*(?:[ ,]+\\p{Lu}[\\p{L}.'’-]*){0,4}(?:,?\\s*(?:(?:" + MONTHS + ")\\s+\\d{1,2}"
                    + "|\\d{1,2}\\s+(?:" + MONTHS + ")))?(?:,?\\s*\\((?:[^()]{1,50})\\))?\\s*$");
    private static final int MAX_DATELINE = 90;

    /** Where the sentence's wire dateline ends (after its dash), or 0 when it has none. */
    static int datelineEnd(String text) {
        int limit = Math.min(text.length(), MAX_DATELINE);
        for (int i = 1; i < limit - 1; i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '–' || c == '—') && text.charAt(i - 1) == ' ' && i + 1 < text.length()
                    && (text.charAt(i + 1) == ' ' || c == '-' && text.charAt(i + 1) == '-')) {
                return DATELINE.matcher(text.substring(0, i)).matches() ? i + 1 : 0;
            }
        }
        return 0;
    }

    /**
     * The time expressions of the sentence, in order of appearance. A date in the wire dateline is the day of
     * filing, not of any event, and is left out: "LIMA, Nov 18 - ... killed on Tuesday" happened on Tuesday.
     */
    public List<DateMention> find(Sentence sentence, LocalDate published) {
        List<DateMention> all = findAll(sentence, published);
        if (all.isEmpty() || !Character.isUpperCase(sentence.text().charAt(0))) {
            return all;
        }
        int dateline = datelineEnd(sentence.text());
        if (dateline == 0) {
            return all;
        }
        List<DateMention> out = new ArrayList<>(all.size());
        for (DateMention d : all) {
            if (d.start() >= dateline) {
                out.add(d);
            }
        }
        return out;
    }

    private List<DateMention> findAll(Sentence sentence, LocalDate published) {
        String text = sentence.text();
        String lower = sentence.lower();
        List<DateMention> out = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        boolean digits = hasDigit(text);
        BoundaryFind f = new BoundaryFind(ISO, digits ? text : "");
        Matcher m = f.matcher();
        while (f.find()) {
            LocalDate d = safeDate(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("month")),
                    Integer.parseInt(m.group("day")));
            add(out, taken, m, d, published);
        }
        for (Pattern p : new Pattern[] {MONTH_DAY, DAY_MONTH}) {
            f = new BoundaryFind(p, digits ? text : "");
            m = f.matcher();
            while (f.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                Month month = month(m.group("month"));
                int day = Integer.parseInt(m.group("day"));
                String year = m.group("year");
                LocalDate d = year != null ? safeDate(Integer.parseInt(year), month.getValue(), day)
                        : mostRecent(month, day, published);
                add(out, taken, m, d, published);
            }
        }
        f = new BoundaryFind(WEEKDAY, lower.contains("day") ? text : "");
        m = f.matcher();
        while (f.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group("day").toUpperCase(Locale.ROOT));
            int back = (published.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
            if (back == 0 && "last".equals(m.group("prefix"))) {
                back = 7;
            }
            add(out, taken, m, published.minusDays(back), published);
        }
        f = new BoundaryFind(MONTH_ONLY, hasMonthName(lower) ? text : "");
        m = f.matcher();
        while (f.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            Month month = month(m.group("month"));
            String year = m.group("year");
            YearMonth ym = year != null ? YearMonth.of(Integer.parseInt(year), month)
                    : mostRecentMonth(month, published);
            String part = m.group("part");
            int day = part == null ? 15 : part.equals("early") ? 5 : part.equals("mid") ? 15 : 25;
            boolean old = ChronoUnit.DAYS.between(ym.atDay(day), published) > MAX_AGE_DAYS;
            taken.add(new int[] {m.start(), m.end()});
            out.add(new DateMention(m.start(), m.end(), null, old));
        }
        f = new BoundaryFind(YEAR, digits ? text : "");
        m = f.matcher();
        while (f.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            int year = Integer.parseInt(m.group("year"));
            out.add(new DateMention(m.start(), m.end(), null, year < published.getYear()
                    || m.group().endsWith("s")));
        }
        f = new BoundaryFind(TODAY, lower.contains("to") || lower.contains("this ") ? lower : "");
        m = f.matcher();
        while (f.find()) {
            add(out, taken, m, published, published);
        }
        f = new BoundaryFind(DAY_BEFORE, lower.contains("yesterday") || lower.contains("night") ? text : "");
        m = f.matcher();
        while (f.find()) {
            if (!overlaps(taken, m.start(), m.end())) {
                add(out, taken, m, published.minusDays(1), published);
            }
        }
        f = new BoundaryFind(VAGUE, lower.contains("week") || lower.contains("yesterday") || lower.contains("night")
                || lower.contains("month") || lower.contains("recent") || lower.contains("ago") ? text : "");
        m = f.matcher();
        while (f.find()) {
            if (!overlaps(taken, m.start(), m.end())) {
                out.add(new DateMention(m.start(), m.end(), null, false, span(m.group().toLowerCase(Locale.ROOT), published)));
            }
        }
        out.sort(Comparator.comparingInt(DateMention::start));
        return out;
    }

    /** The days a vague expression allows, against the publication day; null where it allows too many to say. */
    static DayRange span(String vague, LocalDate published) {
        LocalDate monday = published.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = published.withDayOfMonth(1);
        LocalDate saturday = published.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        LocalDate sunday = saturday.plusDays(1).isAfter(published) ? published : saturday.plusDays(1);
        return switch (vague) {
            case "earlier this week" -> ordered(monday, published.minusDays(1));
            case "this week" -> new DayRange(monday, published);
            case "last week" -> new DayRange(monday.minusWeeks(1), monday.minusDays(1));
            case "earlier this month" -> ordered(first, published.minusDays(1));
            case "this month" -> new DayRange(first, published);
            case "last month" -> new DayRange(first.minusMonths(1), first.minusDays(1));
            case "recently", "days ago" -> new DayRange(published.minusDays(7), published.minusDays(1));
            case "weeks ago" -> new DayRange(published.minusDays(MAX_AGE_DAYS), published.minusDays(7));
            case "last weekend", "at the weekend", "this weekend" -> new DayRange(saturday, sunday);
            default -> null;
        };
    }

    private static DayRange ordered(LocalDate earliest, LocalDate latest) {
        return latest.isBefore(earliest) ? new DayRange(latest, latest) : new DayRange(earliest, latest);
    }

    /**
     * The day of the time expression nearest to a position, or null if the nearest names no day. A day that dates
     * the telling ("authorities said on Saturday", "the ministry announced Sunday") is not the day of what is told.
     */
    public static LocalDate nearest(List<DateMention> mentions, int position) {
        DateMention d = nearestMention(mentions, position, null);
        return d == null ? null : d.date();
    }

    /**
     * The time expression nearest to a position that may date an event there, or null; with {@code text} given, the
     * days of its reporting verbs are left out.
     */
    public static DateMention nearestMention(List<DateMention> mentions, int position, String text) {
        DateMention best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (DateMention d : mentions) {
            if (d.date() == null && d.old()) {
                continue; // years are history cues, not event dates
            }
            if (text != null && d.start() > position
                    && TELLING.matcher(text.substring(Math.max(0, d.start() - 40), d.start())).find()) {
                continue;
            }
            int distance = position < d.start() ? d.start() - position : Math.max(0, position - d.end());
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static void add(List<DateMention> out, List<int[]> taken, Matcher m, LocalDate d, LocalDate published) {
        taken.add(new int[] {m.start(), m.end()});
        boolean old = d != null && ChronoUnit.DAYS.between(d, published) > MAX_AGE_DAYS;
        boolean future = d != null && d.isAfter(published.plusDays(1));
        out.add(new DateMention(m.start(), m.end(), future ? null : d, old));
    }

    private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    private static boolean hasMonthName(String lower) {
        for (String m : MONTH_NAMES) {
            if (lower.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] t : taken) {
            if (start < t[1] && t[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static Month month(String name) {
        String key = name.replace(".", "").toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(key.length() >= 3 ? key.substring(0, 3) : key)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static LocalDate mostRecent(Month month, int day, LocalDate published) {
        for (int year = published.getYear(); year >= published.getYear() - 1; year--) {
            LocalDate d = safeDate(year, month.getValue(), day);
            if (d != null && !d.isAfter(published)) {
                return d;
            }
        }
        return null;
    }

    private static YearMonth mostRecentMonth(Month month, LocalDate published) {
        YearMonth ym = YearMonth.of(published.getYear(), month);
        return ym.isAfter(YearMonth.from(published)) ? ym.minusYears(1) : ym;
    }

    private static LocalDate safeDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }
}

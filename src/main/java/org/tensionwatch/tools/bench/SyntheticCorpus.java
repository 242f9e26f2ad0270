package org.tensionwatch.tools.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensionwatch.domain.ArticleText;

/**
 * Generates a reproducible corpus of news-like articles from templates and a seeded {@link Random}: a few
 * event sentences (protests, clashes, casualties, arrests, appeals...) among many filler sentences with
 * numbers, dates, percentages and quotes, as in real reporting. Nothing is copied from any outlet.
 */
public final class SyntheticCorpus {

    private static final String[] PLACES = {"Kharkiv", "Tbilisi", "Nairobi", "Zvecan", "Goma", "Mandalay", "Gao",
        "Jenin", "Aleppo", "Yerevan", "Khartoum", "Dhaka", "Lima", "Quetta", "Mosul", "Bamako", "Caracas", "Batumi"};
    private static final String[] GROUPS = {"protesters", "students", "opposition supporters", "farmers",
        "residents", "workers", "activists", "villagers"};
    private static final String[] FORCES = {"police", "riot police", "security forces", "soldiers", "border guards"};
    private static final String[] VICTIMS = {"civilians", "police officers", "soldiers", "people", "demonstrators"};
    private static final String[] ACTORS = {"The foreign ministry", "The United Nations", "The European Union",
        "The interior minister", "Opposition leaders", "The African Union", "A government spokesperson"};
    private static final String[] DAYS = {"on Monday", "on Tuesday", "on Wednesday", "late on Thursday",
        "on Friday", "early on Saturday", "on Sunday", "overnight", "last week"};
    private static final String[] NUMBERS = {"three", "seven", "12", "two dozen", "dozens of", "hundreds of",
        "more than 40", "at least 15", "about 200", "1,500", "nearly 3,000", "thousands of"};

    private static final String[] EVENT_TEMPLATES = {
        "{N} {GROUP} marched through central {PLACE} {DAY} to protest against a new tax on fuel.",
        "{FORCE} fired tear gas at {N} {GROUP} who had blocked the main road into {PLACE}.",
        "Shelling killed at least {n} civilians in {PLACE} {DAY}, regional officials said.",
        "{N} {VICTIM} were injured in clashes with {FORCE} near the city hall in {PLACE}.",
        "Police arrested {n} {GROUP} in {PLACE} {DAY}, the interior ministry said in a statement.",
        "{ACTOR} called on all sides to show restraint and return to dialogue.",
        "{ACTOR} condemned the attack on the convoy, calling it a grave violation of the ceasefire.",
        "The army was put on high alert after drones were spotted over {PLACE}.",
        "The government said it would send {n} more troops to {PLACE} to restore order.",
        "The regional police chief was dismissed {DAY} after the unrest in {PLACE}.",
        "Two ministers resigned {DAY}, saying they could no longer support the crackdown in {PLACE}.",
        "Gunmen opened fire on a bus near {PLACE}, killing {n} passengers and wounding {n2} others.",
    };
    private static final String[] FILLER_TEMPLATES = {
        "The central bank kept its main interest rate at {P} percent, citing inflation of {P2} percent in {MONTH}.",
        "Officials said the new bridge, which cost {M} million dollars, would open in {YEAR}.",
        "\"We have always wanted peace, and we will keep working for it,\" the mayor told reporters in {PLACE}.",
        "The city of {PLACE}, home to about {POP} people, lies {KM} kilometres from the border.",
        "Turnout in the {YEAR} election was {P} percent, down from {P2} percent four years earlier.",
        "Mr. Haddad, a {AGE}-year-old teacher, said prices of bread had doubled since {MONTH}.",
        "The talks, first held in {YEAR}, are due to resume in Geneva on {MONTH} {D}.",
        "Analysts at the U.S. bank expect growth of {P}.{D} percent next year, according to a note seen by the agency.",
        "The ministry did not respond to a request for comment on Tuesday.",
        "Local television showed long queues at petrol stations across the region.",
        "The province produced {M} thousand tonnes of wheat last season, a record.",
        "The committee will publish its report by the end of {MONTH}, a spokeswoman said.",
        "Schools in {PLACE} reopened after a two-week holiday, and shops resumed normal hours.",
        "The opposition has {D} seats in the {S}-member parliament, according to official results.",
        "Dr. Amina Yusuf, who heads the local hospital, said supplies of insulin were running low.",
        "Rainfall this year was {P} percent below the average of the past decade, the weather service said.",
    };
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final Random random;

    /** A generator whose output depends only on the seed. */
    public SyntheticCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** The next article, of roughly {@code targetBytes} characters, published on {@code published}. */
    public ArticleText next(int targetBytes, LocalDate published) {
        String place = pick(PLACES);
        String title = fill(pick(EVENT_TEMPLATES), place).replaceAll("\\.$", "");
        StringBuilder body = new StringBuilder(targetBytes + 512);
        while (body.length() < targetBytes) {
            int sentences = 2 + random.nextInt(3);
            for (int i = 0; i < sentences; i++) {
                String template = random.nextInt(6) == 0 ? pick(EVENT_TEMPLATES) : pick(FILLER_TEMPLATES);
                body.append(fill(template, random.nextInt(4) == 0 ? pick(PLACES) : place)).append(' ');
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
        }
        return new ArticleText(title, body.toString(), published);
    }

    /** A list of {@code n} articles. */
    public List<ArticleText> articles(int n, int targetBytes, LocalDate published) {
        List<ArticleText> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next(targetBytes, published));
        }
        return out;
    }

    private String fill(String template, String place) {
        String n = pick(NUMBERS);
        String s = template
                .replace("{N}", n.substring(0, 1).toUpperCase() + n.substring(1))
                .replace("{n}", String.valueOf(2 + random.nextInt(40)))
                .replace("{n2}", String.valueOf(2 + random.nextInt(60)))
                .replace("{GROUP}", pick(GROUPS))
                .replace("{FORCE}", capitalize(pick(FORCES)))
                .replace("{VICTIM}", pick(VICTIMS))
                .replace("{ACTOR}", pick(ACTORS))
                .replace("{DAY}", pick(DAYS))
                .replace("{PLACE}", place)
                .replace("{MONTH}", pick(MONTHS))
                .replace("{YEAR}", String.valueOf(1990 + random.nextInt(40)))
                .replace("{P}", String.valueOf(1 + random.nextInt(60)))
                .replace("{P2}", String.valueOf(1 + random.nextInt(60)))
                .replace("{M}", String.valueOf(5 + random.nextInt(900)))
                .replace("{POP}", String.format("%,d", 10_000 + random.nextInt(2_000_000)))
                .replace("{KM}", String.valueOf(5 + random.nextInt(300)))
                .replace("{AGE}", String.valueOf(18 + random.nextInt(60)))
                .replace("{D}", String.valueOf(1 + random.nextInt(28)))
                .replace("{S}", String.valueOf(100 + random.nextInt(400)));
        return s;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}

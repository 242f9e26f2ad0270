package org.tensionwatch.tools.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.avro.MilitaryAlertLevel;

/**
 * A reproducible stream of realistic event records for benchmarks, in publication order: occurrences in 50 countries
 * (a few countries far busier than the rest) of every type, each told by several outlets over the next two days with
 * differing figures, qualifiers and actor wordings, some without a stated day or a day off by one, and some revised.
 */
public final class SyntheticEvents {

    /** The first day occurrences happen on. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

    private static final String[] COUNTRIES = {
        "UA", "RU", "IL", "PS", "SD", "MM", "SY", "CD", "ET", "NG", "PK", "AF", "IQ", "YE", "LB", "IR", "IN", "BD",
        "KE", "ML", "BF", "SO", "HT", "MX", "CO", "VE", "PE", "BO", "EC", "AR", "BR", "US", "FR", "DE", "GB", "RS",
        "XK", "GE", "AM", "AZ", "TR", "EG", "LY", "TN", "DZ", "PH", "ID", "TH", "KR", "TW"};
    private static final EventType[] TYPES = EventType.values();
    /** Relative frequency of PROTEST, CLASH, INJURY, FATALITY, ARREST, RESIGNATION, DISMISSAL, MILITARY_ALERT, ... */
    private static final int[] TYPE_WEIGHTS = {20, 12, 12, 8, 12, 2, 2, 3, 6, 10, 13};
    /** Actor groups, each as the different ways outlets word it; null is a report that names no actor. */
    private static final String[][] ACTORS = {
        {"police", "police officers", "riot police", "gendarmes"},
        {"protesters", "demonstrators", "rioters", "marchers"},
        {"soldiers", "troops", "army", "servicemen"},
        {"peacekeepers", "UN peacekeepers", "NATO troops"},
        {"journalists", "reporters", "a photographer"},
        {"civilians", "residents", "villagers", "bystanders"},
        {"students", "university students"},
        {"opposition supporters", "opposition activists"},
        {"ministers", "the interior minister"},
        {"militants", "armed men", "gunmen"}};
    private static final String[] OUTLETS = outlets();
    private static final double UNDATED = 0.15;
    private static final double DAY_OFF_BY_ONE = 0.08;
    private static final double REVISED = 0.03;
    private static final double WITHOUT_COUNTRY = 0.003;

    private final Random random;
    private final int events;
    private final int days;
    private final double[] countryWeights;
    private long articles;
    private long sequence;

    private SyntheticEvents(long seed, int events, int days) {
        this.random = new Random(seed);
        this.events = events;
        this.days = days;
        this.countryWeights = new double[COUNTRIES.length];
        for (int i = 0; i < COUNTRIES.length; i++) {
            // Zipf-like: the busiest country has about 11 times the reports of the quietest
            countryWeights[i] = 1 / Math.pow(i + 1, 0.6);
        }
    }

    /**
     * @param events how many records to yield, revisions included
     * @param days how many days the occurrences spread over
     */
    public static SyntheticEvents of(long seed, int events, int days) {
        if (events < 0) {
            throw new IllegalArgumentException("events < 0: " + events);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days < 1: " + days);
        }
        return new SyntheticEvents(seed, events, days);
    }

    /** Passes every record to {@code sink} in publication order; the same seed always gives the same records. */
    public void forEach(Consumer<ConflictEvent> sink) {
        PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparing(Pending::publishedAt).thenComparingLong(Pending::sequence));
        double reportsPerOccurrence = 3.6;
        int occurrencesPerDay = (int) Math.ceil(events / reportsPerOccurrence / days);
        int emitted = 0;
        for (int day = 0; emitted < events; day++) {
            LocalDate date = FIRST_DAY.plusDays(day);
            for (int i = 0; i < occurrencesPerDay; i++) {
                occurrence(date).forEach(queue::add);
            }
            // every report of a later day is published from 06:00 of that day on
            Instant horizon = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(6 * 3600);
            while (!queue.isEmpty() && queue.peek().publishedAt().isBefore(horizon) && emitted < events) {
                sink.accept(queue.poll().event());
                emitted++;
            }
        }
    }

    private List<Pending> occurrence(LocalDate day) {
        String country = random.nextDouble() < WITHOUT_COUNTRY ? null : COUNTRIES[pick(countryWeights)];
        EventType type = TYPES[pick(TYPE_WEIGHTS)];
        String[] actors = ACTORS[random.nextInt(ACTORS.length)];
        long trueCount = trueCount(type);
        MilitaryAlertLevel level = MilitaryAlertLevel.values()[random.nextInt(MilitaryAlertLevel.values().length)];
        String location = country == null ? "an unnamed town" : country + " district " + (1 + random.nextInt(12));
        int reports = 1 + (int) Math.min(11, -Math.log(1 - random.nextDouble()) * 2.6);
        List<String> outlets = new ArrayList<>(List.of(OUTLETS));
        Collections.shuffle(outlets.subList(0, 40), random);
        List<Pending> result = new ArrayList<>();
        Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        for (int r = 0; r < reports; r++) {
            String source = outlets.get(r);
            String articleId = "art-" + Long.toString(++articles, 36);
            Instant published = dayStart.plusSeconds(6 * 3600 + random.nextInt(42 * 3600));
            LocalDate stated = stated(day);
            String actor = random.nextDouble() < 0.2 ? null : actors[random.nextInt(actors.length)];
            ConflictEvent.Builder builder = ConflictEvent.newBuilder()
                    .setId(articleId + "#0")
                    .setArticleId(articleId)
                    .setSource(source)
                    .setUrl("https://" + source.toLowerCase().replace(' ', '-') + ".example/news/" + articleId)
                    .setType(type)
                    .setActor(actor)
                    .setLocationName(location)
                    .setCountryCode(country)
                    .setOccurredOn(stated)
                    .setPublishedAt(published)
                    .setConfidence(0.6 + random.nextDouble() * 0.39)
                    .setLevel(type == EventType.MILITARY_ALERT ? level : null)
                    .setPloverType(type.name().toLowerCase())
                    .setCameoRoot(String.format("%02d", 10 + type.ordinal()))
                    .setExtractorVersion("rules-1.0");
            figure(builder, type, trueCount);
            builder.setEvidence(evidence(source, builder, location));
            result.add(new Pending(published, ++sequence, builder.build()));
            if (random.nextDouble() < REVISED) {
                // the outlet corrects its figure a few hours later: same article and event id, newer publication
                Instant revised = published.plusSeconds(3600 + random.nextInt(10 * 3600));
                figure(builder.setPublishedAt(revised), type, trueCount + random.nextInt(5));
                builder.setEvidence("Updated: " + evidence(source, builder, location));
                result.add(new Pending(revised, ++sequence, builder.build()));
            }
        }
        return result;
    }

    private LocalDate stated(LocalDate day) {
        double roll = random.nextDouble();
        if (roll < UNDATED) {
            return null;
        }
        return roll < UNDATED + DAY_OFF_BY_ONE ? day.plusDays(random.nextBoolean() ? 1 : -1) : day;
    }

    private long trueCount(EventType type) {
        return switch (type) {
            case PROTEST -> (long) Math.exp(4 + random.nextDouble() * 6);
            case DEPLOYMENT -> 100 + random.nextInt(5000);
            case INJURY, ARREST -> 1 + (long) (-Math.log(1 - random.nextDouble()) * 25);
            case FATALITY -> 1 + (long) (-Math.log(1 - random.nextDouble()) * 8);
            case RESIGNATION, DISMISSAL -> 1 + random.nextInt(4);
            default -> 0;
        };
    }

    /** The figure one outlet gives: exact, rounded, a lower or upper bound, a vague word, or none. */
    private void figure(ConflictEvent.Builder builder, EventType type, long trueCount) {
        if (trueCount == 0 || random.nextDouble() < 0.1) {
            builder.setCount(null).setQualifier(null);
            return;
        }
        double roll = random.nextDouble();
        if (roll < 0.45) {
            builder.setCount(trueCount).setQualifier(CountQualifier.EXACT);
        } else if (roll < 0.65) {
            builder.setCount(Math.max(1, Math.round(trueCount / 10.0) * 10)).setQualifier(CountQualifier.ABOUT);
        } else if (roll < 0.80) {
            builder.setCount(Math.max(1, trueCount * 4 / 5)).setQualifier(CountQualifier.AT_LEAST);
        } else if (roll < 0.92) {
            long vague = trueCount >= 1000 ? 2000 : trueCount >= 100 ? 200 : trueCount >= 12 ? 24 : 3;
            builder.setCount(vague).setQualifier(CountQualifier.VAGUE);
        } else {
            builder.setCount(trueCount * 6 / 5 + 1).setQualifier(CountQualifier.AT_MOST);
        }
    }

    private static String evidence(String source, ConflictEvent.Builder event, String location) {
        String figure = event.getCount() == null ? "an unknown number of"
                : event.getQualifier().name().toLowerCase().replace('_', ' ') + " " + event.getCount();
        String actor = event.getActor() == null ? "people" : event.getActor();
        return source + " reported that " + figure + " " + actor + " were involved in a "
                + event.getType().name().toLowerCase().replace('_', ' ') + " in " + location + ".";
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double roll = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int pick(int[] weights) {
        double[] asDoubles = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            asDoubles[i] = weights[i];
        }
        return pick(asDoubles);
    }

    private static String[] outlets() {
        List<String> names = new ArrayList<>(List.of("Reuters", "Associated Press", "AFP", "BBC", "Al Jazeera",
                "Deutsche Welle", "France 24", "The Guardian", "New York Times", "Kyiv Independent", "Haaretz",
                "Dawn", "The Hindu", "Daily Nation", "Premium Times", "El Pais", "Folha", "Anadolu", "Yonhap",
                "Rappler"));
        for (int i = 1; names.size() < 40; i++) {
            names.add("Regional Daily " + i);
        }
        return names.toArray(String[]::new);
    }

    private record Pending(Instant publishedAt, long sequence, ConflictEvent event) {
    }
}

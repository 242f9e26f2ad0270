package org.tensionwatch.indicators;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;

/**
 * The indicators of a region over a day or a window, in one place: each with its name (the same in JSON, in the Avro
 * {@code RegionIndicators} record and in {@code diff-indicators}), the event types it is derived from, how it measures
 * them, and what it counts. In the order of the {@code RegionIndicators} schema and of the API's rows.
 *
 * <p>{@link IndicatorCounts} holds one long per {@link #isCount() count}; the alert level and the distinct sources are
 * derived from its per-level and per-source counts. The rows of the API, the records of the indicators topic, the
 * Server-Sent Events, {@code diff-indicators}, the alert rules' indicators and the table of {@code docs/topics.md}
 * take their indicators from here or are checked against it by a test ({@code IndicatorTest},
 * {@code IndicatorMappingTest}, {@code IndicatorViewsTest}, {@code DiffIndicatorsValuesTest},
 * {@code AlertIndicatorTest}, {@code IndicatorDocumentationTest}), which fails when one of them lacks one. The tension
 * index is not an indicator of this list: it is computed from the counts of the days before (see
 * {@link TensionIndex}).
 */
public enum Indicator {
    INJURIES("injuries", Measure.PEOPLE, "People injured.", EventType.INJURY),
    FATALITIES("fatalities", Measure.PEOPLE, "People killed.", EventType.FATALITY),
    ARRESTS("arrests", Measure.PEOPLE, "People arrested or detained.", EventType.ARREST),
    RESIGNATIONS("resignations", Measure.PEOPLE,
            "Officials who resigned (a mass resignation with no figure counts as one).", EventType.RESIGNATION),
    DISMISSALS("dismissals", Measure.PEOPLE, "Officials dismissed or suspended.", EventType.DISMISSAL),
    PROTESTS("protests", Measure.EVENTS, "Protests, roadblocks and blockades (events).", EventType.PROTEST),
    PROTEST_PARTICIPANTS("protestParticipants", Measure.FIGURES,
            "Participants in those protests, where a figure was given.", EventType.PROTEST),
    CLASHES("clashes", Measure.EVENTS, "Clashes, attacks, riots (events).", EventType.CLASH),
    DEPLOYMENTS("deployments", Measure.EVENTS, "Deployments of troops, police or special units (events).",
            EventType.DEPLOYMENT),
    DEPLOYED_PERSONNEL("deployedPersonnel", Measure.FIGURES,
            "Troops, police or other personnel in those deployments, where a figure was given.", EventType.DEPLOYMENT),
    APPEALS("appeals", Measure.EVENTS, "Calls for restraint or dialogue (events).", EventType.APPEAL),
    CONDEMNATIONS("condemnations", Measure.EVENTS, "Condemnations and accusations (events).", EventType.CONDEMNATION),
    ALERT_LEVEL("alertLevel", Measure.HIGHEST_LEVEL, "The highest military alert level reported in the window, or null.",
            EventType.MILITARY_ALERT),
    EVENTS("events", Measure.EVENTS, "Canonical events in the window."),
    REPORTS("reports", Measure.REPORTS, "Article reports behind those events."),
    SOURCES("sources", Measure.DISTINCT_SOURCES, "Distinct outlets behind those events.");

    /** How an indicator measures the events of its types. */
    public enum Measure {
        /** The people involved: the sum of the events' figures, an event without a figure counting as one. */
        PEOPLE("people (an event without a figure: 1)"),
        /** The number of events. */
        EVENTS("events"),
        /** The sum of the events' figures; an event without a figure adds nothing. */
        FIGURES("the figures given"),
        /** The article reports behind the events. */
        REPORTS("article reports"),
        /** The highest military alert level among the events (none: null); not a sum. */
        HIGHEST_LEVEL("the highest level"),
        /** The distinct outlets behind the events; not a sum (an outlet of two days counts once over both). */
        DISTINCT_SOURCES("distinct outlets");

        private final String description;

        Measure(String description) {
            this.description = description;
        }

        /** A few words for the documentation: "people (an event without a figure: 1)", "events", ... */
        public String description() {
            return description;
        }
    }

    private static final List<Indicator> ALL = List.of(values());
    private static final List<Indicator> COUNTS = ALL.stream().filter(Indicator::isCount).toList();

    private final String fieldName;
    private final Measure measure;
    private final String description;
    private final Set<EventType> eventTypes;

    Indicator(String fieldName, Measure measure, String description, EventType... eventTypes) {
        this.fieldName = fieldName;
        this.measure = measure;
        this.description = description;
        this.eventTypes = Collections.unmodifiableSet(eventTypes.length == 0
                ? EnumSet.allOf(EventType.class) : EnumSet.copyOf(Arrays.asList(eventTypes)));
    }

    /** Every indicator, in the order of the schema. */
    public static List<Indicator> all() {
        return ALL;
    }

    /** The indicators {@link IndicatorCounts} holds a long of (all but the alert level and the sources). */
    public static List<Indicator> counts() {
        return COUNTS;
    }

    /** The indicator of that name ({@code deployedPersonnel}). */
    public static Indicator byFieldName(String name) {
        for (Indicator indicator : ALL) {
            if (indicator.fieldName.equals(name)) {
                return indicator;
            }
        }
        throw new IllegalArgumentException("unknown indicator '" + name + "'");
    }

    /** Its name in JSON, in the Avro record and in {@code diff-indicators}: {@code injuries}, {@code deployedPersonnel}. */
    public String fieldName() {
        return fieldName;
    }

    /** How it measures the events of its types. */
    public Measure measure() {
        return measure;
    }

    /** What it counts, in one line (the field's doc in the Avro schema). */
    public String description() {
        return description;
    }

    /** The event types it is derived from: one type, or every type for {@link #EVENTS}, {@link #REPORTS}, {@link #SOURCES}. */
    public Set<EventType> eventTypes() {
        return eventTypes;
    }

    /** Whether it is a sum over events that {@link IndicatorCounts} keeps as a long, additive over days. */
    public boolean isCount() {
        return measure != Measure.HIGHEST_LEVEL && measure != Measure.DISTINCT_SOURCES;
    }

    /**
     * What one canonical event adds to this count: its people, 1, its figure or its reports when it is of this
     * indicator's types, else 0.
     *
     * @throws IllegalStateException for the alert level and the sources, which are not counts
     */
    public long amount(CanonicalEvent event) {
        if (!eventTypes.contains(event.type())) {
            return 0;
        }
        return switch (measure) {
            case PEOPLE -> CanonicalEvent.countsPeople(event.type()) ? event.magnitude() : 0;
            case EVENTS -> 1;
            case FIGURES -> event.best() != null ? event.best() : 0;
            case REPORTS -> event.articleCount();
            case HIGHEST_LEVEL, DISTINCT_SOURCES -> throw new IllegalStateException(fieldName + " is not a count");
        };
    }

    /**
     * The value in these counts as a number: the count, the distinct sources, or for the alert level its rank (0 none,
     * 1 raised, 2 high, 3 highest).
     */
    public long count(IndicatorCounts counts) {
        return switch (measure) {
            case HIGHEST_LEVEL -> {
                AlertLevel level = counts.highestAlertLevel();
                yield level == null ? 0 : level.ordinal() + 1;
            }
            case DISTINCT_SOURCES -> counts.distinctSources();
            default -> counts.get(this);
        };
    }

    /**
     * The value in these counts as the API and the topic show it: a {@code Long}, or for the alert level the level's
     * JSON name ({@code "high"}) or {@code null}.
     */
    public Object value(IndicatorCounts counts) {
        if (measure == Measure.HIGHEST_LEVEL) {
            AlertLevel level = counts.highestAlertLevel();
            return level == null ? null : level.jsonName();
        }
        return count(counts);
    }
}

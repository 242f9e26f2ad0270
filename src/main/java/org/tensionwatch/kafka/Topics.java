package org.tensionwatch.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.CanonicalEvent;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.EscalationAlert;
import org.tensionwatch.avro.RegionIndicators;

/**
 * The service's public topics, each tied to its key and value serdes. Names come from
 * configuration so that several deployments (or a re-derivation) can share one cluster.
 */
public record Topics(
        Topic<String, Article> articles,
        Topic<String, ConflictEvent> events,
        Topic<String, CanonicalEvent> canonicalEvents,
        Topic<String, RegionIndicators> indicators,
        Topic<String, EscalationAlert> alerts,
        Topic<String, EscalationAlert> settledAlerts,
        String deadLetter) {

    /** Topics with the given names and the project's Avro serdes. */
    public static Topics of(Names names) {
        return new Topics(
                new Topic<>(names.articles(), Serdes.String(), avro(Article.class, "Article")),
                new Topic<>(names.events(), Serdes.String(), avro(ConflictEvent.class, "ConflictEvent")),
                new Topic<>(names.canonicalEvents(), Serdes.String(), avro(CanonicalEvent.class, "CanonicalEvent")),
                new Topic<>(names.indicators(), Serdes.String(), avro(RegionIndicators.class, "RegionIndicators")),
                new Topic<>(names.alerts(), Serdes.String(), avro(EscalationAlert.class, "EscalationAlert")),
                new Topic<>(names.settledAlerts(), Serdes.String(), avro(EscalationAlert.class, "EscalationAlert")),
                names.deadLetter());
    }

    /** The default names, as in the README. */
    public static Topics defaults() {
        return of(Names.DEFAULTS);
    }

    /** The topic names. */
    public record Names(String articles, String events, String canonicalEvents, String indicators, String alerts,
            String settledAlerts, String deadLetter) {

        public static final Names DEFAULTS = new Names("tension.articles", "tension.events",
                "tension.canonical-events", "tension.indicators", "tension.alerts", "tension.settled-alerts",
                "tension.dead-letter");

        /** The default names with a prefix other than {@code tension.}, e.g. for a benchmark or a re-derivation. */
        public static Names prefixed(String prefix) {
            return new Names(prefix + "articles", prefix + "events", prefix + "canonical-events",
                    prefix + "indicators", prefix + "alerts", prefix + "settled-alerts", prefix + "dead-letter");
        }

        public Names withEvents(String name) {
            return new Names(articles, name, canonicalEvents, indicators, alerts, settledAlerts, deadLetter);
        }
    }

    /**
     * The configuration each topic is created with. Articles, events, canonical events and indicators
     * are keyed by stable ids, so compaction keeps the latest version of each (and a tombstone deletes
     * one); every step of every alert (provisional and settled), and every dead letter, is kept until someone
     * deletes it.
     */
    public Map<String, Map<String, String>> creationConfigs() {
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        Map<String, String> keptForever = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
        return Map.of(
                articles.name(), compacted,
                events.name(), compacted,
                canonicalEvents.name(), compacted,
                indicators.name(), compacted,
                alerts.name(), keptForever,
                settledAlerts.name(), keptForever,
                deadLetter, keptForever);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroSingleObjectSerde<T> avro(Class<T> type, String name) {
        return AvroSingleObjectSerde.of(type, SchemaHistory.olderVersionsOf(name));
    }
}

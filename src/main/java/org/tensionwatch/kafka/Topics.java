package org.tensionwatch.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.RegionIndicators;

/**
 * The service's public topics, each tied to its key and value serdes. Names come from
 * configuration so that several deployments (or a re-derivation) can share one cluster.
 */
public record Topics(
        Topic<String, Article> articles,
        Topic<String, ConflictEvent> events,
        Topic<String, RegionIndicators> indicators,
        String deadLetter) {

    /** Topics with the given names and the project's Avro serdes. */
    public static Topics of(String articles, String events, String indicators, String deadLetter) {
        return new Topics(
                new Topic<>(articles, Serdes.String(), avro(Article.class, "Article")),
                new Topic<>(events, Serdes.String(), avro(ConflictEvent.class, "ConflictEvent")),
                new Topic<>(indicators, Serdes.String(), avro(RegionIndicators.class, "RegionIndicators")),
                deadLetter);
    }

    /** The default names, as in the README. */
    public static Topics defaults() {
        return of("tension.articles", "tension.events", "tension.indicators", "tension.dead-letter");
    }

    /**
     * The configuration each topic is created with. Articles, events and indicators are keyed by
     * stable ids, so compaction keeps the latest version of each (and a tombstone deletes an event);
     * dead letters are kept until someone looks at them.
     */
    public Map<String, Map<String, String>> creationConfigs() {
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        return Map.of(
                articles.name(), compacted,
                events.name(), compacted,
                indicators.name(), compacted,
                deadLetter, Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroSingleObjectSerde<T> avro(Class<T> type, String name) {
        return AvroSingleObjectSerde.of(type, SchemaHistory.olderVersionsOf(name));
    }
}

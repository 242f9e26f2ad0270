package org.tensionwatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.EventType;
import org.tensionwatch.avro.MilitaryAlertLevel;

/** A named builder of event records as the extraction topology writes them, for topology tests. */
final class ConflictEvents {

    private final ConflictEvent.Builder builder = ConflictEvent.newBuilder()
            .setConfidence(0.9)
            .setEvidence("evidence sentence")
            .setExtractorVersion("test")
            .setCountryCode("XK");
    private String articleId = "article";
    private int index;

    static ConflictEvents of(EventType type) {
        ConflictEvents events = new ConflictEvents();
        events.builder.setType(type);
        return events;
    }

    ConflictEvents article(String articleId, int index) {
        this.articleId = articleId;
        this.index = index;
        return this;
    }

    ConflictEvents source(String source) {
        builder.setSource(source);
        return this;
    }

    ConflictEvents count(long count, CountQualifier qualifier) {
        builder.setCount(count).setQualifier(qualifier);
        return this;
    }

    ConflictEvents level(MilitaryAlertLevel level) {
        builder.setLevel(level);
        return this;
    }

    ConflictEvents actor(String actor) {
        builder.setActor(actor);
        return this;
    }

    ConflictEvents region(String countryCode) {
        builder.setCountryCode(countryCode);
        return this;
    }

    ConflictEvents on(String day) {
        builder.setOccurredOn(LocalDate.parse(day));
        return this;
    }

    ConflictEvents published(String instant) {
        builder.setPublishedAt(Instant.parse(instant));
        return this;
    }

    ConflictEvent build() {
        return builder.setId(articleId + "#" + index).setArticleId(articleId).build();
    }
}

package org.tensionwatch.indicators;

import java.time.Instant;
import java.time.LocalDate;
import org.tensionwatch.domain.AlertLevel;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.Qualifier;

/** Test fixture: named builders of event reports, in the project's own made-up wording. */
final class Reports {

    private Reports() {
    }

    /** An injury report of article {@code articleId}, published at noon on 2023-05-30, about 2023-05-29 in XK. */
    static Builder injury(String articleId) {
        return new Builder(articleId, EventType.INJURY);
    }

    static Builder of(EventType type, String articleId) {
        return new Builder(articleId, type);
    }

    static final class Builder {
        private final String articleId;
        private final EventType type;
        private String eventId;
        private String source;
        private Long count;
        private Qualifier qualifier;
        private AlertLevel level;
        private String actor = "peacekeepers";
        private String location = "Zvecan";
        private String region = "XK";
        private LocalDate occurredOn = LocalDate.parse("2023-05-29");
        private boolean stated = true;
        private Instant publishedAt = Instant.parse("2023-05-30T12:00:00Z");

        private Builder(String articleId, EventType type) {
            this.articleId = articleId;
            this.type = type;
            this.source = "outlet-" + articleId;
        }

        Builder count(long value, Qualifier q) {
            this.count = value;
            this.qualifier = q;
            return this;
        }

        Builder exactly(long value) {
            return count(value, Qualifier.EXACT);
        }

        Builder level(AlertLevel value) {
            this.level = value;
            return this;
        }

        Builder source(String value) {
            this.source = value;
            return this;
        }

        Builder actor(String value) {
            this.actor = value;
            return this;
        }

        Builder region(String value) {
            this.region = value;
            return this;
        }

        Builder location(String value) {
            this.location = value;
            return this;
        }

        Builder eventId(String value) {
            this.eventId = value;
            return this;
        }

        Builder on(String day) {
            this.occurredOn = LocalDate.parse(day);
            this.stated = true;
            return this;
        }

        /** No day stated: dated by the publication day. */
        Builder undatedPublishedOn(String day) {
            this.occurredOn = LocalDate.parse(day);
            this.stated = false;
            this.publishedAt = Instant.parse(day + "T12:00:00Z");
            return this;
        }

        Builder published(String instant) {
            this.publishedAt = Instant.parse(instant);
            return this;
        }

        EventReport build() {
            String id = eventId != null ? eventId : articleId + "#" + type.name().toLowerCase();
            return new EventReport(id, articleId, source, "https://news.example/" + articleId, type, count, qualifier,
                    level, actor, location, region, occurredOn, stated, publishedAt,
                    "Made-up sentence of article " + articleId + ".", 0.9);
        }
    }
}

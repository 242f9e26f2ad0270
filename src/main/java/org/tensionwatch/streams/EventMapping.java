package org.tensionwatch.streams;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tensionwatch.avro.Article;
import org.tensionwatch.avro.ConflictEvent;
import org.tensionwatch.avro.CountQualifier;
import org.tensionwatch.avro.MilitaryAlertLevel;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.ExtractedEvent;

/** Maps between the Avro records on the topics and the plain domain records the extractor and indicators use. */
public final class EventMapping {

    private EventMapping() {
    }

    /** What the extractor reads of an article: relative dates resolve against the UTC publication day. */
    public static ArticleText articleText(Article article) {
        return new ArticleText(article.getTitle(), article.getBody(),
                LocalDate.ofInstant(article.getPublishedAt(), ZoneOffset.UTC));
    }

    /** The event id of the {@code index}-th event extracted from an article: stable while the article and extractor are. */
    public static String eventId(String articleId, int index) {
        return articleId + "#" + index;
    }

    public static ConflictEvent toAvro(Article article, int index, ExtractedEvent event, String extractorVersion) {
        return ConflictEvent.newBuilder()
                .setId(eventId(article.getId(), index))
                .setArticleId(article.getId())
                .setSource(article.getSource())
                .setUrl(article.getUrl())
                .setType(org.tensionwatch.avro.EventType.valueOf(event.type().name()))
                .setCount(event.count())
                .setQualifier(event.qualifier() == null ? null : CountQualifier.valueOf(event.qualifier().name()))
                .setLevel(event.level() == null ? null : MilitaryAlertLevel.valueOf(event.level().name()))
                .setActor(event.actor())
                .setLocationName(event.location())
                .setCountryCode(event.countryCode())
                .setOccurredOn(event.occurredOn())
                .setEarliestDay(event.occurredWithin() == null ? null : event.occurredWithin().earliest())
                .setLatestDay(event.occurredWithin() == null ? null : event.occurredWithin().latest())
                .setPublishedAt(article.getPublishedAt())
                .setEvidence(event.evidence())
                .setConfidence(event.confidence())
                .setPloverType(event.plover().ploverType())
                .setPloverMode(event.plover().ploverMode())
                .setCameoRoot(event.plover().cameoRoot())
                .setExtractorVersion(extractorVersion)
                .build();
    }
}

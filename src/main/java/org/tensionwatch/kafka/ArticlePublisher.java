package org.tensionwatch.kafka;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.tensionwatch.avro.Article;
import org.tensionwatch.ingest.NewArticle;

/** Publishes incoming articles to the articles topic, keyed by their stable id, with an idempotent producer and {@code acks=all}. */
public final class ArticlePublisher implements AutoCloseable {

    private final KafkaProducer<String, Article> producer;
    private final Topic<String, Article> topic;
    private final Clock clock;

    public ArticlePublisher(String bootstrapServers, Topic<String, Article> topic, Clock clock) {
        this(KafkaConnection.plaintext(bootstrapServers), topic, clock);
    }

    public ArticlePublisher(KafkaConnection kafka, Topic<String, Article> topic, Clock clock) {
        Properties props = kafka.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tension-watch-articles");
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
        this.clock = clock;
    }

    /** Publishes the article and waits until the broker has it; returns its id. */
    public String publish(NewArticle article) {
        return publish(article, "en");
    }

    /** Publishes the article, of the given language (ISO 639-1), and waits until the broker has it; returns its id. */
    public String publish(NewArticle article, String language) {
        Article record = toAvro(article, language, clock.instant());
        try {
            producer.send(new ProducerRecord<>(topic.name(), null, recordTimestamp(record), record.getId(), record))
                    .get();
            return record.getId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing article " + record.getId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException tooLarge) {
                throw new ArticleTooLargeException("article " + record.getId()
                        + " is too large for the articles topic: " + tooLarge.getMessage(), tooLarge);
            }
            throw new IllegalStateException("the broker did not take article " + record.getId() + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * The Kafka timestamp of an article's record: its publication time, which the streams take as stream time. Kafka
     * takes no timestamp before 1970, so an older article's record is stamped 1970-01-01T00:00:00Z; its value keeps
     * when it was published, which is what the extraction and the indicators read for its days.
     */
    public static long recordTimestamp(Article record) {
        return Math.max(0, record.getPublishedAt().toEpochMilli());
    }

    /** An article larger than a record of the articles topic may be (about 1 MB encoded). */
    public static final class ArticleTooLargeException extends RuntimeException {
        ArticleTooLargeException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The Avro record of a new article, as it goes on the articles topic. */
    public static Article toAvro(NewArticle article, java.time.Instant ingestedAt) {
        return toAvro(article, "en", ingestedAt);
    }

    /** The Avro record of a new article of the given language (ISO 639-1). */
    public static Article toAvro(NewArticle article, String language, java.time.Instant ingestedAt) {
        return Article.newBuilder()
                .setId(article.id())
                .setUrl(article.url())
                .setSource(article.source())
                .setTitle(article.title())
                .setBody(article.body())
                .setLanguage(language)
                .setPublishedAt(article.publishedAt())
                .setIngestedAt(ingestedAt)
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}

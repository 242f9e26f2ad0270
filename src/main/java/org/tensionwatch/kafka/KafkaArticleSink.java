package org.tensionwatch.kafka;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.tensionwatch.avro.Article;
import org.tensionwatch.ingest.NewArticle;
import org.tensionwatch.replay.ArticleSink;

/**
 * Sends replayed articles to the articles topic, keyed by their stable id and stamped with their publication time,
 * with an idempotent producer ({@code acks=all}) that batches: a replay sends many articles, then waits for all.
 */
public final class KafkaArticleSink implements ArticleSink {

    private final KafkaProducer<String, Article> producer;
    private final Topic<String, Article> topic;
    private final Clock clock;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public KafkaArticleSink(String bootstrapServers, Topic<String, Article> topic, Clock clock) {
        this(KafkaConnection.plaintext(bootstrapServers), topic, clock);
    }

    public KafkaArticleSink(KafkaConnection kafka, Topic<String, Article> topic, Clock clock) {
        Properties props = kafka.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tension-watch-replay");
        // a broker that is down fails the replay within a minute instead of blocking it
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public void send(NewArticle article) {
        throwIfFailed();
        Article record = ArticlePublisher.toAvro(article, clock.instant());
        producer.send(new ProducerRecord<>(topic.name(), null, ArticlePublisher.recordTimestamp(record), record.getId(),
                        record),
                (metadata, error) -> {
                    if (error != null) {
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("the broker did not take an article: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

package org.tensionwatch.service;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.tensionwatch.domain.ArticleText;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.ExtractedEvent;

/**
 * The service's extractor, counting the events it returns by type for the metrics endpoint; the
 * extractor itself stays free of metrics. It counts extractions: an article ingested again, or
 * re-read after a Streams task is retried, is counted again.
 */
final class CountingExtractor implements EventExtractor {

    private static final Map<EventType, LongAdder> EXTRACTED = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            EXTRACTED.put(type, new LongAdder());
        }
    }

    private final EventExtractor delegate;

    CountingExtractor(EventExtractor delegate) {
        this.delegate = delegate;
    }

    /** Events of the type extracted by this JVM so far. */
    static long extracted(EventType type) {
        return EXTRACTED.get(type).sum();
    }

    @Override
    public List<ExtractedEvent> extract(ArticleText article) {
        List<ExtractedEvent> events = delegate.extract(article);
        for (ExtractedEvent event : events) {
            EXTRACTED.get(event.type()).increment();
        }
        return events;
    }

    @Override
    public String version() {
        return delegate.version();
    }
}

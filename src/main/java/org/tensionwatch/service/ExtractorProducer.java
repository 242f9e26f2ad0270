package org.tensionwatch.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.tensionwatch.domain.EventExtractor;
import org.tensionwatch.extraction.RuleBasedExtractor;

/** Makes the rule-based extractor available to the service, counting its events by type; it is thread-safe and built once. */
public class ExtractorProducer {

    @Produces
    @Singleton
    EventExtractor extractor() {
        return new CountingExtractor(new RuleBasedExtractor());
    }
}

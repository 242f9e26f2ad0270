package org.tensionwatch.domain;

import java.util.List;

/** Reads an article and returns the events it reports. Implementations are thread-safe. */
public interface EventExtractor {

    /** The events the article reports, in the order they appear; never {@code null}. */
    List<ExtractedEvent> extract(ArticleText article);

    /** A version string that changes whenever the extractor's output may change, e.g. "rules-1.3". */
    String version();
}

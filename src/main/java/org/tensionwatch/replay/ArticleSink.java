package org.tensionwatch.replay;

import org.tensionwatch.ingest.NewArticle;

/** Where a replay sends articles: {@link #send} may buffer; {@link #flush} returns when every article sent is stored. */
public interface ArticleSink extends AutoCloseable {

    void send(NewArticle article);

    /** Blocks until everything sent is acknowledged; throws if any send failed. */
    void flush();

    @Override
    void close();
}

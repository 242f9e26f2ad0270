package org.tensionwatch.feeds;

/** What was fetched is not a feed that can be read: malformed XML, an HTML page, another format. */
public final class FeedFormatException extends Exception {

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.tensionwatch.extraction.eval;

/**
 * The part of an event the scorer looks at: its article, type and count.
 *
 * @param article the article's file name
 * @param type the event type, upper case
 * @param count the figure, or null where there is none (or it is not a number)
 */
public record ScoredEvent(String article, String type, Double count) {
}

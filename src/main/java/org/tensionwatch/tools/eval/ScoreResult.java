package org.tensionwatch.tools.eval;

import java.util.Map;

/**
 * The scores of a set of predictions against gold annotations.
 *
 * @param articles how many gold articles were scored
 * @param predictedEvents how many predicted events belonged to a gold article
 * @param types per article, the set of event types found
 * @param counts per article, the (type, count) pairs with a number
 * @param events one-to-one matching of events of the same type whose counts agree
 * @param placed the same matching where an event must also be right about the country and (within a day) the day
 * @param when over the events matched in {@code events} whose gold has a day: how many have exactly that day
 * @param country over the events matched in {@code events} whose gold has a country: how many have it
 * @param perType article-level detection of each type, by type name, sorted
 */
public record ScoreResult(int articles, int predictedEvents, Prf types, Prf counts, Prf events, Prf placed,
        Accuracy when, Accuracy country, Map<String, Prf> perType) {

    public ScoreResult {
        perType = Map.copyOf(perType);
    }

    /** How many of {@code of} items were right; the accuracy is {@code right / of}, or null when there were none. */
    public record Accuracy(int right, int of) {

        /** The share right, or null when there was nothing to judge. */
        public Double value() {
            return of == 0 ? null : (double) right / of;
        }
    }
}

package org.tensionwatch.extraction.eval;

import java.util.Map;

/**
 * The scores of a set of predictions against gold annotations.
 *
 * @param articles how many gold articles were scored
 * @param predictedEvents how many predicted events belonged to a gold article
 * @param types per article, the set of event types found
 * @param counts per article, the (type, count) pairs with a number
 * @param events one-to-one matching of events of the same type whose counts agree
 * @param perType article-level detection of each type, by type name, sorted
 */
public record ScoreResult(int articles, int predictedEvents, Prf types, Prf counts, Prf events,
        Map<String, Prf> perType) {

    public ScoreResult {
        perType = Map.copyOf(perType);
    }
}

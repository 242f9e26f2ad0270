package org.tensionwatch.tools.eval;

/**
 * Precision, recall and F1 of one comparison, from true positives, predictions and gold items.
 *
 * @param truePositives items both predicted and in the gold
 * @param predicted items predicted
 * @param gold items in the gold
 */
public record Prf(int truePositives, int predicted, int gold) {

    /** Precision; 1 when nothing was predicted and nothing was to be found. */
    public double precision() {
        return predicted == 0 ? (gold == 0 ? 1.0 : 0.0) : (double) truePositives / predicted;
    }

    /** Recall; 1 when there was nothing to find. */
    public double recall() {
        return gold == 0 ? 1.0 : (double) truePositives / gold;
    }

    /** The harmonic mean of precision and recall, 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}

package org.tensionwatch.alerts;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AlertEvaluator#revisit} decided for one rule and region: the late steps, in the order of the days they
 * are about, and the state to keep.
 */
public record Revisit(List<Transition> steps, AlertState next) {

    public Revisit {
        steps = List.copyOf(steps);
        Objects.requireNonNull(next, "next == null");
    }
}

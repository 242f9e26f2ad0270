package org.tensionwatch.streams;

import org.tensionwatch.avro.EscalationAlert;

/**
 * A step of an alert as {@link EvaluateAlerts} decides it: provisional (decided at once on what had arrived) or
 * settled (decided once the day evaluated could no longer change), each written to its own topic.
 */
record AlertStep(EscalationAlert alert, boolean settled) {
}

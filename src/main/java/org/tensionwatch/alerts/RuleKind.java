package org.tensionwatch.alerts;

/** How a rule compares its indicator. */
public enum RuleKind {
    /** The value against a fixed level. */
    THRESHOLD,
    /** The value against the region's own trailing baseline, raised by a fraction (0.25: 25 % above). */
    CHANGE
}

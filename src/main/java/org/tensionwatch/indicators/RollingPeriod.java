package org.tensionwatch.indicators;

/** The windows indicators are summed over, each ending on (and including) its last day. */
public enum RollingPeriod {
    P1D(1),
    P7D(7),
    P30D(30);

    private final int days;

    RollingPeriod(int days) {
        this.days = days;
    }

    /** How many days the window spans, its last day included. */
    public int days() {
        return days;
    }
}

package com.covalue.model;

/**
 * How often something happens, declared from least to most frequent, so that a later constant is
 * always the better one (the contract's "better value" ordering).
 */
public enum Cadence {
    NONE(0),
    AD_HOC(0.5),
    ANNUAL(1),
    SEMIANNUAL(2),
    QUARTERLY(4),
    MONTHLY(12),
    FORTNIGHTLY(26),
    WEEKLY(52);

    private final double timesPerYear;

    Cadence(double timesPerYear) {
        this.timesPerYear = timesPerYear;
    }

    public double timesPerYear() {
        return timesPerYear;
    }

    /** True when this cadence is at least as frequent as {@code other}. */
    public boolean atLeast(Cadence other) {
        return compareTo(other) >= 0;
    }
}

package com.covalue.model;

/**
 * One side's answer about one research practice: is it in place (or the behaviour consistently
 * seen) from that side's point of view. Declared from worse to better; "don't know" is no answer.
 */
public enum PracticeAnswer {
    NO,
    PARTLY,
    YES;

    /** True when this answer is better than {@code other}. */
    public boolean betterThan(PracticeAnswer other) {
        return compareTo(other) > 0;
    }
}

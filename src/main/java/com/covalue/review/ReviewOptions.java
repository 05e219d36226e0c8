package com.covalue.review;

import com.covalue.model.Verdict;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a portfolio is reviewed.
 *
 * @param asOf       the day the review looks forward from
 * @param withinDays renewals up to this many days after {@code asOf} are due (overdue ones too)
 * @param failOn     the gate fails when a reviewed relationship's verdict is this or worse
 * @param strict     the gate also fails when any snapshot could not be read
 */
public record ReviewOptions(LocalDate asOf, int withinDays, Verdict failOn, boolean strict) {

    public static final int DEFAULT_WITHIN_DAYS = 180;
    public static final Verdict DEFAULT_FAIL_ON = Verdict.REMEDIATE_BEFORE_RENEWAL;
    /** Ten years: a window longer than any contract term is almost certainly a typo. */
    public static final int MAX_WITHIN_DAYS = 3660;

    public ReviewOptions {
        Objects.requireNonNull(asOf, "asOf == null");
        Objects.requireNonNull(failOn, "failOn == null");
        if (withinDays < 0 || withinDays > MAX_WITHIN_DAYS) {
            throw new IllegalArgumentException("withinDays must be 0.." + MAX_WITHIN_DAYS + ", got " + withinDays);
        }
    }

    /** The last renewal date that is due in this review. */
    public LocalDate windowEnd() {
        return asOf.plusDays(withinDays);
    }
}

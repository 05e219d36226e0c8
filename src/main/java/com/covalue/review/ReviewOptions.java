package com.covalue.review;

import com.covalue.model.RenewalWindow;
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

    public static final Verdict DEFAULT_FAIL_ON = Verdict.REMEDIATE_BEFORE_RENEWAL;

    /** @throws com.covalue.model.CovalueException when {@code withinDays} is out of {@link RenewalWindow}'s range */
    public ReviewOptions {
        Objects.requireNonNull(asOf, "asOf == null");
        Objects.requireNonNull(failOn, "failOn == null");
        new RenewalWindow(withinDays);
    }

    /** The last renewal date that is due in this review. */
    public LocalDate windowEnd() {
        return asOf.plusDays(withinDays);
    }
}

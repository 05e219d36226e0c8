package com.covalue.model;

import java.util.Optional;

/**
 * How many days ahead a renewal counts as due: the one home of the range that the renewal review,
 * {@code GET /api/v1/renewals} and {@code covalue review --within} share.
 */
public record RenewalWindow(int days) {

    public static final int DEFAULT_DAYS = 180;
    /** Ten years: a window longer than any contract term is almost certainly a typo. */
    public static final int MAX_DAYS = 3660;

    public static final RenewalWindow DEFAULT = new RenewalWindow(DEFAULT_DAYS);

    /** @throws CovalueException {@code invalid_parameter} naming {@code within} when out of range */
    public RenewalWindow {
        problemWith(days).ifPresent(problem -> {
            throw CovalueException.invalidParameter(problem.field(), problem.message());
        });
    }

    /** What is wrong with {@code days} as a window (field {@code within}), for callers that collect problems. */
    public static Optional<Problem> problemWith(int days) {
        return days >= 0 && days <= MAX_DAYS ? Optional.empty()
                : Optional.of(Problem.atField("within", "must be between 0 and " + MAX_DAYS + " days, got " + days));
    }
}

package com.covalue.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How good a known value of one contract field is, 0..1, given the whole snapshot (for ratios and
 * ages); each factory below is monotone in its field's better direction.
 */
@FunctionalInterface
public interface Goodness {

    Double of(Object value, Snapshot snapshot);

    /**
     * A frequency scored against the "good enough" table in {@code rules/priority.yaml}
     * ({@code health.goodEnough}), which the rules read too; the health scorer supplies the target.
     */
    Goodness GOOD_ENOUGH_CADENCE = (v, s) -> {
        throw new UnsupportedOperationException("a frequency is scored against health.goodEnough in rules/priority.yaml");
    };

    static Goodness yes() {
        return (v, s) -> ((Boolean) v) ? 1.0 : 0.0;
    }

    /** Full marks at {@code target} or more often. */
    static Goodness atLeast(Cadence target) {
        return (v, s) -> Math.min(1.0, ((Cadence) v).timesPerYear() / target.timesPerYear());
    }

    /** Full marks at {@code target} or more. */
    static Goodness upTo(double target) {
        return (v, s) -> Math.min(1.0, ((Number) v).doubleValue() / target);
    }

    /** Full marks at zero, nothing at {@code worst} or more. */
    static Goodness fewerThan(double worst) {
        return (v, s) -> Math.max(0.0, 1.0 - ((Number) v).doubleValue() / worst);
    }

    /** Nothing at {@code floor} or below, full marks at {@code target} or above. */
    static Goodness between(double floor, double target) {
        return (v, s) -> clamp((((Number) v).doubleValue() - floor) / (target - floor));
    }

    /** A 1-5 rating. */
    static Goodness rating() {
        return (v, s) -> (((Integer) v) - 1) / 4.0;
    }

    static Goodness sharing() {
        return (v, s) -> ((InformationSharing) v).ordinal() / 2.0;
    }

    /** A date: full marks up to {@code freshMonths} old, nothing at {@code staleMonths} or older. */
    static Goodness recent(int freshMonths, int staleMonths) {
        return (v, s) -> {
            long months = ChronoUnit.MONTHS.between((LocalDate) v, s.assessedOn());
            return clamp(1.0 - (months - freshMonths) / (double) (staleMonths - freshMonths));
        };
    }

    /** Promises kept as a share of those due (unscored when nothing was due or the count is unknown). */
    static Goodness shareOfPromisesDue() {
        return (v, s) -> {
            Integer due = s.delivery().promisesDue12m();
            return due == null || due == 0 ? null : Math.min(1.0, ((Integer) v) / (double) due);
        };
    }

    private static double clamp(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }
}

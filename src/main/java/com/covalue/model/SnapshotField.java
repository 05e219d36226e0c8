package com.covalue.model;

import com.covalue.model.Cadence;
import com.covalue.model.Factor;
import com.covalue.model.InformationSharing;
import com.covalue.model.Snapshot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fact of the snapshot contract: where it lives, which factor it informs, which way is better,
 * and how good a known value is (0..1) for the factor's health score.
 *
 * @param path     dotted contract path, e.g. {@code governance.escalationPath}
 * @param factor   the factor the fact informs, null for facts about the contract itself
 * @param better   which way is better (the contract's "better value")
 * @param value    reads the value from a snapshot; null when unknown
 * @param goodness how good a known value is, 0..1; null for facts that are not scored
 */
public record SnapshotField(
        String path,
        Factor factor,
        Better better,
        Function<Snapshot, Object> value,
        Goodness goodness) {

    /** Which way a fact's value is better. */
    public enum Better { HIGHER, LOWER, NEITHER }

    /** How good a known value is, 0..1, given the whole snapshot (for ratios and ages). */
    @FunctionalInterface
    public interface Goodness {
        Double of(Object value, Snapshot snapshot);
    }

    public SnapshotField {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(better, "better == null");
        Objects.requireNonNull(value, "value == null");
    }

    public boolean known(Snapshot s) {
        return value.apply(s) != null;
    }

    /** How good this fact's value (read once by the caller) is in the snapshot, or null when unknown or not scored. */
    public Double goodnessOf(Object value, Snapshot s) {
        return value == null || goodness == null ? null : goodness.of(value, s);
    }

    // ---- goodness functions, each monotone in the field's better direction ----

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

    private static double clamp(double x) {
        return Math.max(0.0, Math.min(1.0, x));
    }
}

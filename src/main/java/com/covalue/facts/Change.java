package com.covalue.facts;

import java.util.Locale;
import java.util.Set;

/**
 * Trend fact: one snapshot fact that was known at the previous snapshot and is known now, and
 * which way it moved, for rules such as
 * {@code Change( field == "measurement.satisfactionScore", worsened == true )}.
 *
 * <p>Only facts with a better direction are compared. Promises are compared as the share kept
 * ({@code delivery.promisesKeptRatio}), since the raw count depends on how many fell due.
 *
 * @param field      the contract path, e.g. {@code openness.escalationsOpen}
 * @param factor     the factor the fact informs (its key, e.g. {@code "openness"})
 * @param before     the value at the previous snapshot
 * @param after      the value now
 * @param worsened   true when the value moved the worse way
 * @param improved   true when the value moved the better way
 * @param worsenedBy how far it moved the worse way, in the fact's own units (rating points, counts,
 *                   ratio, steps of frequency, yes to no = 1); 0 when it did not worsen
 */
public record Change(String field, String factor, Object before, Object after, boolean worsened, boolean improved,
        double worsenedBy) {

    /** Facts that are shares 0..1, shown as percentages (to a tenth) in reasons. */
    private static final Set<String> SHARES = Set.of(
            "governance.namedCounterparts", "delivery.slaAttainment", "delivery.promisesKeptRatio");

    /** The value at the previous snapshot as a reason shows it: shares as "92.7%", yes/no as "yes"/"no". */
    public String beforeText() {
        return shown(before);
    }

    /** The value now as a reason shows it. */
    public String afterText() {
        return shown(after);
    }

    private String shown(Object value) {
        if (value instanceof Double d && SHARES.contains(field)) {
            double percent = Math.round(d * 1000) / 10.0;
            return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return String.valueOf(value);
    }
}

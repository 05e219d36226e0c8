package com.covalue.facts;

import com.covalue.model.Factor;
import com.covalue.model.SnapshotField;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Trend fact: one snapshot fact that was known at the previous snapshot and is known now, and
 * which way it moved, for rules such as
 * {@code Change( field == SnapshotField.MEASUREMENT_SATISFACTION_SCORE, worsened == true )}.
 *
 * <p>Only facts with a better direction are compared. Promises are compared as the share kept
 * ({@link SnapshotField#DELIVERY_PROMISES_KEPT_RATIO}), since the raw count depends on how many fell due.
 *
 * @param field      the contract field, e.g. {@code SnapshotField.OPENNESS_ESCALATIONS_OPEN}; written
 *                   as its path, {@code openness.escalationsOpen}
 * @param factor     the factor the fact informs (the field's own)
 * @param before     the value at the previous snapshot
 * @param after      the value now
 * @param worsened   true when the value moved the worse way
 * @param improved   true when the value moved the better way
 * @param worsenedBy how far it moved the worse way, in the fact's own units (rating points, counts,
 *                   ratio, steps of frequency, yes to no = 1); 0 when it did not worsen
 */
public record Change(SnapshotField field, Factor factor, Object before, Object after, boolean worsened,
        boolean improved, double worsenedBy) {

    /** Facts that are shares 0..1, shown as percentages (to a tenth) in reasons. */
    private static final Set<SnapshotField> SHARES = EnumSet.of(SnapshotField.GOVERNANCE_NAMED_COUNTERPARTS,
            SnapshotField.DELIVERY_SLA_ATTAINMENT, SnapshotField.DELIVERY_PROMISES_KEPT_RATIO);

    public Change {
        Objects.requireNonNull(field, "field == null");
    }

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

package com.covalue.facts;

import com.covalue.model.Cadence;
import com.covalue.model.SnapshotField;

/**
 * A known frequency that is rarer than the "good enough" of {@code rules/priority.yaml}'s
 * {@code health.goodEnough} table, the same table the health score gives full marks from, so a
 * rule on this fact and the health score cannot disagree. Absent when the frequency is unknown or
 * good enough. Rules write {@code BelowGoodEnough( field == SnapshotField.DELIVERY_PROGRESS_REPORTS, $now : value )}.
 *
 * @param field      the frequency's field
 * @param value      how often it happens
 * @param goodEnough the least frequent value that would be good enough
 */
public record BelowGoodEnough(SnapshotField field, Cadence value, Cadence goodEnough) {

    /** True when the thing does not happen at all, or only ad hoc. */
    public boolean absent() {
        return !value.atLeast(Cadence.ANNUAL);
    }

    /** How many steps of frequency it is short, 1 or more. */
    public int stepsShort() {
        return goodEnough.ordinal() - value.ordinal();
    }

    /** The value as people read it: "never", "only ad hoc", "once a year", "twice a year", "every quarter", ... */
    public String valueText() {
        return text(value);
    }

    /** The good-enough frequency as people read it. */
    public String goodEnoughText() {
        return text(goodEnough);
    }

    /** For a reason: "every fortnight (every week is good enough)". */
    public String shortfall() {
        return valueText() + " (" + goodEnoughText() + " is good enough)";
    }

    private static String text(Cadence c) {
        return switch (c) {
            case NONE -> "never";
            case AD_HOC -> "only ad hoc";
            case ANNUAL -> "once a year";
            case SEMIANNUAL -> "twice a year";
            case QUARTERLY -> "every quarter";
            case MONTHLY -> "every month";
            case FORTNIGHTLY -> "every fortnight";
            case WEEKLY -> "every week";
        };
    }
}

package com.covalue.facts;

import com.covalue.model.Factor;
import java.util.Objects;

/**
 * Trend fact: how each side's rating of one success factor (1-5) moved since the previous
 * snapshot; a rating is null when that side did not give it then or now.
 *
 * <p>The gap between the two sides is shown ({@link #gapBefore()}, {@link #gapNow()}) but rules
 * do not fire on the gap widening: a gap also widens when the happier side grows happier, and a
 * better rating must never add advice. {@link #lowerRatingFell()} is the safe form of "the two
 * sides are drifting apart": the less satisfied view is lower than it was.
 */
public record PerceptionTrend(Factor factor, Integer clientBefore, Integer clientNow, Integer supplierBefore,
        Integer supplierNow) {

    public PerceptionTrend {
        Objects.requireNonNull(factor, "factor == null");
    }

    /** Points the client's rating fell; 0 when it held, rose or is unknown. */
    public int clientDrop() {
        return drop(clientBefore, clientNow);
    }

    /** Points the supplier's rating fell; 0 when it held, rose or is unknown. */
    public int supplierDrop() {
        return drop(supplierBefore, supplierNow);
    }

    /** The larger of the two sides' drops. */
    public int largestDrop() {
        return Math.max(clientDrop(), supplierDrop());
    }

    /**
     * True when the lower of the two ratings is lower than the lower one was: the less satisfied
     * view has worsened. Needs both sides' ratings then and now.
     */
    public boolean lowerRatingFell() {
        return lowerBefore() != null && lowerNow() != null && lowerNow() < lowerBefore();
    }

    /** The lower of the two ratings last time; null unless both sides rated the factor. */
    public Integer lowerBefore() {
        return clientBefore == null || supplierBefore == null ? null : Math.min(clientBefore, supplierBefore);
    }

    /** The lower of the two ratings now; null unless both sides rated the factor. */
    public Integer lowerNow() {
        return clientNow == null || supplierNow == null ? null : Math.min(clientNow, supplierNow);
    }

    /** The gap between the sides last time; null unless both rated the factor. */
    public Integer gapBefore() {
        return clientBefore == null || supplierBefore == null ? null : Math.abs(clientBefore - supplierBefore);
    }

    /** The gap between the sides now; null unless both rated the factor. */
    public Integer gapNow() {
        return clientNow == null || supplierNow == null ? null : Math.abs(clientNow - supplierNow);
    }

    /** For reasons: e.g. "client 4 -> 2, supplier 4 -> 4". */
    public String summary() {
        return "client " + side(clientBefore, clientNow) + ", supplier " + side(supplierBefore, supplierNow);
    }

    private static String side(Integer before, Integer now) {
        return (before == null ? "?" : before.toString()) + " -> " + (now == null ? "?" : now.toString());
    }

    private static int drop(Integer before, Integer now) {
        return before == null || now == null ? 0 : Math.max(0, before - now);
    }
}

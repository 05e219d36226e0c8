package com.covalue.facts;

import com.covalue.model.Factor;
import java.util.Objects;

/**
 * Renewal-stage fact: one factor's health score, for rules such as
 * {@code HealthScore( factor == Factor.TRUST, score < 30 )}. Present only for factors with at least
 * one known fact; the whole relationship's score is {@link OverallHealth}.
 */
public record HealthScore(Factor factor, int score) {

    public HealthScore {
        Objects.requireNonNull(factor, "factor == null");
    }
}

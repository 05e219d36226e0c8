package com.covalue.facts;

import com.covalue.model.Factor;
import java.util.Objects;

/**
 * How the client and the supplier each rate one success factor (1-5, null when not rated), for
 * rules such as {@code Perception( factor == Factor.TRUST, client <= 2 )}.
 */
public record Perception(Factor factor, Integer client, Integer supplier) {

    public Perception {
        Objects.requireNonNull(factor, "factor == null");
    }

    /** The lower of the two ratings; null unless both sides rated the factor. */
    public Integer lower() {
        return client == null || supplier == null ? null : Math.min(client, supplier);
    }

    /** The higher of the two ratings; null unless both sides rated the factor. */
    public Integer higher() {
        return client == null || supplier == null ? null : Math.max(client, supplier);
    }

    /** How far apart the two ratings are; null unless both sides rated the factor. */
    public Integer gap() {
        return client == null || supplier == null ? null : Math.abs(client - supplier);
    }
}

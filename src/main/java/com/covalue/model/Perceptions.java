package com.covalue.model;

/** How the client and the supplier each rate the seven factors. */
public record Perceptions(FactorRatings client, FactorRatings supplier) {

    public static final Perceptions UNKNOWN = new Perceptions(FactorRatings.UNKNOWN, FactorRatings.UNKNOWN);

    public Perceptions {
        client = client == null ? FactorRatings.UNKNOWN : client;
        supplier = supplier == null ? FactorRatings.UNKNOWN : supplier;
    }
}

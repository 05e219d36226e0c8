package com.covalue.model;

/** Snapshot facts on openness, transparency, honesty and responsiveness (study 4.2.4); null when unknown. */
public record Openness(
        InformationSharing informationSharing,
        Integer escalationsOpen,
        Double medianEscalationDays,
        Integer billingDisputes12m,
        Integer teamEventsPerYear,
        Boolean changesExplained) {

    public static final Openness UNKNOWN = new Openness(null, null, null, null, null, null);
}

package com.covalue.model;

/** One side's 1-5 rating of each success factor; null when that side did not rate it. */
public record FactorRatings(
        Integer governance,
        Integer trust,
        Integer openness,
        Integer delivery,
        Integer mutualGoals,
        Integer measurement,
        Integer innovation) {

    public static final FactorRatings UNKNOWN = new FactorRatings(null, null, null, null, null, null, null);

    public Integer of(Factor factor) {
        return switch (factor) {
            case GOVERNANCE -> governance;
            case TRUST -> trust;
            case OPENNESS -> openness;
            case DELIVERY -> delivery;
            case MUTUAL_GOALS -> mutualGoals;
            case MEASUREMENT -> measurement;
            case INNOVATION -> innovation;
        };
    }
}

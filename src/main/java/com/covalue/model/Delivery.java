package com.covalue.model;

/** Snapshot facts on delivering what is promised (study 4.2.5); null when unknown. */
public record Delivery(
        Boolean promiseRegister,
        Integer promisesDue12m,
        Integer promisesKept12m,
        Double slaAttainment,
        Boolean scopeInterpretationAgreed,
        Boolean clientPrioritiesAgreed,
        Boolean timescalesAgreed,
        Boolean accountMapped,
        Cadence progressReports,
        Boolean trendAnalysis,
        Boolean clientDependenciesLogged,
        Integer clientBlockersOpen,
        Boolean continuousImprovement,
        Boolean internalCustomerSurvey,
        Boolean rootCauseReviews) {

    public static final Delivery UNKNOWN = new Delivery(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    /**
     * Share of the commitments due in the last 12 months that were kept on time; null when either
     * count is unknown or nothing was due.
     */
    @DerivedFrom({"delivery.promisesKept12m", "delivery.promisesDue12m"})
    public Double promisesKeptRatio() {
        if (promisesDue12m == null || promisesKept12m == null || promisesDue12m == 0) {
            return null;
        }
        return promisesKept12m / (double) promisesDue12m;
    }

    /** Commitments due in the last 12 months that were not kept on time; null when unknown. */
    @DerivedFrom({"delivery.promisesKept12m", "delivery.promisesDue12m"})
    public Integer promisesBroken12m() {
        if (promisesDue12m == null || promisesKept12m == null) {
            return null;
        }
        return promisesDue12m - promisesKept12m;
    }
}

package com.covalue.model;

import java.time.LocalDate;

/** Snapshot facts on measuring value and success (study 4.2.2); null when unknown. */
public record Measurement(
        Integer kpiCount,
        Integer slaCount,
        LocalDate lastKpiReview,
        Boolean softValueMeasured,
        LocalDate satisfactionSurveyLast,
        Integer satisfactionScore,
        Cadence valueReviews,
        Boolean relationshipScorecard,
        Boolean totalCostOfPerformance,
        Boolean forwardLookingValue,
        Boolean realTimeMeasurement,
        Boolean analyticsForValue,
        Boolean referenceable,
        Integer jointCaseStudies) {

    public static final Measurement UNKNOWN = new Measurement(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);
}

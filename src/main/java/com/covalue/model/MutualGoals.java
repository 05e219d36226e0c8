package com.covalue.model;

import java.time.LocalDate;

/** Snapshot facts on mutual goals and mutual benefits (study 4.2.6); null when unknown. */
public record MutualGoals(
        Boolean jointStrategicPlan,
        LocalDate planUpdated,
        Integer jointPlanningDaysPerYear,
        Boolean valueAcceleration,
        Integer jointAwards12m,
        Boolean supplierViability,
        Boolean incentivesAligned) {

    public static final MutualGoals UNKNOWN = new MutualGoals(null, null, null, null, null, null, null);
}

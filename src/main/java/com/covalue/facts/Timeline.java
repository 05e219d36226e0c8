package com.covalue.facts;

import com.covalue.model.DerivedFrom;
import com.covalue.model.Snapshot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Dates in a snapshot turned into elapsed time as of its assessment day, so rules can say
 * {@code Timeline( monthsSinceKpiReview > 12 )}. Each value is null when its date is unknown.
 */
public record Timeline(
        @DerivedFrom("relationship.renewalDate") Long daysToRenewal,
        @DerivedFrom("relationship.contractStart") Long contractAgeMonths,
        @DerivedFrom("measurement.lastKpiReview") Long monthsSinceKpiReview,
        @DerivedFrom("measurement.satisfactionSurveyLast") Long monthsSinceSatisfactionSurvey,
        @DerivedFrom("mutualGoals.planUpdated") Long monthsSincePlanUpdate) {

    public static Timeline of(Snapshot s) {
        return of(s, s.assessedOn());
    }

    /** Elapsed time counted to {@code on} instead (a renewal review's as-of day). */
    public static Timeline of(Snapshot s, LocalDate on) {
        return new Timeline(
                daysUntil(s.relationship().renewalDate(), on),
                since(s.relationship().contractStart(), on),
                since(s.measurement().lastKpiReview(), on),
                since(s.measurement().satisfactionSurveyLast(), on),
                since(s.mutualGoals().planUpdated(), on));
    }

    private static Long since(LocalDate then, LocalDate on) {
        return then == null ? null : ChronoUnit.MONTHS.between(then, on);
    }

    private static Long daysUntil(LocalDate later, LocalDate on) {
        return later == null ? null : ChronoUnit.DAYS.between(on, later);
    }
}

package com.covalue.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side's own view of the relationship (snapshot v2's {@code views.client} or
 * {@code views.supplier}): its rating of each factor and its answer for each practice it knows.
 *
 * @param respondentRole who answered, by role; null when not given
 * @param answeredOn     the day this side answered; null when not given
 * @param ratings        this side's 1-5 rating per factor (unknown ones null)
 * @param practices      this side's answer per practice id; a practice left out is "don't know"
 */
public record SideView(String respondentRole, LocalDate answeredOn, FactorRatings ratings,
        Map<String, PracticeAnswer> practices) {

    public static final SideView UNKNOWN = new SideView(null, null, FactorRatings.UNKNOWN, Map.of());

    public SideView {
        ratings = ratings == null ? FactorRatings.UNKNOWN : ratings;
        // sorted, so that the order answers were sent in never shows in what is derived from them
        practices = practices == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(practices));
    }

    /** This side's answer for a practice, or null for "don't know". */
    public PracticeAnswer answer(String practiceId) {
        return practices.get(practiceId);
    }

    /** A view holding only ratings: how a v1 snapshot's perceptions read in v2. */
    public static SideView ofRatings(FactorRatings ratings) {
        return new SideView(null, null, ratings, Map.of());
    }
}

package com.covalue.scenario;

import com.covalue.model.Level;
import java.util.List;
import java.util.Map;

/**
 * What a scenario's {@code expect.yaml} says its advice must show. Every part is optional; a
 * part that is left out is not checked.
 *
 * @param description       what situation the scenario depicts, for people
 * @param recommends        recommendations that must appear, optionally at a level
 * @param doesNotRecommend  ids that must not appear
 * @param noRecommendations true when the advice must have no recommendation at all
 * @param verdict           the renewal verdict, or {@code none} when there must be no renewal section
 * @param conditions        ids the rules must make renewal conditions (among the five shown or those still open)
 * @param health            bounds on {@code overall} and on factor scores, by factor key
 * @param dataGaps          fields that must be listed as data gaps
 */
public record Expectations(
        String description,
        List<ExpectedRecommendation> recommends,
        List<String> doesNotRecommend,
        Boolean noRecommendations,
        String verdict,
        List<String> conditions,
        Map<String, Bounds> health,
        List<String> dataGaps) {

    public Expectations {
        recommends = recommends == null ? List.of() : List.copyOf(recommends);
        doesNotRecommend = doesNotRecommend == null ? List.of() : List.copyOf(doesNotRecommend);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        health = health == null ? Map.of() : Map.copyOf(health);
        dataGaps = dataGaps == null ? List.of() : List.copyOf(dataGaps);
    }

    /**
     * A recommendation that must appear: at exactly {@code level}, or at {@code atLeast} that
     * level, or at any level when both are left out.
     */
    public record ExpectedRecommendation(String id, Level level, Level atLeast) {
    }

    /** Inclusive bounds on a health score; either may be left out. */
    public record Bounds(Integer min, Integer max) {
    }
}

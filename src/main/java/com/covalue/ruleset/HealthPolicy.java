package com.covalue.ruleset;

import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * How health is scored, read from the {@code health} section of {@code rules/priority.yaml}: the
 * blend of a factor's practices and its perceived outcome, the scales that turn ratings and
 * practice answers into 0..100, and the cap that keeps an unhappy client visible. Checked at load
 * so that contract property 5 ("no watermelon") holds by construction.
 *
 * @param outcomeWeight      share of a factor's score from its outcome when both parts are known (0.5..1)
 * @param ratingScale        outcome score of a lower rating 1..5 (index 0 is rating 1), rising
 * @param answerScale        score of a practice answer NO, PARTLY, YES, rising
 * @param unhappyFactors     how many factors the client must rate 1 or 2 for the overall cap to apply
 * @param unhappyOverallCap  the highest overall score then (below 50)
 */
public record HealthPolicy(double outcomeWeight, List<Integer> ratingScale, List<Integer> answerScale, int unhappyFactors,
        int unhappyOverallCap) implements java.io.Serializable {

    /** Ratings at or below this are low (the contract's "rates 1 or 2"). */
    public static final int LOW_RATING = 2;

    /** Whether a client rating this many factors 1 or 2 is unhappy: overall health is capped and the renewal held back. */
    public boolean clientUnhappy(int factorsClientRatesLow) {
        return factorsClientRatesLow >= unhappyFactors;
    }

    /** The outcome score of a rating 1..5. */
    public int outcome(int rating) {
        return ratingScale.get(rating - 1);
    }

    /** The score 0..100 of a practice answer. */
    public int answer(PracticeAnswer answer) {
        return answerScale.get(answer.ordinal());
    }

    /** The blend of a factor's two parts; either may be null (unknown); null when both are. */
    public Integer blend(Double practices, Integer outcome) {
        if (outcome == null) {
            return practices == null ? null : (int) Math.round(practices);
        }
        if (practices == null) {
            return outcome;
        }
        return (int) Math.round(outcomeWeight * outcome + (1 - outcomeWeight) * practices);
    }

    /** Reads the {@code health} section; problems carry the line of the offending key. */
    static HealthPolicy parse(YamlFile file, JsonNode health, List<Problem> problems) {
        int before = problems.size();
        if (!health.isObject()) {
            problems.add(Problem.atLine(PriorityPolicy.FILE, file.lineOf("health", 1), "'health' is missing: it says how health is scored"));
            return null;
        }
        double weight = PriorityPolicy.number(file, health, "outcomeWeight", 0.5, 1, problems);
        List<Integer> ratings = scale(file, health, "ratingScale", List.of("1", "2", "3", "4", "5"), problems);
        List<Integer> answers = scale(file, health, "answerScale", List.of("NO", "PARTLY", "YES"), problems);
        JsonNode unhappy = health.path("unhappyClient");
        int factors = (int) PriorityPolicy.number(file, unhappy, "factors", 1, 4, problems);
        int cap = (int) PriorityPolicy.number(file, unhappy, "overallCap", 0, 49, problems);
        if (problems.size() > before) {
            return null;
        }
        double worst = weight * ratings.get(LOW_RATING - 1) + (1 - weight) * 100;
        if (Math.round(worst) >= 50) {
            problems.add(Problem.atLine(PriorityPolicy.FILE, file.lineOf("outcomeWeight", 1), "with these numbers a factor rated "
                    + LOW_RATING + " by one side could still score " + Math.round(worst) + "; it must stay below 50 (contract"
                    + " property 5): raise outcomeWeight or lower ratingScale's " + LOW_RATING));
            return null;
        }
        return new HealthPolicy(weight, ratings, answers, factors, cap);
    }

    /** A rising scale of whole numbers 0..100 with exactly the given keys, in order. */
    private static List<Integer> scale(YamlFile file, JsonNode health, String key, List<String> keys, List<Problem> problems) {
        JsonNode node = health.path(key);
        int line = file.lineOf(key, 1);
        int[] values = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            JsonNode v = node.get(keys.get(i));
            if (v == null || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 100) {
                problems.add(Problem.atLine(PriorityPolicy.FILE, line, key + " needs a whole number 0-100 for each of " + keys
                        + (v == null ? "; " + keys.get(i) + " is missing" : "; " + keys.get(i) + " is '" + v.asText() + "'")));
                return List.of();
            }
            values[i] = v.asInt();
            if (i > 0 && values[i] < values[i - 1]) {
                problems.add(Problem.atLine(PriorityPolicy.FILE, line, key + " must rise: " + keys.get(i) + " scores below "
                        + keys.get(i - 1)));
            }
        }
        if (node.size() != keys.size()) {
            problems.add(Problem.atLine(PriorityPolicy.FILE, line, key + " takes exactly the keys " + keys));
        }
        return Arrays.stream(values).boxed().toList();
    }
}

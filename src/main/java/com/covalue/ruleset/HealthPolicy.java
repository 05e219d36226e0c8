package com.covalue.ruleset;

import com.covalue.model.Cadence;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * @param fullConfidenceAt   the share of known facts (health's {@code answered}) from which an overall
 *                           score above 50 is reported in full; below it, such a score is pulled
 *                           towards 50 in proportion, so a score resting on little cannot look good
 * @param goodEnough         for each frequency the health score and the rules both judge, the least
 *                           frequent value that is good enough: it scores full marks in health, and
 *                           anything rarer is a {@code BelowGoodEnough} fact the rules match
 */
public record HealthPolicy(double outcomeWeight, List<Integer> ratingScale, List<Integer> answerScale, int unhappyFactors,
        int unhappyOverallCap, double fullConfidenceAt, Map<SnapshotField, Cadence> goodEnough)
        implements java.io.Serializable {

    public HealthPolicy {
        goodEnough = Collections.unmodifiableMap(new EnumMap<>(goodEnough));
    }

    /** Ratings at or below this are low (the contract's "rates 1 or 2"). */
    public static final int LOW_RATING = 2;

    /** Whether a client rating this many factors 1 or 2 is unhappy: overall health is capped and the renewal held back. */
    public boolean clientUnhappy(int factorsClientRatesLow) {
        return factorsClientRatesLow >= unhappyFactors;
    }

    /** How good a known frequency of a {@link SnapshotField#goodEnoughFromRules()} field is, 0..1: full marks at good enough. */
    public double goodnessOf(SnapshotField field, Cadence value) {
        Cadence target = goodEnough.get(field);
        return Math.min(1.0, value.timesPerYear() / target.timesPerYear());
    }

    /**
     * The overall score as reported, from the weighted mean of the factor scores and the share of
     * facts known (0..1): at or below 50 as it is (a bad sign stays a bad sign however little is
     * known), above 50 pulled towards 50 in proportion to how far {@code answered} falls short of
     * {@link #fullConfidenceAt}. It never falls as the mean rises (contract property 2) and never
     * lifts a score of 49 or less (property 5).
     */
    public double reported(double overall, double answered) {
        if (overall <= 50) {
            return overall;
        }
        double confidence = Math.min(1.0, answered / fullConfidenceAt);
        return 50 + (overall - 50) * confidence;
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
        double fullConfidenceAt = PriorityPolicy.number(file, health, "fullConfidenceAt", 0.01, 1, problems);
        Map<SnapshotField, Cadence> goodEnough = goodEnough(file, health.path("goodEnough"), problems);
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
        return new HealthPolicy(weight, ratings, answers, factors, cap, fullConfidenceAt, goodEnough);
    }

    /**
     * The {@code goodEnough} table: one entry per frequency field the health score and the rules
     * both judge (no more, no fewer), each a frequency other than NONE or AD_HOC.
     */
    private static Map<SnapshotField, Cadence> goodEnough(YamlFile file, JsonNode table, List<Problem> problems) {
        Map<SnapshotField, Cadence> out = new EnumMap<>(SnapshotField.class);
        List<SnapshotField> wanted = SnapshotFields.all().stream().filter(SnapshotField::goodEnoughFromRules).toList();
        String wantedPaths = wanted.stream().map(SnapshotField::path).collect(Collectors.joining(", "));
        if (!table.isObject()) {
            problems.add(Problem.atLine(PriorityPolicy.FILE, file.lineOf("goodEnough", 1), "'goodEnough' is missing: it lists, for "
                    + wantedPaths + ", the least frequent value that is good enough"));
            return out;
        }
        YamlFile.eachField(table, e -> {
            int line = file.lineOf(e.getKey(), file.lineOf("goodEnough", 1));
            SnapshotField field = SnapshotFields.byPath(e.getKey()).filter(SnapshotField::goodEnoughFromRules).orElse(null);
            if (field == null) {
                problems.add(Problem.atLine(PriorityPolicy.FILE, line, "goodEnough: '" + e.getKey()
                        + "' is not one of the frequencies it sets: " + wantedPaths));
                return;
            }
            Cadence value = Arrays.stream(Cadence.values()).filter(c -> c.name().equals(e.getValue().asText())).findFirst()
                    .filter(c -> c.atLeast(Cadence.ANNUAL)).orElse(null);
            if (value == null) {
                problems.add(Problem.atLine(PriorityPolicy.FILE, line, "goodEnough: " + e.getKey() + " must be one of ANNUAL, "
                        + "SEMIANNUAL, QUARTERLY, MONTHLY, FORTNIGHTLY, WEEKLY, not '" + e.getValue().asText() + "'"));
                return;
            }
            out.put(field, value);
        });
        for (SnapshotField field : wanted) {
            if (!out.containsKey(field) && table.get(field.path()) == null) {
                problems.add(Problem.atLine(PriorityPolicy.FILE, file.lineOf("goodEnough", 1), "goodEnough: " + field.path()
                        + " is missing; give the least frequent value that is good enough"));
            }
        }
        return out;
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

package com.covalue.advice;

import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import com.covalue.model.Cadence;
import com.covalue.model.Factor;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.covalue.ruleset.HealthPolicy;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.PriorityPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Health per factor and overall, from the snapshot itself (not from which rules fired), so that
 * unknown facts neither help nor hurt. A factor's score blends two parts ({@link HealthPolicy},
 * from {@code rules/priority.yaml}):
 * <ul>
 *   <li><b>practices</b>: the mean of its known facts' goodness (0..1, see {@link SnapshotField}; a
 *       frequency against the policy's "good enough" table, which the rules read too)
 *       and of its practices' answers, each practice counting the lower of the two sides' answers
 *       (or the only one), times 100;</li>
 *   <li><b>outcome</b>: the lower of the two sides' ratings (or the only one) on the policy's scale.</li>
 * </ul>
 * Overall is the mean of the known factor scores weighted by dominance, pulled towards 50 when it
 * is above 50 and rests on few known facts ({@link HealthPolicy#reported}), and capped when the
 * client rates many factors 1 or 2. Every part is monotone in its inputs' better direction, so a better
 * fact, rating or answer never lowers a score (contract property 2), and a factor either side
 * rates 1 or 2 scores below 50 (property 5, checked when the policy loads).
 */
final class HealthScorer {

    /** The facts health scores (every contract field of a factor but the ratings, which are its outcome), in contract order. */
    private static final SnapshotField[] SCORED = SnapshotFields.all().stream()
            .filter(field -> field.factor() != null && !field.rating())
            .toArray(SnapshotField[]::new);

    private HealthScorer() {
    }

    static Health score(Snapshot snapshot, Readings readings, PriorityPolicy policy) {
        HealthPolicy health = policy.health();
        // each factor's facts, then its practices, summed in that order as they always were
        int factorCount = Factor.values().length;
        int[] known = new int[factorCount];
        int[] total = new int[factorCount];
        double[] sum = new double[factorCount];
        int[] scored = new int[factorCount];
        for (SnapshotField field : SCORED) {
            int f = field.factor().ordinal();
            Object value = readings.value(field);
            Double goodness = value == null ? null : field.goodEnoughFromRules()
                    ? Double.valueOf(health.goodnessOf(field, (Cadence) value)) : field.goodnessOf(value, snapshot);
            total[f]++;
            known[f] += value == null ? 0 : 1;
            if (goodness != null) {
                sum[f] += 100 * goodness;
                scored[f]++;
            }
        }
        List<Practice> practices = readings.practices();
        for (int i = 0; i < practices.size(); i++) {
            int f = practices.get(i).factor().ordinal();
            PracticeAnswer client = readings.client(i);
            PracticeAnswer supplier = readings.supplier(i);
            total[f] += 2;
            known[f] += (client == null ? 0 : 1) + (supplier == null ? 0 : 1);
            PracticeAnswer counted = client == null ? supplier : supplier == null ? client
                    : (client.compareTo(supplier) <= 0 ? client : supplier);
            if (counted != null) {
                sum[f] += health.answer(counted);
                scored[f]++;
            }
        }
        List<FactorHealth> factors = new ArrayList<>(factorCount);
        double weighted = 0;
        double weights = 0;
        int knownAll = 0;
        int totalAll = 0;
        for (Factor factor : Factor.values()) {
            int f = factor.ordinal();
            Integer clientRating = snapshot.views().client().ratings().of(factor);
            Integer supplierRating = snapshot.views().supplier().ratings().of(factor);
            int ratingsKnown = (clientRating == null ? 0 : 1) + (supplierRating == null ? 0 : 1);
            Integer lower = lowerOf(clientRating, supplierRating);
            Double practicesPart = scored[f] == 0 ? null : sum[f] / scored[f];
            Integer outcome = lower == null ? null : health.outcome(lower);
            Integer score = health.blend(practicesPart, outcome);
            int factorKnown = known[f] + ratingsKnown;
            int factorTotal = total[f] + 2;
            factors.add(new FactorHealth(factor, score, share(factorKnown, factorTotal),
                    practicesPart == null ? null : (int) Math.round(practicesPart), outcome));
            knownAll += factorKnown;
            totalAll += factorTotal;
            if (score != null) {
                double w = policy.dominance().get(factor);
                weighted += w * score;
                weights += w;
            }
        }
        double answered = totalAll == 0 ? 0 : knownAll / (double) totalAll;
        Integer overall = weights == 0 ? null : (int) Math.round(health.reported(weighted / weights, answered));
        if (overall != null && health.clientUnhappy(factorsClientRatesLow(snapshot))) {
            overall = Math.min(overall, health.unhappyOverallCap());
        }
        return new Health(overall, List.copyOf(factors), share(knownAll, totalAll));
    }

    /** How many factors the client rates 1 or 2 (the contract's "low"). */
    static int factorsClientRatesLow(Snapshot snapshot) {
        int low = 0;
        for (Factor factor : Factor.values()) {
            Integer rating = snapshot.views().client().ratings().of(factor);
            if (rating != null && rating <= HealthPolicy.LOW_RATING) {
                low++;
            }
        }
        return low;
    }

    /** The lower of two ratings, or the only one given; null when neither is. */
    private static Integer lowerOf(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    private static double share(int known, int total) {
        return total == 0 ? 0 : Math.round(100.0 * known / total) / 100.0;
    }
}

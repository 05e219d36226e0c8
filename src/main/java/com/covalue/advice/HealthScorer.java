package com.covalue.advice;

import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Health;
import com.covalue.model.Factor;
import com.covalue.model.Snapshot;
import java.util.ArrayList;
import java.util.List;
import com.covalue.model.SnapshotFields;
import com.covalue.model.SnapshotField;
import com.covalue.ruleset.PriorityPolicy;

/**
 * Health per factor and overall, from the facts themselves (not from which rules fired), so that
 * unknown facts neither help nor hurt:
 * <ul>
 *   <li>a factor's score is the mean goodness (0..1, see {@link SnapshotFields}) of its known,
 *       scored facts, times 100; null when none is known;</li>
 *   <li>{@code answered} is the share of the factor's facts that are known;</li>
 *   <li>overall is the mean of the known factor scores weighted by the factors' dominance
 *       (from {@code rules/priority.yaml}).</li>
 * </ul>
 * Each goodness function is monotone in its fact's better direction, so a better fact never
 * lowers a score (contract property 2).
 */
final class HealthScorer {

    private HealthScorer() {
    }

    static Health score(Snapshot snapshot, PriorityPolicy policy) {
        List<FactorHealth> factors = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (Factor factor : Factor.values()) {
            List<SnapshotField> fields = SnapshotFields.of(factor);
            int known = 0;
            double sum = 0;
            int scored = 0;
            for (SnapshotField field : fields) {
                Object value = field.value().apply(snapshot);
                if (value != null) {
                    known++;
                    Double g = field.goodnessOf(value, snapshot);
                    if (g != null) {
                        sum += g;
                        scored++;
                    }
                }
            }
            Integer score = scored == 0 ? null : (int) Math.round(100 * sum / scored);
            double answered = Math.round(100.0 * known / fields.size()) / 100.0;
            factors.add(new FactorHealth(factor, score, answered));
            if (score != null) {
                double w = policy.dominance().get(factor);
                weighted += w * 100 * sum / scored;
                weights += w;
            }
        }
        Integer overall = weights == 0 ? null : (int) Math.round(weighted / weights);
        return new Health(overall, List.copyOf(factors));
    }
}

package com.covalue.advice;

import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Advice.Renewal;
import com.covalue.model.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The short list that leads the advice: the highest-priority recommendations, at most
 * {@link #MAX}, skipping any that rests on exactly the same evidence as one already chosen (two
 * ways of saying the same thing are one thing to do first). When the renewal verdict is to review
 * exit options, the decision and exit readiness (its conditions) come first: fixes can wait for
 * the decision to intervene.
 */
final class Focus {

    /** The contract's limit (property 7). */
    static final int MAX = 5;

    private Focus() {
    }

    /**
     * @param recommendations in priority order
     * @param renewal         the renewal section, or null when the renewal date is unknown
     */
    static List<String> of(List<Recommendation> recommendations, Renewal renewal) {
        List<Recommendation> order = recommendations;
        if (renewal != null && renewal.verdict() == Verdict.REVIEW_EXIT_OPTIONS) {
            order = new ArrayList<>(recommendations.stream().filter(r -> renewal.conditions().contains(r.id())).toList());
            recommendations.stream().filter(r -> !renewal.conditions().contains(r.id())).forEach(order::add);
        }
        List<String> focus = new ArrayList<>();
        Set<List<String>> evidenceTaken = new HashSet<>();
        for (Recommendation r : order) {
            if (focus.size() == MAX) {
                break;
            }
            // evidence lists are sorted, so equal sets are equal lists; a recommendation with no
            // evidence of its own is never a repeat of another
            if (r.evidence().isEmpty() || evidenceTaken.add(r.evidence())) {
                focus.add(r.id());
            }
        }
        return List.copyOf(focus);
    }
}

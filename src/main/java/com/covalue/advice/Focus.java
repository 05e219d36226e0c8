package com.covalue.advice;

import com.covalue.model.Advice.Recommendation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The short list that leads the advice: the highest-priority recommendations, at most
 * {@link #MAX}, skipping any that rests on exactly the same evidence as one already chosen (two
 * ways of saying the same thing are one thing to do first).
 */
final class Focus {

    /** The contract's limit (property 7). */
    static final int MAX = 5;

    private Focus() {
    }

    /** @param recommendations in priority order */
    static List<String> of(List<Recommendation> recommendations) {
        List<String> focus = new ArrayList<>();
        Set<List<String>> evidenceTaken = new HashSet<>();
        for (Recommendation r : recommendations) {
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

package com.covalue.facts;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.PracticeAnswer;

/**
 * Both sides' answers about one research practice (null for "don't know"), for rules such as
 * {@code PracticeAnswers( practice == "GOV-05", differ == true )}. Present for every practice of
 * the rule set's list that at least one side answered.
 */
public record PracticeAnswers(String practice, Factor factor, Kind kind, PracticeAnswer client, PracticeAnswer supplier) {

    /** True when both sides answered. */
    public boolean bothAnswered() {
        return client != null && supplier != null;
    }

    /** True when both sides answered, differently: section 5's practice mismatch. */
    public boolean differ() {
        return bothAnswered() && client != supplier;
    }

    /** The less favourable of the two answers; null unless both sides answered. */
    public PracticeAnswer lower() {
        return bothAnswered() ? (client.compareTo(supplier) <= 0 ? client : supplier) : null;
    }

    /** True when both sides answered and neither says the practice is fully in place. */
    public boolean missing() {
        return bothAnswered() && client != PracticeAnswer.YES && supplier != PracticeAnswer.YES;
    }
}

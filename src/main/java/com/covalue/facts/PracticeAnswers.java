package com.covalue.facts;

import com.covalue.model.Factor;
import com.covalue.model.Kind;
import com.covalue.model.PracticeAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Both sides' answers about one research practice (null for "don't know"), for rules such as
 * {@code PracticeAnswers( practice == "GOV-05", differ == true )}. Present for every practice of
 * the rule set's list that at least one side answered.
 */
public record PracticeAnswers(String practice, Factor factor, Kind kind, String statement, PracticeAnswer client,
        PracticeAnswer supplier) {

    /** The snapshot paths of the answers given, e.g. {@code views.client.practices.GOV-05}. */
    public List<String> evidence() {
        List<String> paths = new ArrayList<>(2);
        if (client != null) {
            paths.add("views.client.practices." + practice);
        }
        if (supplier != null) {
            paths.add("views.supplier.practices." + practice);
        }
        return paths;
    }

    /** For reasons: e.g. "GOV-05 (governance roles are clearly defined): client NO, supplier PARTLY". */
    public String summary() {
        // "Governance roles ..." reads "governance roles ..." mid-sentence; "KPIs and SLAs ..." stays as it is
        boolean word = statement.length() > 1 && Character.isLowerCase(statement.charAt(1));
        String phrase = word ? Character.toLowerCase(statement.charAt(0)) + statement.substring(1) : statement;
        return practice + " (" + phrase + "): client "
                + (client == null ? "don't know" : client.name()) + ", supplier " + (supplier == null ? "don't know" : supplier.name());
    }

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

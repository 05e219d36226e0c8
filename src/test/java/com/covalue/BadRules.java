package com.covalue;

/** Rule files that compile and pass the text checks, but break a property of the contract. */
public final class BadRules {

    private BadRules() {
    }

    /** A rule file holding one rule; the rule sits on line 6. */
    public static String ruleFile(String name, String when, String then) {
        return """
                package covalue.rules;
                import com.covalue.model.*;
                import com.covalue.facts.*;
                global com.covalue.facts.AdviceCollector advice;

                rule "%s"
                    @source("Covalue policy")
                when
                    %s
                then
                    %s
                end
                """.formatted(name, when, then);
    }

    /** Recommends the escalation path when the snapshot says it is in place (property 6). */
    public static final String RECOMMENDS_WHAT_IS_IN_PLACE = ruleFile("An escalation path is in place",
            "Governance( escalationPath == true )",
            "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.6, \"there is an escalation path\");");

    /**
     * Adds urgent trust advice when good work is recognised (property 2: a better fact must not
     * raise the factor's highest priority). A rating-based version ({@code supplier >= 4}) is
     * refused earlier, by the rule language itself, so the property check is shown on a yes/no fact.
     */
    public static final String ADDS_ADVICE_WHEN_A_FACT_IMPROVES = ruleFile("Recognition calls for more meetings",
            "Trust( recognition == true )",
            "advice.recommend(\"TRUST-FACE-TO-FACE\", 1.0, \"good work is recognised\");");
}

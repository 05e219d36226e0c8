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
                    @source("test")
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

    /** Adds urgent advice when the supplier rates trust well (property 2). */
    public static final String REWARDS_A_BETTER_RATING_WITH_ADVICE = ruleFile("The supplier rates trust highly",
            "Perception( factor == Factor.TRUST, supplier >= 4 )",
            "advice.recommend(\"TRUST-FACE-TO-FACE\", 1.0, \"the supplier rates trust 4 or 5\");");
}

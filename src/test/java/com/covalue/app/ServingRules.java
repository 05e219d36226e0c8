package com.covalue.app;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import java.time.Clock;

/**
 * A live registry that serves rules already compiled, for tests of what sits on top of the rules
 * (pages, API): it spares them a second Drools build of {@code rules/} (tens of seconds on a busy
 * machine) when {@link TestSupport#realRules()} has one. Compiling, caching and the property gate
 * are tested on their own.
 */
public final class ServingRules {

    private ServingRules() {
    }

    /** A registry whose every reload installs {@code rules}; already loaded once ("startup"). */
    public static RuleRegistry registry(RuleSet rules, Clock clock) {
        RuleRegistry registry = new RuleRegistry(TestSupport.RULES, clock, (folder, current) -> rules, Advisor.DEFAULT_BUDGET,
                outcome -> { });
        ReloadOutcome outcome = registry.reload("startup");
        if (outcome.rejected()) {
            throw new IllegalStateException("the real rules were refused: " + outcome);
        }
        return registry;
    }
}

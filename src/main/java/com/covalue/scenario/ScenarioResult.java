package com.covalue.scenario;

import java.util.List;
import java.util.Set;

/** The outcome of one scenario: each failed expectation as a line saying what differed. */
public record ScenarioResult(String name, List<String> failures, Set<String> rulesFired) {

    public ScenarioResult {
        failures = List.copyOf(failures);
        rulesFired = Set.copyOf(rulesFired);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}

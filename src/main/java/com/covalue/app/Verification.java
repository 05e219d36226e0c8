package com.covalue.app;

import java.util.List;

/**
 * What {@code covalue verify} found: every scenario's and portfolio scenario's outcome, and the
 * rules no scenario fired.
 */
public record Verification(List<Outcome> scenarios, List<Outcome> portfolios, List<UnfiredRule> unfired) {

    public Verification {
        scenarios = List.copyOf(scenarios);
        portfolios = List.copyOf(portfolios);
        unfired = List.copyOf(unfired);
    }

    /** One scenario: each failed expectation as a line saying what differed. */
    public record Outcome(String name, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** A rule that no scenario fired, where it is written. */
    public record UnfiredRule(String file, int line, String name) {
    }

    /** Scenarios and portfolio scenarios that failed. */
    public long failed() {
        return scenarios.stream().filter(o -> !o.passed()).count() + portfolios.stream().filter(o -> !o.passed()).count();
    }

    public int total() {
        return scenarios.size() + portfolios.size();
    }
}

package com.covalue.app;

import java.util.List;

/**
 * What {@code covalue verify} found: every scenario's and portfolio scenario's outcome, the
 * contract's properties checked on each scenario, and the rules no scenario fired.
 *
 * @param properties      one outcome per scenario and property
 * @param coverageChecked false when only some scenarios ran ({@code --run}): {@code unfired} is then empty
 */
public record Verification(List<Outcome> scenarios, List<Outcome> portfolios, List<PropertyOutcome> properties,
        List<UnfiredRule> unfired, boolean coverageChecked, PropertyStats propertyStats) {

    public Verification {
        scenarios = List.copyOf(scenarios);
        portfolios = List.copyOf(portfolios);
        properties = List.copyOf(properties);
        unfired = List.copyOf(unfired);
    }

    /** One scenario, or one property on one scenario: each failure as a line saying what differed. */
    public record Outcome(String name, List<String> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * One property of the contract checked on one scenario and its generated variants.
     *
     * @param property the property as the contract names it, e.g. {@code "better never looks worse" (property 2)}
     * @param failures each violation in words, naming the rule, the change and what went wrong
     */
    public record PropertyOutcome(String scenario, String property, List<String> failures) {
        public PropertyOutcome {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** A rule that no scenario fired, where it is written. */
    public record UnfiredRule(String file, int line, String name) {
    }

    /**
     * The cost of the property check.
     *
     * @param scenarios   scenarios checked
     * @param evaluations snapshots advised on (the scenarios and their generated variants)
     * @param millis      time taken
     */
    public record PropertyStats(int scenarios, int evaluations, long millis) {
    }

    /** Scenarios, portfolio scenarios and property checks that failed. */
    public long failed() {
        return failedScenarios() + properties.stream().filter(o -> !o.passed()).count();
    }

    /** Scenarios and portfolio scenarios that failed. */
    public long failedScenarios() {
        return scenarios.stream().filter(o -> !o.passed()).count() + portfolios.stream().filter(o -> !o.passed()).count();
    }

    /** Scenarios and portfolio scenarios run. */
    public int total() {
        return scenarios.size() + portfolios.size();
    }
}

package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.List;

/** A rules folder that cannot be used, with every problem found in it (file, line, message). */
public class RuleSetRejectedException extends RuntimeException {

    private final List<Problem> problems;

    public RuleSetRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return "The rules were not loaded: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " to fix (the rule set is all-or-nothing).";
    }
}

package com.covalue.properties;

import com.covalue.model.Problem;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One place where the rules break a property of the contract: on which scenario, after which
 * change to it (none for a check on the scenario as it is), what went wrong, and the rules that
 * brought it about.
 *
 * @param variant the generated change, or null when the scenario itself breaks the property
 * @param what    what went wrong, in plain words
 * @param culprits the rules that fired to produce the offending advice (may be empty when no rule
 *                 is to blame, e.g. health scored by {@code priority.yaml})
 */
public record Violation(Property property, String scenario, Variant variant, String what, List<Culprit> culprits) {

    public Violation {
        Objects.requireNonNull(property, "property == null");
        Objects.requireNonNull(scenario, "scenario == null");
        Objects.requireNonNull(what, "what == null");
        culprits = List.copyOf(culprits);
    }

    /** A rule to blame, where it is written: {@code file} is a rules file (or {@code priority.yaml}), {@code line} 0 when unknown. */
    public record Culprit(String rule, String file, int line) {
        String describe() {
            return (rule == null ? "" : "rule \"" + rule + "\" ") + "(" + Problem.location(file, line) + ")";
        }
    }

    /**
     * The whole story in one sentence, e.g. {@code rule "X" (trust.drl:12) breaks "better never looks
     * worse" (property 2) in scenario contract-example when views.supplier.ratings.trust goes from 4
     * to 5: the highest trust priority rose from 40 to 62 (TRUST-X)}.
     */
    public String describe() {
        String who = culprits.isEmpty() ? "the rules break " : culprits.stream().map(Culprit::describe)
                .collect(Collectors.joining(" and ")) + (culprits.size() == 1 ? " breaks " : " break ");
        return who + property.title() + " in scenario " + scenario
                + (variant == null ? "" : " when " + variant.describe().replaceFirst(" from ", " goes from ")) + ": " + what;
    }

    /** As a load error, at the first culprit's file and line. */
    public Problem problem() {
        Culprit first = culprits.isEmpty() ? null : culprits.get(0);
        return Problem.atLine(first == null ? "rules" : first.file(), first == null ? 0 : first.line(), describe());
    }
}

package com.covalue.ruleset;

import java.util.Set;

/**
 * What the compiler learnt about one rule from its text.
 *
 * @param name          the rule's name (a sentence)
 * @param file          its file, relative to the rules folder
 * @param line          the line its {@code rule} keyword is on; for a decision table, the row it is written on
 * @param source        the research it cites ({@code @source(...)})
 * @param asks          snapshot fields its conditions read (for data gaps)
 * @param recommends    catalogue ids its consequence recommends
 */
public record RuleInfo(String name, String file, int line, String source, Set<String> asks, Set<String> recommends)
        implements java.io.Serializable {

    public RuleInfo {
        asks = Set.copyOf(asks);
        recommends = Set.copyOf(recommends);
    }

    /** Where a person finds the rule: "governance.drl:42", or "governance.csv row 12" for a decision table's row. */
    public String location() {
        return com.covalue.model.Problem.location(file, line);
    }
}

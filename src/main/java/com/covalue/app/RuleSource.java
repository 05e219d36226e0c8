package com.covalue.app;

import com.covalue.ruleset.RuleSet;

/**
 * Where the facade takes the rule set for each piece of work: the service's live
 * {@link RuleRegistry}, or {@link OneShotRules} compiled once for a command.
 */
public interface RuleSource {

    /**
     * The rule set to evaluate with, taken once per request and used to its end.
     *
     * @throws com.covalue.model.CovalueException {@code not_ready} when no rule set is active yet
     * @throws com.covalue.ruleset.RuleSetRejectedException when a one-shot compile failed
     */
    RuleSet current();
}

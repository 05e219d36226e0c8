package com.covalue.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.model.ErrorCode;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.RuleSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rules that never finish on some snapshot are halted with a clear error, whichever of the two
 * guards stops them (the time budget, or the firing limit); the next evaluation is unaffected.
 */
class EvaluationBudgetTest {

    /** Slow firings: the time budget stops them. */
    private static final RuleSet SPINNING = TestSupport.realRulesPlusUnchecked("spinning", TestSupport.SPINS_WITHOUT_ESCALATION_PATH);
    /** Cheap firings: on a fast machine the firing limit stops them before any budget. */
    private static final RuleSet LOOPING = TestSupport.realRulesPlusUnchecked("looping", TestSupport.LOOPS_WITHOUT_ESCALATION_PATH);

    static Snapshot example(boolean escalationPath) {
        ObjectNode json = TestSupport.exampleJson();
        json.with("governance").put("escalationPath", escalationPath);
        return TestSupport.reader().read(json);
    }

    @Test
    void a_rule_that_runs_past_its_budget_on_some_input_is_halted_and_other_input_is_advised() {
        Advisor advisor = new Advisor(Duration.ofMillis(200));
        advisor.advise(SPINNING, example(true)); // warm, as the service's reload leaves every rule set
        long start = System.nanoTime();
        assertThatThrownBy(() -> advisor.advise(SPINNING, example(false)))
                .isInstanceOfSatisfying(EvaluationHaltedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EVALUATION_HALTED);
                    assertThat(e.code().status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("longer than their time budget of 200 ms");
                    assertThat(e.runawayRule()).as("the time budget names no rule").isEmpty();
                });
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).as("halted soon after the budget").isLessThan(10_000);
        // the same rules on input that does not make them spin, right after
        assertThat(advisor.advise(SPINNING, example(true)).recommendations()).isNotEmpty();
    }

    @Test
    void a_rule_that_keeps_triggering_itself_is_halted_at_the_firing_limit_and_named() {
        // a budget no machine reaches in 100,000 cheap firings, so the firing limit is what stops them
        Advisor advisor = new Advisor(Duration.ofSeconds(60));
        assertThatThrownBy(() -> advisor.advise(LOOPING, example(false)))
                .isInstanceOfSatisfying(EvaluationHaltedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EVALUATION_HALTED);
                    assertThat(e.getMessage()).contains("fired " + Advisor.MAX_FIRINGS + " times on this snapshot")
                            .contains("rule \"Loops without an escalation path\"");
                    assertThat(e.runawayRule()).contains("Loops without an escalation path");
                });
        assertThat(advisor.advise(LOOPING, example(true)).recommendations()).isNotEmpty();
    }

    @Test
    void the_shipped_rules_finish_well_within_the_default_budget() {
        Advisor advisor = new Advisor();
        advisor.advise(TestSupport.realRules(), example(false)); // first use compiles lazily
        long start = System.nanoTime();
        advisor.advise(TestSupport.realRules(), example(false));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(Advisor.DEFAULT_BUDGET.toMillis());
    }

    @Test
    void a_budget_must_be_positive() {
        assertThatThrownBy(() -> new Advisor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

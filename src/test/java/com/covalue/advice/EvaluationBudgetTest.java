package com.covalue.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.RuleSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An evaluation that overruns its time budget is halted with a clear error; the next one is unaffected. */
class EvaluationBudgetTest {

    private static final RuleSet LOOPING = TestSupport.realRulesPlusUnchecked("looping", TestSupport.LOOPS_WITHOUT_ESCALATION_PATH);

    static Snapshot example(boolean escalationPath) {
        ObjectNode json = TestSupport.exampleJson();
        json.with("governance").put("escalationPath", escalationPath);
        return TestSupport.reader().read(json);
    }

    @Test
    void a_rule_that_loops_on_some_input_is_halted_within_its_budget_and_other_input_is_advised() {
        Advisor advisor = new Advisor(Duration.ofMillis(200));
        advisor.advise(LOOPING, example(true)); // warm, as the service's reload leaves every rule set
        long start = System.nanoTime();
        assertThatThrownBy(() -> advisor.advise(LOOPING, example(false)))
                .isInstanceOfSatisfying(CovalueException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EVALUATION_HALTED);
                    assertThat(e.code().status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("longer than their time budget of 200 ms");
                });
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).as("halted soon after the budget").isLessThan(10_000);
        // the same rules on input that does not make them loop, right after
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

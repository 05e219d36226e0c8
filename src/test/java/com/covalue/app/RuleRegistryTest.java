package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload warms the new rule set up before the swap, and refuses rules that fail on the warm-up samples. */
class RuleRegistryTest {

    @TempDir
    Path dir;

    private Path copyRules() {
        return TestSupport.copyRules(dir.resolve("rules"));
    }

    private static int ruleLine(Path file, String rule) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("rule \"" + rule + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no rule " + rule);
    }

    @Test
    void a_failure_while_priming_the_compiler_is_only_logged_and_the_rules_keep_serving_and_reloading() {
        RuleSet rules = TestSupport.realRules();
        RuleRegistry.Compile compile = new RuleRegistry.Compile() {
            @Override
            public RuleSet compile(Path folder, RuleSet current) {
                return rules;
            }

            @Override
            public void prime(Path folder) {
                throw new IllegalStateException("priming broke");
            }
        };
        RuleRegistry registry = new RuleRegistry(TestSupport.RULES, TestSupport.CLOCK, compile,
                com.covalue.advice.Advisor.DEFAULT_BUDGET, o -> { });
        assertThat(registry.reload("startup").outcome()).isEqualTo("loaded");

        registry.primeCompiler();

        assertThat(registry.current()).isSameAs(rules);
        assertThat(registry.reload("watch").outcome()).isEqualTo("unchanged");
    }

    @Test
    void a_rule_that_fails_on_a_valid_sample_snapshot_is_refused_and_the_last_good_rules_keep_serving() throws Exception {
        Path rules = copyRules();
        List<ReloadOutcome> outcomes = new ArrayList<>();
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, outcomes::add);
        ReloadOutcome first = registry.reload("startup");
        assertThat(first.outcome()).isEqualTo("loaded");

        // compiles, passes every text check, and throws on any snapshot without a relationship charter;
        // the rule is a row of the governance decision table, so the failure is reported at its row
        Files.writeString(rules.resolve("governance.csv"), Files.readString(rules.resolve("governance.csv"))
                .replace(",0.5,no jointly written charter of values and behaviours,",
                        ",\"0.5 + Math.floorMod(1, 0)\",no jointly written charter of values and behaviours,"));
        ReloadOutcome broken = registry.reload("test");

        assertThat(broken.rejected()).isTrue();
        assertThat(broken.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("governance.csv");
            assertThat(p.line()).as("the table's row").isEqualTo(13);
            assertThat(p.describe()).startsWith("governance.csv row 13: ");
            assertThat(p.message()).contains("\"There is no relationship values charter\"", "bundled sample snapshot",
                    "ArithmeticException");
        });
        assertThat(registry.active().orElseThrow().revision()).isEqualTo(first.revision());
        assertThat(outcomes).extracting(ReloadOutcome::outcome).containsExactly("loaded", "rejected");
    }

    @Test
    void a_rule_that_would_trigger_itself_forever_is_refused_by_the_rule_language_instead_of_hanging_the_reload() throws Exception {
        Path rules = copyRules();
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, o -> { });
        String good = registry.reload("startup").revision();
        Files.writeString(rules.resolve("loop.drl"), """
                package covalue.rules;
                import com.covalue.model.*;
                global com.covalue.facts.AdviceCollector advice;

                rule "Keeps touching governance"
                    @source("study 4.2.1")
                when
                    $g : Governance( rolesDefined == false )
                then
                    update($g);
                end
                """);
        ReloadOutcome looping = registry.reload("test");

        assertThat(looping.rejected()).isTrue();
        // rules do not change facts, so none can re-trigger itself (ReloadBudgetTest shows the
        // evaluation budget stopping one that got past this check)
        assertThat(looping.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("loop.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("'update(...)' is not a call the rules may make", "(rules do not change the facts)");
        });
        assertThat(registry.active().orElseThrow().revision()).isEqualTo(good);
    }

    @Test
    void the_warm_up_samples_together_fire_most_of_the_real_rules() {
        RuleSet real = new RuleSetCompiler(TestSupport.CLOCK).compile(TestSupport.RULES);
        Set<String> fired = new RuleSetWarmUp().warm(real);
        // the point of the samples is to reach most rules' constraints and consequences before requests do
        assertThat(fired).hasSizeGreaterThanOrEqualTo(150);
        assertThat(real.rules().keySet()).containsAll(fired);
    }
}

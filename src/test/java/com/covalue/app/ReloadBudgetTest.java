package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.ruleset.RuleSetRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload whose warm-up overruns the evaluation budget is refused and logged, the last good
 * rules keep serving, and the watcher picks up the next good edit.
 */
class ReloadBudgetTest {

    /**
     * Loops only with a previous snapshot (the warm-up's last sample, the trend one): by then the
     * rule set is warm, so it is the plain budget that stops it, since each firing spends 2 ms of
     * CPU first. It could only get past the rule language's checks because this test compiles it
     * without them.
     */
    private static final String SPINS_ON_TRENDS = """
            package covalue.rules;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "Spins on every trend"
            when
                $p : Previous( )
            then
                long until = System.nanoTime() + 2000000L;
                while (System.nanoTime() < until) { Thread.onSpinWait(); }
                update($p);
            end
            """;

    /** The same loop with cheap firings, which the firing limit stops on any machine, given time. */
    private static final String LOOPS_ON_TRENDS = """
            package covalue.rules;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "Loops on every trend"
            when
                $p : Previous( )
            then
                update($p);
            end
            """;

    @Test
    void a_warm_up_stopped_by_the_firing_limit_is_refused_naming_the_rule_and_the_sample() {
        RuleSet looping = TestSupport.realRulesPlusUnchecked("looping", LOOPS_ON_TRENDS);
        RuleSetWarmUp warmUp = new RuleSetWarmUp(Duration.ofSeconds(60)); // no budget is reached first
        assertThatThrownBy(() -> warmUp.warm(looping))
                .isInstanceOfSatisfying(RuleSetRejectedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("rule \"Loops on every trend\" kept firing on the"
                                + " bundled sample snapshot 'trend-early-warning' and the rules were halted after 100000 firings")));
    }

    @TempDir
    Path dir;

    @Test
    void a_reload_whose_warm_up_loops_is_refused_and_the_next_good_edit_is_picked_up() throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        RuleSetCompiler compiler = new RuleSetCompiler(TestSupport.CLOCK);
        // The folder compiles as usual, except that a file named 'loop.marker' makes the compile
        // return the real rules plus the looping rule, unchecked, as a new revision.
        RuleRegistry.Compile compile = (folder, current) -> Files.exists(folder.resolve("loop.marker"))
                ? TestSupport.realRulesPlusUnchecked("looping-" + System.nanoTime(), SPINS_ON_TRENDS)
                : compiler.compile(folder, current);
        List<ReloadOutcome> outcomes = new CopyOnWriteArrayList<>();
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, compile, Duration.ofMillis(300), outcomes::add);
        String good = registry.reload("startup").revision();
        assertThat(good).isNotNull();

        try (RuleFolderWatcher watcher = new RuleFolderWatcher(registry, Duration.ofMillis(100)).start()) {
            Thread.sleep(300);
            Files.writeString(rules.resolve("loop.marker"), "");
            // (the await's deadline is the "not hung": building the unchecked rules alone takes seconds)
            await("the looping reload is refused", () -> outcomes.stream().anyMatch(ReloadOutcome::rejected));
            ReloadOutcome refused = outcomes.stream().filter(ReloadOutcome::rejected).findFirst().orElseThrow();
            assertThat(refused.errors()).singleElement().satisfies(p -> assertThat(p.message())
                    .contains("took longer than the evaluation budget of 300 ms on the bundled sample snapshot 'trend-early-warning'"));
            assertThat(registry.active().orElseThrow().revision()).as("the last good rules serve").isEqualTo(good);

            Files.delete(rules.resolve("loop.marker"));
            Files.writeString(rules.resolve("governance.drl"), Files.readString(rules.resolve("governance.drl"))
                    .replace("nobody is working at the connection\"", "nobody keeps in touch\""));
            await("the next good edit is loaded", () -> !registry.active().orElseThrow().revision().equals(good)
                    && !registry.lastReload().orElseThrow().rejected());
            RuleSet now = registry.active().orElseThrow();
            assertThat(now.revision()).doesNotStartWith("looping");
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

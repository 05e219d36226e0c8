package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.BadRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload whose rules break one of the contract's properties is refused like a compile error. */
class PropertyGateTest {

    @TempDir
    Path dir;

    private static Path copy(Path from, Path to) {
        return TestSupport.copyTree(from, to);
    }

    @Test
    void an_edit_that_adds_advice_on_a_better_rating_is_refused_naming_the_rule_and_the_last_good_rules_keep_serving()
            throws Exception {
        Path rules = copy(TestSupport.RULES, dir.resolve("rules"));
        copy(TestSupport.SCENARIOS, dir.resolve("scenarios")); // the gate checks the scenarios beside the rules
        List<ReloadOutcome> outcomes = new ArrayList<>();
        RuleRegistry registry = new RuleFolder(rules, "off").registry(TestSupport.CLOCK, outcomes::add);
        ReloadOutcome first = registry.reload("startup");
        assertThat(first.outcome()).as(first.errors().toString()).isEqualTo("loaded");

        Files.writeString(rules.resolve("bad.drl"), BadRules.ADDS_ADVICE_WHEN_A_FACT_IMPROVES);
        long start = System.nanoTime();
        ReloadOutcome broken = registry.reload("watch");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(broken.rejected()).isTrue();
        assertThat(broken.errors()).isNotEmpty().allSatisfy(p -> assertThat(p.describe()).contains("(property 2)"));
        assertThat(broken.errors().get(0).describe()).startsWith("bad.drl:6: rule \"Recognition calls for more meetings\" (bad.drl:6)"
                + " breaks \"better never looks worse\" (property 2) in scenario ");
        assertThat(registry.active().orElseThrow().revision()).isEqualTo(first.revision());
        System.out.println("rejected reload with the property check took " + millis + " ms");

        // fixed: the rule now fires on the missing practice, as rules/README.md asks
        Files.writeString(rules.resolve("bad.drl"), BadRules.ADDS_ADVICE_WHEN_A_FACT_IMPROVES
                .replace("recognition == true", "recognition == false"));
        assertThat(registry.reload("watch").outcome()).isEqualTo("loaded");
    }

    @Test
    void without_scenarios_beside_the_rules_the_bundled_samples_are_checked() throws Exception {
        Path rules = copy(TestSupport.RULES, dir.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), BadRules.RECOMMENDS_WHAT_IS_IN_PLACE);
        RuleRegistry registry = new RuleFolder(rules, "off").registry(TestSupport.CLOCK, o -> { });
        ReloadOutcome outcome = registry.reload("startup");
        assertThat(outcome.rejected()).isTrue();
        assertThat(outcome.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("(property 6) in scenario bundled sample ");
        });
        assertThat(registry.active()).isEmpty();
    }
}

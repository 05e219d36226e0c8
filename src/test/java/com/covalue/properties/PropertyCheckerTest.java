package com.covalue.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.BadRules;
import com.covalue.TestSupport;
import com.covalue.ruleset.PracticeList;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.covalue.validation.SnapshotReader;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The property check that verify and every reload run: quiet on the shipped rules, naming the rule that breaks a promise. */
class PropertyCheckerTest {

    private static final String RECOMMENDS_WHAT_IS_IN_PLACE = BadRules.RECOMMENDS_WHAT_IS_IN_PLACE;
    private static final String ADDS_ADVICE_WHEN_A_FACT_IMPROVES = BadRules.ADDS_ADVICE_WHEN_A_FACT_IMPROVES;

    @TempDir
    Path dir;

    private List<PropertyChecker.Case> scenarios() {
        return ScenarioCases.under(TestSupport.SCENARIOS, TestSupport.reader(), name -> true);
    }

    private RuleSet rulesWith(String file, String text) throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        Files.writeString(rules.resolve(file), text);
        return new RuleSetCompiler(TestSupport.CLOCK).compile(rules);
    }

    @Test
    void the_shipped_rules_keep_every_property_on_every_scenario_and_each_improvement_of_it() {
        List<PropertyChecker.Case> cases = scenarios();
        PropertyChecker.Report report = new PropertyChecker(TestSupport.reader()).check(TestSupport.realRules(), cases,
                PropertyChecker.Sampling.ALL);
        assertThat(report.checked()).hasSize(cases.size()).hasSizeGreaterThanOrEqualTo(26);
        // each scenario, its improvements and four nearer renewals: far more than the scenarios alone
        assertThat(report.evaluations()).isGreaterThan(1000);
        assertThat(report.violations()).extracting(Violation::describe).isEmpty();
    }

    @Test
    void a_rule_that_recommends_a_practice_the_facts_show_in_place_is_named_with_the_scenario() throws Exception {
        RuleSet rules = rulesWith("bad.drl", RECOMMENDS_WHAT_IS_IN_PLACE);
        PropertyChecker.Report report = new PropertyChecker(TestSupport.reader()).check(rules, scenarios(),
                new PropertyChecker.Sampling(0, Set.of()));

        assertThat(report.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.property()).isEqualTo(Property.ADVICE_NEVER_CONTRADICTS_THE_FACTS);
            assertThat(v.culprits()).containsExactly(new Violation.Culprit("An escalation path is in place", "bad.drl", 6));
        });
        Violation healthy = report.violations().stream().filter(v -> v.scenario().equals("healthy-partnership")
                && v.variant() == null).findFirst().orElseThrow();
        assertThat(healthy.describe()).isEqualTo("rule \"An escalation path is in place\" (bad.drl:6) breaks \"advice never"
                + " contradicts the facts\" (property 6) in scenario healthy-partnership: OPENNESS-ESCALATION-PATH asks for"
                + " OPE-02 (\"Make escalations reach a decision within days\"), yet governance.escalationPath is true, and the advice rests on"
                + " nothing else");
        // one load error per rule and property, however many scenarios show it
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("more cases like it");
        });
    }

    @Test
    void a_rule_that_adds_advice_when_a_fact_improves_is_named_with_the_scenario_and_the_change() throws Exception {
        RuleSet rules = rulesWith("bad.drl", ADDS_ADVICE_WHEN_A_FACT_IMPROVES);
        PropertyChecker.Report report = new PropertyChecker(TestSupport.reader()).check(rules, scenarios(),
                PropertyChecker.Sampling.ALL);

        List<Violation> better = report.violations().stream()
                .filter(v -> v.property() == Property.BETTER_NEVER_LOOKS_WORSE).toList();
        assertThat(better).isNotEmpty().allSatisfy(v -> {
            assertThat(v.variant().path()).isEqualTo("trust.recognition");
            assertThat(v.variant().from().asBoolean()).isFalse();
            assertThat(v.variant().to().asBoolean()).isTrue();
            // first the rule that woke up; for a worse verdict, then the renewal rule that judged its advice
            assertThat(v.culprits().get(0)).isEqualTo(new Violation.Culprit("Recognition calls for more meetings", "bad.drl", 6));
            assertThat(v.problem().file()).isEqualTo("bad.drl");
        });
        assertThat(better).extracting(Violation::describe).anySatisfy(d -> assertThat(d).startsWith(
                "rule \"Recognition calls for more meetings\" (bad.drl:6) breaks \"better never looks worse\" (property 2) in"
                + " scenario contract-example when trust.recognition goes from false to true: the highest trust"
                + " priority rose from 81 to 92 (TRUST-FACE-TO-FACE: good work is recognised; "));
    }

    @Test
    void a_sample_checks_every_improvement_of_the_fields_in_focus_and_the_same_others_every_time() {
        var base = scenarios().get(0);
        List<Variant> all = Improvements.of(base.snapshot(), TestSupport.realRules().practices());
        String focus = all.get(all.size() / 2).path();
        var sampling = new PropertyChecker.Sampling(3, Set.of(focus));
        List<Variant> chosen = sampling.choose(base.name(), all);
        assertThat(chosen).hasSize(4).anyMatch(v -> v.path().equals(focus));
        assertThat(sampling.choose(base.name(), all)).isEqualTo(chosen);
        assertThat(PropertyChecker.Sampling.ALL.choose(base.name(), all)).isEqualTo(all);
    }

    @Test
    void snapshots_read_once_and_checked_again_on_two_threads_give_the_same_report_as_a_check_that_reads_them_anew()
            throws Exception {
        RuleSet rules = rulesWith("bad.drl", ADDS_ADVICE_WHEN_A_FACT_IMPROVES);
        List<PropertyChecker.Case> cases = scenarios();
        var sampling = new PropertyChecker.Sampling(6, Set.of("trust.recognition", "governance.escalationPath"));
        PropertyChecker.Report fresh = new PropertyChecker(TestSupport.reader()).check(rules, cases, sampling);

        CheckedSnapshots snapshots = new CheckedSnapshots(cases, rules.practices(), TestSupport.reader());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PropertyChecker twoThreads = new PropertyChecker(TestSupport.reader(), pool);
            // a first check with another focus reads part of the snapshots; the second reuses them and reads the rest
            twoThreads.check(rules, snapshots, new PropertyChecker.Sampling(6, Set.of("openness.escalationsOpen")));
            for (PropertyChecker.Report again : List.of(twoThreads.check(rules, snapshots, sampling),
                    new PropertyChecker(TestSupport.reader()).check(rules, snapshots, sampling))) {
                assertThat(again.checked()).isEqualTo(fresh.checked());
                assertThat(again.evaluations()).isEqualTo(fresh.evaluations());
                assertThat(again.violations()).isEqualTo(fresh.violations()).isNotEmpty();
                assertThat(again.problems()).isEqualTo(fresh.problems());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void snapshots_read_for_another_day_or_practice_list_are_not_used() {
        List<PropertyChecker.Case> cases = scenarios();
        RuleSet rules = TestSupport.realRules();
        CheckedSnapshots snapshots = new CheckedSnapshots(cases, rules.practices(), TestSupport.reader());
        SnapshotReader tomorrow = new SnapshotReader(Clock.offset(TestSupport.CLOCK, Duration.ofDays(1)));
        assertThat(snapshots.fits(rules.practices(), TestSupport.reader())).isTrue();
        assertThat(snapshots.fits(rules.practices(), tomorrow)).isFalse();
        assertThatThrownBy(() -> new PropertyChecker(tomorrow).check(rules, snapshots, PropertyChecker.Sampling.ALL))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(snapshots.fits(PracticeList.EMPTY, TestSupport.reader())).as("no practices: other answers are known").isFalse();
    }
}

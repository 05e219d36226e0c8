package com.covalue.scenario;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.SCENARIOS;
import static com.covalue.TestSupport.realRules;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario under scenarios/ against the project's rules: the same check as `covalue verify`. */
class ScenariosTest {

    private static final ScenarioRunner RUNNER = new ScenarioRunner(CLOCK);
    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    @TestFactory
    Stream<DynamicTest> every_scenario_meets_its_expectations() {
        List<Path> folders = ScenarioRunner.find(SCENARIOS);
        assertThat(folders).as("scenario folders").hasSizeGreaterThanOrEqualTo(12);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            ScenarioResult result = RUNNER.run(realRules(), SCENARIOS, folder);
            FIRED.addAll(result.rulesFired());
            assertThat(result.failures()).as(result.name()).isEmpty();
        }));
    }

    @Test
    void together_the_scenarios_fire_every_rule() {
        for (Path folder : ScenarioRunner.find(SCENARIOS)) {
            FIRED.addAll(RUNNER.run(realRules(), SCENARIOS, folder).rulesFired());
        }
        List<String> unfired = realRules().rules().values().stream()
                .filter(r -> !FIRED.contains(r.name()))
                .map(r -> r.file() + ":" + r.line() + " " + r.name())
                .sorted()
                .toList();
        assertThat(unfired).as("rules no scenario fires").isEmpty();
    }

    @AfterAll
    static void clear() {
        FIRED.clear();
    }

    @Test
    void a_failed_expectation_says_what_differed() {
        var expect = new Expectations(null,
                List.of(new Expectations.ExpectedRecommendation("GOVERNANCE-VALUES-CHARTER", com.covalue.model.Level.CRITICAL, null)),
                List.of(), null, "RENEW", List.of(), java.util.Map.of("overall", new Expectations.Bounds(90, null)), List.of());
        var snapshot = com.covalue.TestSupport.snapshot(com.covalue.TestSupport.exampleJson());
        var advice = new com.covalue.advice.Advisor().advise(realRules(), snapshot);
        List<String> failures = new java.util.ArrayList<>();
        ScenarioRunner.check(expect, advice, failures);
        assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("expected GOVERNANCE-VALUES-CHARTER at level CRITICAL, got"))
                .anySatisfy(f -> assertThat(f).startsWith("expected verdict RENEW, got"))
                .anySatisfy(f -> assertThat(f).startsWith("expected overall health between 90 and 100, got"));
    }
}

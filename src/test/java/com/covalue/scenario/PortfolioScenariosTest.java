package com.covalue.scenario;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.SCENARIOS;
import static com.covalue.TestSupport.realRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Verdict;
import com.covalue.review.PortfolioFiles;
import com.covalue.review.PortfolioReviewer;
import com.covalue.review.Review;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every portfolio review scenario under scenarios/: the same check as `covalue verify`. */
class PortfolioScenariosTest {

    private static final PortfolioScenarioRunner RUNNER = new PortfolioScenarioRunner(CLOCK);

    @TestFactory
    Stream<DynamicTest> every_portfolio_review_meets_its_expectations() {
        List<Path> folders = PortfolioScenarioRunner.find(SCENARIOS);
        assertThat(folders).as("portfolio folders").hasSizeGreaterThanOrEqualTo(2);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            ScenarioResult result = RUNNER.run(realRules(), SCENARIOS, folder);
            assertThat(result.failures()).as(result.name()).isEmpty();
        }));
    }

    @Test
    void the_portfolios_between_them_show_every_verdict_and_both_gate_outcomes() {
        List<PortfolioExpectations> all = PortfolioScenarioRunner.find(SCENARIOS).stream()
                .map(PortfolioScenarioRunner::expectations).toList();
        assertThat(all.stream().flatMap(e -> e.reviewed().values().stream())).contains(Verdict.values());
        assertThat(all).extracting(PortfolioExpectations::exit).contains(0, 1);
        assertThat(all.stream().flatMap(e -> e.invalid().stream())).isNotEmpty();
    }

    @Test
    void a_wrong_expectation_is_reported_with_what_differed() {
        Path folder = SCENARIOS.resolve("portfolios/renewal-season");
        PortfolioExpectations right = PortfolioScenarioRunner.expectations(folder);
        LinkedHashMap<String, Verdict> swapped = new LinkedHashMap<>();
        List<String> ids = List.copyOf(right.reviewed().keySet());
        swapped.put(ids.get(1), right.reviewed().get(ids.get(1)));
        swapped.put(ids.get(0), right.reviewed().get(ids.get(0)));
        right.reviewed().forEach(swapped::putIfAbsent);
        PortfolioExpectations wrong = new PortfolioExpectations(null, right.asOf(), null, null, null, 0, swapped,
                List.of("someone-else"), Map.of("brightwell-lumen-claims", Review.Direction.BETTER),
                List.of(new PortfolioExpectations.ExpectedInvalid("missing.json", null)));

        PortfolioFiles.Found found = PortfolioFiles.find(List.of(folder));
        Review review = new PortfolioReviewer(com.covalue.TestSupport.reader(), false, PortfolioReviewer.Progress.NONE)
                .review(() -> realRules(), PortfolioScenarioRunner.options(wrong), found.inputs(), found.unreadable());
        List<String> failures = PortfolioScenarioRunner.check(folder, wrong, review);
        assertThat(failures)
                .anySatisfy(f -> assertThat(f).startsWith("expected urgency order"))
                .anySatisfy(f -> assertThat(f).startsWith("expected not due [someone-else]"))
                .anySatisfy(f -> assertThat(f).startsWith("expected brightwell-lumen-claims to have a direction of travel"))
                .anySatisfy(f -> assertThat(f).startsWith("expected unreadable [missing.json] but got []"))
                .anySatisfy(f -> assertThat(f).startsWith("expected exit code 0 but the gate gives 1"));
    }
}

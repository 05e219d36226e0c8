package com.covalue.cli;

import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.RuleSet;
import com.covalue.scenario.PortfolioScenarioRunner;
import com.covalue.scenario.ScenarioResult;
import com.covalue.scenario.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code covalue verify}: compile the rules, run every scenario, report failures and rule coverage. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check rule edits: compile the rules, run every scenario against them, and list",
                "rules that no scenario fires. Exit 0 when every scenario passes, 1 when any fails,",
                "2 when the rules do not compile or the options are wrong."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = {"Folder of scenarios (default: ${DEFAULT-VALUE}): one folder each with snapshot.json and expect.yaml,",
                    "and portfolio reviews: one folder each with snapshot files and review.yaml."})
    Path scenarios;

    @Option(names = "--require-coverage", description = "Also fail (exit 1) when a rule is fired by no scenario.")
    boolean requireCoverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        RuleSet ruleSet = rules.compileOrReport(err);
        if (ruleSet == null) {
            return Main.BAD_INPUT;
        }
        out.printf("Rules: %d rules in %d files from %s, revision %s, compiled in %.1f s%n", ruleSet.ruleCount(),
                ruleSet.files().size(), rules.folder, ruleSet.revision(), (System.nanoTime() - start) / 1e9);

        List<Path> folders = ScenarioRunner.find(scenarios);
        if (folders.isEmpty()) {
            err.println("covalue: no scenarios found under " + scenarios + " (each needs a folder with snapshot.json and expect.yaml)");
            err.flush();
            return Main.BAD_INPUT;
        }
        ScenarioRunner runner = new ScenarioRunner(Clock.systemUTC());
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        out.println("Scenarios: " + folders.size());
        for (Path folder : folders) {
            ScenarioResult r = runner.run(ruleSet, scenarios, folder);
            results.add(r);
            fired.addAll(r.rulesFired());
            print(out, r);
        }

        List<Path> portfolios = PortfolioScenarioRunner.find(scenarios);
        if (!portfolios.isEmpty()) {
            out.println("Portfolio reviews: " + portfolios.size());
            PortfolioScenarioRunner reviews = new PortfolioScenarioRunner(Clock.systemUTC());
            for (Path folder : portfolios) {
                ScenarioResult r = reviews.run(ruleSet, scenarios, folder);
                results.add(r);
                print(out, r);
            }
        }

        List<RuleInfo> unfired = ruleSet.rules().values().stream()
                .filter(rule -> !fired.contains(rule.name()))
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .toList();
        out.printf("Coverage: %d of %d rules fired in at least one scenario%n", ruleSet.ruleCount() - unfired.size(),
                ruleSet.ruleCount());
        if (!unfired.isEmpty()) {
            out.println("  Not fired by any scenario (add or adjust a scenario so each rule is tested):");
            unfired.forEach(rule -> out.println("    " + rule.file() + ":" + rule.line() + "  \"" + rule.name() + "\""));
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.printf("Result: %d passed, %d failed%n", results.size() - failed, failed);
        out.flush();
        return failed > 0 || (requireCoverage && !unfired.isEmpty()) ? Main.FAILURES : Main.OK;
    }

    private static void print(PrintWriter out, ScenarioResult r) {
        out.println("  " + (r.passed() ? "PASS " : "FAIL ") + r.name());
        r.failures().forEach(f -> out.println("         - " + f));
    }
}

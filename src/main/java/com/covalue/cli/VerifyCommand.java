package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.RulesInUse;
import com.covalue.app.Verification;
import com.covalue.app.VerificationReport;
import com.covalue.model.CovalueException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code covalue verify}: compile the rules, run every scenario, report failures and rule coverage. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check rule edits: compile the rules, run every scenario against them, check the",
                "contract's properties on every scenario and each one-fact improvement of it, and list",
                "rules that no scenario fires. Exit 0 when everything passes, 1 when a scenario or a",
                "property fails, 2 when the rules do not compile or the options are wrong."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = {"Folder of scenarios (default: ${DEFAULT-VALUE}): one folder each with snapshot.json and expect.yaml,",
                    "and portfolio reviews: one folder each with snapshot files and review.yaml."})
    Path scenarios;

    @Option(names = "--require-coverage", description = "Also fail (exit 1) when a rule is fired by no scenario.")
    boolean requireCoverage;

    /** How the result is written. */
    enum Format { text, junit, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|junit|json",
            description = {"text (default) for a person; junit for CI test reports (one test case per scenario and",
                    "per property on each scenario); json for scripts."})
    Format format;

    @Option(names = "--run", paramLabel = "REGEX",
            description = {"Run only the scenarios whose name (e.g. contract-example, portfolios/renewal-season)",
                    "contains a match of REGEX; rule coverage is then not judged."})
    Pattern run;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Covalue covalue = Covalue.command(rules.ruleFolder().compileOnce(), Clock.systemUTC());
        RulesInUse inUse;
        Verification verification;
        try {
            inUse = covalue.rulesInUse();
            if (format == Format.text) {
                out.printf("Rules: %d rules in %d files from %s, revision %s, compiled in %.1f s%n", inUse.ruleCount(),
                        inUse.fileCount(), rules.folder, inUse.revision(), (System.nanoTime() - start) / 1e9);
            }
            verification = covalue.verify(scenarios, run == null ? name -> true : name -> run.matcher(name).find());
        } catch (CovalueException e) {
            out.flush();
            return Errors.print(spec.commandLine().getErr(), e);
        }
        switch (format) {
            case junit -> out.print(VerificationReport.junit(verification, inUse, requireCoverage));
            case json -> out.print(VerificationReport.json(verification, inUse, requireCoverage));
            case text -> print(out, verification, inUse.ruleCount());
        }
        out.flush();
        return verification.failed() > 0 || (requireCoverage && !verification.unfired().isEmpty()) ? Main.FAILURES : Main.OK;
    }

    private static void print(PrintWriter out, Verification v, int ruleCount) {
        out.println("Scenarios: " + v.scenarios().size());
        v.scenarios().forEach(o -> print(out, o));
        if (!v.portfolios().isEmpty()) {
            out.println("Portfolio reviews: " + v.portfolios().size());
            v.portfolios().forEach(o -> print(out, o));
        }
        printProperties(out, v);
        if (!v.coverageChecked()) {
            out.println("Coverage: not judged, only some scenarios ran");
        } else {
            out.printf("Coverage: %d of %d rules fired in at least one scenario%n", ruleCount - v.unfired().size(), ruleCount);
            if (!v.unfired().isEmpty()) {
                out.println("  Not fired by any scenario (add or adjust a scenario so each rule is tested):");
                v.unfired().forEach(rule -> out.println("    " + com.covalue.model.Problem.location(rule.file(), rule.line()) + "  \"" + rule.name() + "\""));
            }
        }
        long brokenProperties = v.properties().stream().filter(p -> !p.passed()).count();
        out.printf("Result: %d passed, %d failed%s%n", v.total() - v.failedScenarios(), v.failedScenarios(),
                brokenProperties == 0 ? "" : "; " + brokenProperties + (brokenProperties == 1 ? " property check" : " property checks")
                        + " failed");
        out.flush();
    }

    private static void printProperties(PrintWriter out, Verification v) {
        Verification.PropertyStats stats = v.propertyStats();
        List<Verification.PropertyOutcome> broken = v.properties().stream().filter(p -> !p.passed()).toList();
        out.printf("Properties: the contract's properties 2, 3, 5, 6 and 7 on %d scenarios and their variants"
                + " (%d evaluations, %.1f s): %s%n", stats.scenarios(), stats.evaluations(), stats.millis() / 1e3,
                broken.isEmpty() ? "all kept" : broken.size() + " broken");
        for (Verification.PropertyOutcome p : broken) {
            out.println("  FAIL " + p.scenario() + ": " + p.property());
            p.failures().stream().limit(MAX_LINES_PER_CHECK).forEach(f -> out.println("         - " + f));
            if (p.failures().size() > MAX_LINES_PER_CHECK) {
                out.println("         - and " + (p.failures().size() - MAX_LINES_PER_CHECK) + " more like these"
                        + " (--format json lists them all)");
            }
        }
    }

    /** Violations shown per scenario and property: one bad rule can break a property on every variant. */
    private static final int MAX_LINES_PER_CHECK = 3;

    private static void print(PrintWriter out, Verification.Outcome o) {
        out.println("  " + (o.passed() ? "PASS " : "FAIL ") + o.name());
        o.failures().forEach(f -> out.println("         - " + f));
    }
}

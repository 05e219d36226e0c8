package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.RulesInUse;
import com.covalue.app.Verification;
import com.covalue.model.CovalueException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        long start = System.nanoTime();
        Covalue covalue = Covalue.command(rules.ruleFolder().compileOnce(), Clock.systemUTC());
        RulesInUse inUse;
        Verification verification;
        try {
            inUse = covalue.rulesInUse();
            out.printf("Rules: %d rules in %d files from %s, revision %s, compiled in %.1f s%n", inUse.ruleCount(),
                    inUse.fileCount(), rules.folder, inUse.revision(), (System.nanoTime() - start) / 1e9);
            verification = covalue.verify(scenarios);
        } catch (CovalueException e) {
            out.flush();
            return Errors.print(spec.commandLine().getErr(), e);
        }
        print(out, verification, inUse.ruleCount());
        return verification.failed() > 0 || (requireCoverage && !verification.unfired().isEmpty()) ? Main.FAILURES : Main.OK;
    }

    private static void print(PrintWriter out, Verification v, int ruleCount) {
        out.println("Scenarios: " + v.scenarios().size());
        v.scenarios().forEach(o -> print(out, o));
        if (!v.portfolios().isEmpty()) {
            out.println("Portfolio reviews: " + v.portfolios().size());
            v.portfolios().forEach(o -> print(out, o));
        }
        out.printf("Coverage: %d of %d rules fired in at least one scenario%n", ruleCount - v.unfired().size(), ruleCount);
        if (!v.unfired().isEmpty()) {
            out.println("  Not fired by any scenario (add or adjust a scenario so each rule is tested):");
            v.unfired().forEach(rule -> out.println("    " + rule.file() + ":" + rule.line() + "  \"" + rule.name() + "\""));
        }
        out.printf("Result: %d passed, %d failed%n", v.total() - v.failed(), v.failed());
        out.flush();
    }

    private static void print(PrintWriter out, Verification.Outcome o) {
        out.println("  " + (o.passed() ? "PASS " : "FAIL ") + o.name());
        o.failures().forEach(f -> out.println("         - " + f));
    }
}

package com.covalue.cli;

import com.covalue.engine.RuleSet;
import com.covalue.engine.RuleSetCompiler;
import com.covalue.engine.RuleSetRejectedException;
import com.covalue.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by the commands that evaluate rules. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:COVALUE_RULES:-rules}",
            description = "Folder of rule files (default: ${DEFAULT-VALUE}; env COVALUE_RULES).")
    Path folder;

    /** Compiles the rules, or prints every problem to {@code err} and returns null. */
    RuleSet compileOrReport(PrintWriter err) {
        try {
            return new RuleSetCompiler(Clock.systemUTC()).compile(folder);
        } catch (RuleSetRejectedException e) {
            report(err, folder, e);
            return null;
        }
    }

    /** Prints every problem of a refused rule set. */
    static void report(PrintWriter err, Path folder, RuleSetRejectedException e) {
        err.println("covalue: the rules in " + folder + " were not loaded (" + e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems") + "):");
        for (Problem p : e.problems()) {
            err.println("  " + p.describe());
        }
        err.flush();
    }
}

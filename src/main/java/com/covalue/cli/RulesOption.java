package com.covalue.cli;

import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.model.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} and {@code --rule-cache DIR} options shared by the commands that evaluate rules. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${env:COVALUE_RULES:-rules}",
            description = "Folder of rule files (default: ${DEFAULT-VALUE}; env COVALUE_RULES).")
    Path folder;

    @Option(names = "--rule-cache", paramLabel = "DIR|off", defaultValue = "${env:COVALUE_RULE_CACHE}",
            description = {"Where compiled rule sets are kept by revision so that the next start skips compiling",
                    "(default: ~/.cache/covalue/compiled-rules; 'off' to always compile; env COVALUE_RULE_CACHE)."})
    String cache;

    /** A compiler that reads and fills the compiled-rules cache. */
    RuleSetCompiler compiler() {
        return new RuleSetCompiler(Clock.systemUTC(), CompiledRulesCache.forSetting(cache));
    }

    /** Compiles the rules, or prints every problem to {@code err} and returns null. */
    RuleSet compileOrReport(PrintWriter err) {
        RuleSetCompiler compiler = compiler();
        try {
            return compiler.compile(folder);
        } catch (RuleSetRejectedException e) {
            report(err, folder, e);
            return null;
        } finally {
            // a one-shot command exits next: let a freshly compiled rule set reach the cache first
            compiler.flushCache(Duration.ofSeconds(5));
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

package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.PortfolioRequest;
import com.covalue.app.RuleFolder;
import com.covalue.model.CovalueException;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.Impact;
import com.covalue.review.ReviewOptions;
import com.covalue.review.report.ImpactReport;
import com.covalue.store.StoreException;
import com.covalue.store.StoreSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code covalue diff --rules DRAFT PATH...}: what a draft rule folder would change in a portfolio's advice. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what a draft rule folder would change before it goes live: the portfolio (the same",
                "inputs as 'covalue review') is advised on with the draft and with the rules in use, and each",
                "relationship whose advice changes is listed with its verdict, new and dropped recommendations,",
                "priority moves and health."},
        footer = {"", "Exit codes: 0 done (with --fail-on-worse: and no verdict gets worse); 1 with --fail-on-worse,",
                "a relationship gets a worse verdict; 2 bad usage, missing paths or rules that do not compile."})
final class DiffCommand implements Callable<Integer> {

    @Mixin
    PortfolioOptions portfolio;

    @Option(names = "--rules", paramLabel = "DRAFT", required = true, description = "The draft rule folder.")
    Path draft;

    @Option(names = "--against", paramLabel = "DIR", defaultValue = "${env:COVALUE_RULES:-rules}",
            description = "The rules in use to compare with (default: ${DEFAULT-VALUE}; env COVALUE_RULES).")
    Path against;

    @Mixin
    ReportOptions report;

    @Option(names = "--fail-on-worse", description = "Exit 1 when any relationship gets a worse renewal verdict.")
    boolean failOnWorse;

    @Option(names = "--rule-cache", paramLabel = "DIR|off", defaultValue = "${env:COVALUE_RULE_CACHE}",
            description = "Where compiled rule sets are kept (default: ~/.cache/covalue/compiled-rules; 'off' for none).")
    String cache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        StoreSettings store;
        try {
            store = portfolio.store("diff");
            report.checkOut();
        } catch (IllegalArgumentException e) {
            return Errors.print(err, e.getMessage());
        }
        // the review's options are not used by a diff, which compares each relationship's latest snapshot
        ReviewOptions unused = new ReviewOptions(LocalDate.now(), RenewalWindow.DEFAULT_DAYS, Verdict.REMEDIATE_BEFORE_RENEWAL, false);
        try {
            Covalue covalue = Covalue.command(new RuleFolder(against, cache).compileOnce(), Clock.systemUTC());
            Impact impact = covalue.impact(new PortfolioRequest(portfolio.paths, report.out, store, unused),
                    new RuleFolder(draft, cache).compileOnce(), against.toString(), draft.toString());
            if (!report.write(w -> w.write(report.format.render(impact)), spec.commandLine().getOut(), err)) {
                return Main.BAD_INPUT;
            }
            if (report.out != null) {
                err.println("covalue: " + ImpactReport.headline(impact.summary()) + " Report written to " + report.out);
            }
            err.flush();
            return failOnWorse && impact.summary().worseVerdict() > 0 ? Main.FAILURES : Main.OK;
        } catch (CovalueException e) {
            return Errors.print(err, e);
        } catch (StoreException e) {
            return Errors.print(err, e.getMessage());
        }
    }
}

package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.OneShotRules;
import com.covalue.app.PortfolioRequest;
import com.covalue.model.CovalueException;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
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

/** {@code covalue review PATH...}: the renewal review of a portfolio, with a gate for pipelines. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review a portfolio before renewal: a verdict per relationship whose renewal is due, a report,",
                "and an exit code a pipeline can gate on. PATH is a snapshot file, a folder searched recursively",
                "for *.json, *.jsonl and *.ndjson, or a JSON Lines file with one snapshot per line. With several",
                "snapshots of one relationship the latest is reviewed and the earlier ones show its direction of travel.",
                "With --db URL (PostgreSQL) or --data DIR (the embedded store) the service's stored history is reviewed too;",
                "with --server URL a running service reviews its own stored history, with the same report and exit code."},
        footer = {"", "Exit codes: 0 the gate passed; 1 a due relationship is at or worse than --fail-on",
                "(or, with --strict, a snapshot could not be read); 2 bad usage, missing paths, no readable snapshot",
                "at all, broken rules, or a service that could not give the review."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    PortfolioOptions portfolio;

    @Option(names = "--server", paramLabel = "URL",
            description = "Have the service at URL (e.g. http://localhost:7070) review its stored history instead of reading"
                    + " files or a store here: for the embedded store while the service runs.")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:COVALUE_TOKEN_FILE}",
            description = "With --server: a file holding the API token (or the service's admin or write token) to read the"
                    + " stored history with (env COVALUE_TOKEN_FILE).")
    Path tokenFile;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Review as if on this day, YYYY-MM-DD (default: today). Snapshots assessed after it are left out.")
    LocalDate asOf;

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "" + RenewalWindow.DEFAULT_DAYS,
            description = "Renewals up to this many days after the as-of date are due (default ${DEFAULT-VALUE}); overdue ones always are.")
    int within;

    @Mixin
    ReportOptions report;

    @Option(names = "--fail-on", paramLabel = "VERDICT", defaultValue = "REMEDIATE_BEFORE_RENEWAL",
            description = "Fail the gate when a due relationship is at or worse than this: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Verdict failOn;

    @Option(names = "--strict", description = "Fail the gate when any snapshot cannot be read.")
    boolean strict;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: only when standard error is a terminal).")
    Boolean progress;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReviewOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) { // a usage mistake
            return Errors.print(err, e.getMessage());
        }
        Review review;
        try {
            review = server != null ? fromServer(options) : here(options, err);
        } catch (IllegalArgumentException e) { // a usage mistake, or a database URL that is not one
            return Errors.print(err, e.getMessage());
        } catch (ServerReview.Failed e) {
            return Errors.print(err, e.getMessage());
        } catch (CovalueException e) {
            return Errors.print(err, e);
        } catch (StoreException e) {
            return Errors.print(err, e.getMessage());
        }
        if (!report.write(w -> report.format.write(review, w), spec.commandLine().getOut(), err)) {
            return Main.BAD_INPUT;
        }
        return exitCode(review.summary(), err);
    }

    /** The options; usage mistakes are reported before any work starts. */
    private ReviewOptions options() {
        report.checkOut();
        RenewalWindow.problemWith(within).ifPresent(problem -> {
            throw new IllegalArgumentException("--within " + problem.message());
        });
        return new ReviewOptions(asOf == null ? LocalDate.now() : asOf, within, failOn, strict);
    }

    /** The review made here, of files and a store this process opens. */
    private Review here(ReviewOptions options, PrintWriter err) {
        if (tokenFile != null && spec.commandLine().getParseResult().hasMatchedOption("--token-file")) {
            throw new IllegalArgumentException("--token-file goes with --server");
        }
        StoreSettings store = portfolio.store("review");
        PortfolioRequest request = new PortfolioRequest(portfolio.paths, report.out, store, options);
        OneShotRules ruleSet = rules.ruleFolder().compileOnce(); // compiles while the files are read
        try (ProgressLine line = new ProgressLine(err, progress != null ? progress : ProgressLine.stderrIsTerminal())) {
            return Covalue.command(ruleSet, Clock.systemUTC()).review(request, line);
        }
    }

    /** The review the service makes of its own stored history. */
    private Review fromServer(ReviewOptions options) throws ServerReview.Failed {
        if (!portfolio.paths.isEmpty() || portfolio.hasStore()) {
            throw new IllegalArgumentException("--server reviews the service's stored history; give it without PATH, --db or --data");
        }
        String token = tokenFile == null ? null : Tokens.resolve("--token", null, tokenFile);
        return ServerReview.fetch(server, token, options);
    }

    /** 0 when the gate passed, 1 when it failed, 2 when not one snapshot could be read. */
    private int exitCode(Review.Summary sum, PrintWriter err) {
        if (sum.invalid() > 0) {
            err.println("covalue: " + sum.invalid() + " snapshot(s) could not be read; see the report's 'Could not read' list");
        }
        if (report.out != null) {
            err.println("covalue: " + sum.reviewed() + " of " + sum.relationships() + " relationships due; gate "
                    + (sum.gate().passed() ? "passed" : "FAILED") + "; report written to " + report.out);
        }
        if (sum.exitCode() == Main.BAD_INPUT) {
            // Nothing could be read at all: a broken export must not pass a pipeline as "nothing due".
            err.println("covalue: none of the " + sum.snapshotsGiven() + " snapshot(s) could be read");
        }
        err.flush();
        return sum.exitCode();
    }
}

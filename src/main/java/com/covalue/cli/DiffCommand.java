package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.PortfolioRequest;
import com.covalue.app.RuleFolder;
import com.covalue.model.CovalueException;
import com.covalue.model.Json;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.Impact;
import com.covalue.review.ReviewOptions;
import com.covalue.review.report.ImpactReport;
import com.covalue.store.StoreException;
import com.covalue.store.StoreSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    enum Format { text, md, html, json }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Snapshot files, folders of them, or JSON Lines files.")
    List<Path> paths = List.of();

    @Option(names = "--rules", paramLabel = "DRAFT", required = true, description = "The draft rule folder.")
    Path draft;

    @Option(names = "--against", paramLabel = "DIR", defaultValue = "${env:COVALUE_RULES:-rules}",
            description = "The rules in use to compare with (default: ${DEFAULT-VALUE}; env COVALUE_RULES).")
    Path against;

    @Option(names = "--db", paramLabel = "URL", description = "Also compare every snapshot in the history store at this JDBC URL.")
    String dbUrl;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Also compare every snapshot in the embedded history store in DIR (stop the service first).")
    Path data;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:COVALUE_DB_USER}", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:COVALUE_DB_PASSWORD}",
            description = "Database password (prefer COVALUE_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md (Markdown), html (one self-contained file) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

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
        if (paths.isEmpty() && dbUrl == null && data == null) {
            return Errors.print(err, "diff needs PATH..., --db URL or --data DIR\nTry 'covalue diff --help' for usage.");
        }
        if (dbUrl != null && data != null) {
            return Errors.print(err, "give --db or --data, not both");
        }
        StoreSettings store;
        try {
            store = dbUrl != null ? new StoreSettings(dbUrl.strip(), blank(dbUser), blank(dbPassword))
                    : data != null ? StoreSettings.existingEmbedded(data) : null;
        } catch (IllegalArgumentException e) {
            return Errors.print(err, e.getMessage());
        }
        // the review's options are not used by a diff, which compares each relationship's latest snapshot
        ReviewOptions unused = new ReviewOptions(LocalDate.now(), RenewalWindow.DEFAULT_DAYS, Verdict.REMEDIATE_BEFORE_RENEWAL, false);
        try {
            Covalue covalue = Covalue.command(new RuleFolder(against, cache).compileOnce(), Clock.systemUTC());
            Impact impact = covalue.impact(new PortfolioRequest(paths, out, store, unused),
                    new RuleFolder(draft, cache).compileOnce(), against.toString(), draft.toString());
            String report = switch (format) {
                case text -> ImpactReport.text(impact);
                case md -> ImpactReport.markdown(impact);
                case html -> ImpactReport.html(impact);
                case json -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(impact) + "\n";
            };
            if (out == null) {
                spec.commandLine().getOut().print(report);
                spec.commandLine().getOut().flush();
            } else {
                Files.writeString(out, report, StandardCharsets.UTF_8);
                err.println("covalue: " + ImpactReport.headline(impact.summary()) + " Report written to " + out);
            }
            err.flush();
            return failOnWorse && impact.summary().worseVerdict() > 0 ? Main.FAILURES : Main.OK;
        } catch (CovalueException e) {
            return Errors.print(err, e);
        } catch (StoreException e) {
            return Errors.print(err, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            return Errors.print(err, "cannot write " + out + ": " + e.getMessage());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

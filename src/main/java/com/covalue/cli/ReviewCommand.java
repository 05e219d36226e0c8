package com.covalue.cli;

import com.covalue.app.Covalue;
import com.covalue.app.OneShotRules;
import com.covalue.app.PortfolioRequest;
import com.covalue.model.CovalueException;
import com.covalue.model.Json;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.review.Review;
import com.covalue.review.ReviewOptions;
import com.covalue.review.report.HtmlReview;
import com.covalue.review.report.MarkdownReview;
import com.covalue.review.report.TextReview;
import com.covalue.store.StoreException;
import com.covalue.store.StoreSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code covalue review PATH...}: the renewal review of a portfolio, with a gate for pipelines. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review a portfolio before renewal: a verdict per relationship whose renewal is due, a report,",
                "and an exit code a pipeline can gate on. PATH is a snapshot file, a folder searched recursively",
                "for *.json, *.jsonl and *.ndjson, or a JSON Lines file with one snapshot per line. With several",
                "snapshots of one relationship the latest is reviewed and the earlier ones show its direction of travel.",
                "With --db URL (PostgreSQL) or --data DIR (the embedded store) the service's stored history is reviewed too."},
        footer = {"", "Exit codes: 0 the gate passed; 1 a due relationship is at or worse than --fail-on",
                "(or, with --strict, a snapshot could not be read); 2 bad usage, missing paths, no readable snapshot",
                "at all, or broken rules."})
final class ReviewCommand implements Callable<Integer> {

    enum Format { text, md, html, json }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Snapshot files, folders of them, or JSON Lines files.")
    List<Path> paths = List.of();

    @Option(names = "--db", paramLabel = "URL",
            description = "Also review every snapshot in the service's history store at this JDBC URL (jdbc:postgresql://..."
                    + " with --db-user and --db-password or COVALUE_DB_USER and COVALUE_DB_PASSWORD).")
    String dbUrl;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Also review every snapshot in the embedded history store in DIR (the service's --data; stop the service first).")
    Path data;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:COVALUE_DB_USER}", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:COVALUE_DB_PASSWORD}",
            description = "Database password (prefer COVALUE_DB_PASSWORD, which stays out of process listings).")
    String dbPassword;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Review as if on this day, YYYY-MM-DD (default: today). Snapshots assessed after it are left out.")
    LocalDate asOf;

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "" + RenewalWindow.DEFAULT_DAYS,
            description = "Renewals up to this many days after the as-of date are due (default ${DEFAULT-VALUE}); overdue ones always are.")
    int within;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, md (Markdown), html (one self-contained file) or json (Review v1). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

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
        PortfolioRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) { // a usage mistake, or a database URL that is not one
            return Errors.print(err, e.getMessage());
        }
        try {
            OneShotRules ruleSet = rules.ruleFolder().compileOnce(); // compiles while the files are read
            Review review;
            try (ProgressLine line = new ProgressLine(err, progress != null ? progress : ProgressLine.stderrIsTerminal())) {
                review = Covalue.command(ruleSet, Clock.systemUTC()).review(request, line);
            }
            if (!write(report(review), err)) {
                return Main.BAD_INPUT;
            }
            return exitCode(review.summary(), err);
        } catch (CovalueException e) {
            return Errors.print(err, e);
        } catch (StoreException e) {
            return Errors.print(err, e.getMessage());
        }
    }

    /** The options as a request; usage mistakes are reported before any work starts. */
    private PortfolioRequest request() {
        if (paths.isEmpty() && dbUrl == null && data == null) {
            throw new IllegalArgumentException("review needs PATH..., --db URL or --data DIR\nTry 'covalue review --help' for usage.");
        }
        if (dbUrl != null && data != null) {
            throw new IllegalArgumentException("give --db or --data, not both");
        }
        if (out != null) {
            Path folder = out.toAbsolutePath().getParent();
            if (Files.isDirectory(out) || folder == null || !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("cannot write the report to " + out + ": "
                        + (Files.isDirectory(out) ? "it is a folder" : "the folder " + folder + " does not exist"));
            }
        }
        RenewalWindow.problemWith(within).ifPresent(problem -> {
            throw new IllegalArgumentException("--within " + problem.message());
        });
        ReviewOptions options = new ReviewOptions(asOf == null ? LocalDate.now() : asOf, within, failOn, strict);
        StoreSettings store = dbUrl != null ? new StoreSettings(dbUrl.strip(), blankToNull(dbUser), blankToNull(dbPassword))
                : data != null ? StoreSettings.existingEmbedded(data) : null;
        return new PortfolioRequest(paths, out, store, options);
    }

    private String report(Review review) {
        try {
            return switch (format) {
                case text -> TextReview.render(review);
                case md -> MarkdownReview.render(review);
                case html -> HtmlReview.render(review);
                case json -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(review) + "\n";
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 when the gate passed, 1 when it failed, 2 when not one snapshot could be read. */
    private int exitCode(Review.Summary sum, PrintWriter err) {
        if (sum.invalid() > 0) {
            err.println("covalue: " + sum.invalid() + " snapshot(s) could not be read; see the report's 'Could not read' list");
        }
        if (out != null) {
            err.println("covalue: " + sum.reviewed() + " of " + sum.relationships() + " relationships due; gate "
                    + (sum.gate().passed() ? "passed" : "FAILED") + "; report written to " + out);
        }
        if (sum.invalid() == sum.snapshotsGiven()) {
            // Nothing could be read at all: a broken export must not pass a pipeline as "nothing due".
            err.println("covalue: none of the " + sum.snapshotsGiven() + " snapshot(s) could be read");
            err.flush();
            return Main.BAD_INPUT;
        }
        err.flush();
        return sum.gate().passed() ? Main.OK : Main.FAILURES;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Prints the report, or writes it to {@code --out} through a temporary file, so a pipeline never
     * picks up half a report.
     */
    private boolean write(String report, PrintWriter err) {
        if (out == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
            return true;
        }
        Path file = out;
        try {
            Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                // a plain new file, so the report gets the user's usual permissions (umask), unlike a temp file
                Files.writeString(tmp, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException e) {
            err.println("covalue: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }
}

package com.covalue.cli;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.covalue.review.report.TextReport;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.validation.InvalidInputException;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code covalue advise FILE}: advice for one snapshot, as the contract's JSON or a report to read. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Advise on one relationship snapshot (Snapshot v1 JSON).",
                "Invalid snapshots are reported field by field, every problem at once, with exit code 2."})
final class AdviseCommand implements Callable<Integer> {

    enum Format { json, text }

    @Parameters(paramLabel = "FILE", description = "Snapshot JSON file, or - for standard input.")
    String file;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json (the contract's Advice v1) or text (a report for a person). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--explain", description = "Add, per recommendation, the rules that fired and the facts each matched.")
    boolean explain;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "The same relationship's earlier snapshot: adds the trend rules' advice and a trend section.")
    Path previousFile;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot snapshot;
        Snapshot previous = null;
        SnapshotReader reader = new SnapshotReader(Clock.systemUTC());
        try {
            snapshot = reader.read(readInput());
            if (previousFile != null) {
                previous = readPrevious(reader, snapshot);
            }
        } catch (InvalidInputException e) {
            printError(err, e);
            return Main.BAD_INPUT;
        }
        RuleSet ruleSet = rules.compileOrReport(err);
        if (ruleSet == null) {
            return Main.BAD_INPUT;
        }
        Advice advice = new Advisor().evaluate(ruleSet, snapshot, new Advisor.Options(explain, previous)).advice();
        out.print(format == Format.json ? toJson(advice) : TextReport.render(advice));
        out.flush();
        return Main.OK;
    }

    static String toJson(Object value) throws JsonProcessingException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    /** The --previous snapshot: valid, of the same relationship, and assessed earlier. */
    private Snapshot readPrevious(SnapshotReader reader, Snapshot snapshot) throws IOException {
        String name = previousFile.toString();
        Snapshot previous;
        try {
            previous = reader.read(Files.readString(previousFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file_not_found", "No such file: " + name, List.of(Problem.atLine(name, null, "no such file")));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.error().code(), name + ": " + e.getMessage(), e.problems());
        }
        if (!previous.relationship().id().equals(snapshot.relationship().id())) {
            throw new InvalidInputException("invalid_previous", "The previous snapshot is of another relationship.",
                    List.of(Problem.atField("relationship.id", name + " has " + previous.relationship().id() + ", the snapshot "
                            + snapshot.relationship().id())));
        }
        if (!previous.assessedOn().isBefore(snapshot.assessedOn())) {
            throw new InvalidInputException("invalid_previous", "The previous snapshot must be assessed before this one.",
                    List.of(Problem.atField("assessedOn", name + " is of " + previous.assessedOn() + ", not before "
                            + snapshot.assessedOn())));
        }
        return previous;
    }

    private String readInput() throws IOException {
        try {
            return file.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file_not_found", "No such file: " + file, List.of(Problem.atLine(file, null, "no such file")));
        }
    }

    private void printError(PrintWriter err, InvalidInputException e) throws JsonProcessingException {
        if (format == Format.json) {
            err.print(toJson(e.error()));
        } else {
            err.println("covalue: " + file + ": " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p.describe()));
        }
        err.flush();
    }
}

package com.covalue.cli;

import com.covalue.app.AdviceRequest;
import com.covalue.app.Covalue;
import com.covalue.model.Advice;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Json;
import com.covalue.review.report.TextReport;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
        PrintWriter err = spec.commandLine().getErr();
        Covalue covalue = Covalue.command(rules.ruleFolder().compileOnce(), Clock.systemUTC());
        Advice advice;
        try {
            Snapshot snapshot = covalue.read(readInput());
            Snapshot previous = previousFile == null ? null
                    : covalue.read(readFile(previousFile.toString()), previousFile.toString());
            advice = covalue.advise(new AdviceRequest(snapshot, previous, explain));
        } catch (CovalueException e) {
            // broken rules are the operator's to fix, so they are told in words whatever the format
            return e.code() == ErrorCode.RULES_REJECTED ? Errors.print(err, e) : printError(err, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? toJson(advice) : TextReport.render(advice));
        out.flush();
        return Main.OK;
    }

    static String toJson(Object value) throws JsonProcessingException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    private String readInput() throws IOException {
        return file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : readFile(file);
    }

    private static String readFile(String name) throws IOException {
        try {
            return Files.readString(Path.of(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CovalueException(ErrorCode.FILE_NOT_FOUND, "No such file: " + name,
                    List.of(Problem.atLine(name, null, "no such file")));
        }
    }

    /** The input's error: the contract's JSON error with {@code --format json}, words otherwise. */
    private int printError(PrintWriter err, CovalueException e) throws JsonProcessingException {
        if (format == Format.json) {
            err.print(toJson(e.error()));
        } else {
            err.println("covalue: " + file + ": " + e.getMessage());
            e.problems().forEach(p -> err.println("  " + p.describe()));
        }
        err.flush();
        return Main.BAD_INPUT;
    }
}

package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, errors and exit codes. */
class CliTest {

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @TempDir
    Path dir;

    @Test
    void advise_prints_the_contracts_advice_as_json() throws Exception {
        Run r = run("advise", TestSupport.EXAMPLE.toString());
        assertThat(r.exit()).isZero();
        JsonNode advice = Json.MAPPER.readTree(r.out());
        assertThat(advice.get("schemaVersion").asInt()).isEqualTo(2); // advice v2, whatever the snapshot's version
        assertThat(advice.get("relationshipId").asText()).isEqualTo("northwind-helpdesk");
        assertThat(advice.get("recommendations").size()).isGreaterThan(5);
        assertThat(advice.at("/renewal/daysToRenewal").asInt()).isEqualTo(150);
        assertThat(advice.at("/health/factors").size()).isEqualTo(7);
    }

    @Test
    void advise_text_is_a_report_with_the_most_important_first() {
        Run r = run("advise", TestSupport.EXAMPLE.toString(), "--format", "text");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("RENEWAL", "HEALTH", "RECOMMENDATIONS", " 1. [", "Why:", "Do:");
        assertThat(r.out().indexOf("RENEWAL")).isLessThan(r.out().indexOf("RECOMMENDATIONS"));
    }

    @Test
    void advise_on_a_bad_snapshot_lists_every_problem_and_exits_2() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, TestSupport.with(TestSupport.with(TestSupport.exampleJson(),
                "delivery.promisesKept12m", 30), "trust.opneBook", true).toString());
        Run r = run("advise", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        JsonNode error = Json.MAPPER.readTree(r.err());
        assertThat(error.get("code").asText()).isEqualTo("invalid_snapshot");
        assertThat(error.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("delivery.promisesKept12m", "trust.opneBook");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void advise_text_on_a_bad_snapshot_prints_problems_for_a_person() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"assessedOn\": \"2026-11-01\"}");
        Run r = run("advise", bad.toString(), "--format", "text");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("relationship: is required");
    }

    @Test
    void advise_on_a_missing_file_exits_2() {
        Run r = run("advise", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("file_not_found");
    }

    @Test
    void broken_rules_are_reported_by_file_and_line_with_exit_2() throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        for (String f : new String[] {"catalogue.yaml", "practices.yaml", "priority.yaml"}) {
            Files.copy(Path.of("rules", f), rules.resolve(f));
        }
        Files.writeString(rules.resolve("oops.drl"), "package covalue.rules;\nrule \"x\" when\n  Governance( \nthen end\n");
        Run r = run("advise", TestSupport.EXAMPLE.toString(), "--rules", rules.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("were not loaded").contains("oops.drl:");
    }

    @Test
    void verify_passes_on_the_project_scenarios() {
        Run r = run("verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Coverage:").containsPattern("Result: \\d+ passed, 0 failed");
    }

    @Test
    void verify_fails_with_exit_1_and_the_difference_when_a_scenario_fails() throws Exception {
        Path case1 = Files.createDirectories(dir.resolve("scenarios/strict"));
        Files.copy(TestSupport.EXAMPLE, case1.resolve("snapshot.json"));
        Files.writeString(case1.resolve("expect.yaml"), "verdict: RENEW\nhealth:\n  overall: {min: 95}\n");
        Run r = run("verify", "--scenarios", dir.resolve("scenarios").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL strict", "expected verdict RENEW, got", "expected overall health between 95 and 100",
                "Not fired by any scenario");
    }

    @Test
    void unknown_options_and_missing_arguments_exit_2_with_usage_help() {
        Run r = run("advise");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("--help");
        assertThat(run("advise", "x.json", "--format", "xml").exit()).isEqualTo(2);
        assertThat(run("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void help_lists_the_commands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("advise", "verify", "Exit codes");
    }
}

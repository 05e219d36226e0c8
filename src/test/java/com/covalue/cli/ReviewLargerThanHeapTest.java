package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.RuleSetCompiler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review of a portfolio whose text alone is larger than the heap completes, with its whole report.
 * Before the review had two passes it held every snapshot's text, every checked snapshot and every
 * result at once, and this one ran out of memory; now it keeps of each snapshot only what groups and
 * orders it, and reads the due ones again from the file.
 */
class ReviewLargerThanHeapTest {

    private static final int SNAPSHOTS = 6_000;
    private static final int DUE_EVERY = 400; // few evaluations, so the test stays short: the reading is what it tests
    /** Blank space inside each line (JSON allows it), so that fewer snapshots to check make a file larger than the heap. */
    private static final String PADDING = " ".repeat(4096);
    private static final long HEAP_MB = 32;

    @TempDir
    Path dir;

    @Test
    void a_portfolio_larger_than_the_heap_is_reviewed_whole() throws Exception {
        ObjectNode snapshot = (ObjectNode) Json.MAPPER.readTree(TestSupport.EXAMPLE.toFile());
        ObjectNode relationship = (ObjectNode) snapshot.get("relationship");
        Path portfolio = dir.resolve("portfolio.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(portfolio, StandardCharsets.UTF_8)) {
            for (int i = 0; i < SNAPSHOTS; i++) {
                relationship.put("id", "rel-" + i);
                relationship.put("renewalDate", i % DUE_EVERY == 0 ? "2027-03-31" : "2031-03-31");
                out.write("{" + PADDING + Json.MAPPER.writeValueAsString(snapshot).substring(1));
                out.newLine();
            }
        }
        assertThat(Files.size(portfolio)).as("the portfolio's text alone is larger than the heap").isGreaterThan(HEAP_MB << 20);

        // the rules compiled here first: their compile needs more heap than the review, and takes longer
        Path cache = dir.resolve("rule-cache");
        RuleSetCompiler compiler = new RuleSetCompiler(TestSupport.CLOCK, CompiledRulesCache.in(cache));
        compiler.compile(TestSupport.RULES);
        compiler.flushCache(Duration.ofSeconds(30));

        Path report = dir.resolve("review.json");
        List<String> command = new ArrayList<>(TestSupport.covalueCommand("review", "--rule-cache", cache.toString(),
                "--rules", TestSupport.RULES.toString(), portfolio.toString(), "--as-of", "2026-11-23",
                "--format", "json", "--out", report.toString()));
        command.add(1, "-Xmx" + HEAP_MB + "m");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();

        // the example's verdict fails the default gate: exit 1, with the report written
        assertThat(p.exitValue()).as("exit code; the command said:\n" + said).isEqualTo(1);
        assertThat(said).contains("report written to").doesNotContain("ran out of memory");
        JsonNode summary = Json.MAPPER.readTree(report.toFile()).get("summary");
        assertThat(summary.get("snapshotsGiven").asInt()).isEqualTo(SNAPSHOTS);
        assertThat(summary.get("reviewed").asInt()).isEqualTo(SNAPSHOTS / DUE_EVERY);
        assertThat(summary.get("notDue").asInt()).isEqualTo(SNAPSHOTS - SNAPSHOTS / DUE_EVERY);
        JsonNode reviewed = Json.MAPPER.readTree(report.toFile()).get("reviewed");
        assertThat(reviewed).hasSize(SNAPSHOTS / DUE_EVERY);
        assertThat(reviewed.get(0).get("id").asText()).isEqualTo("rel-0");
    }
}

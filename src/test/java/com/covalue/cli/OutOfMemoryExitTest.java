package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of memory exits 2 with a sentence saying so. Uncaught, the error made
 * the JVM exit 1, the code of a failed review gate, so a pipeline could not tell a review that
 * never finished from one that found relationships not ready for renewal.
 */
class OutOfMemoryExitTest {

    @TempDir
    Path dir;

    @Test
    void a_review_too_big_for_its_heap_exits_2_and_says_why_without_leaving_a_report() throws Exception {
        ObjectNode snapshot = (ObjectNode) Json.MAPPER.readTree(TestSupport.EXAMPLE.toFile());
        Path portfolio = dir.resolve("portfolio.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(portfolio, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 3000; i++) {
                ((ObjectNode) snapshot.get("relationship")).put("id", "rel-" + i);
                out.write(Json.MAPPER.writeValueAsString(snapshot));
                out.newLine();
            }
            // The review reads a portfolio one snapshot at a time now, so the snapshots above fit; one
            // snapshot larger than the heap does not.
            ((ObjectNode) snapshot.get("relationship")).put("id", "rel-huge").put("name", "x".repeat(32 << 20));
            out.write(Json.MAPPER.writeValueAsString(snapshot));
            out.newLine();
        }
        Path report = dir.resolve("review.json");
        List<String> command = new ArrayList<>(TestSupport.covalueCommand("review", "--rule-cache", "off",
                "--rules", TestSupport.RULES.toString(), portfolio.toString(), "--as-of", "2026-11-23",
                "--format", "json", "--out", report.toString()));
        command.add(1, "-Xmx24m"); // the 32 MB snapshot does not fit

        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();

        assertThat(p.exitValue()).as("exit code; the command said:\n" + said).isEqualTo(Main.BAD_INPUT);
        assertThat(said).contains("covalue: ran out of memory (the Java heap may hold at most")
                .contains("COVALUE_JAVA_OPTS=-Xmx1g")
                .doesNotContain("Exception in thread");
        assertThat(report).doesNotExist();
    }
}

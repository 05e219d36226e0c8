package com.covalue.cli;

import static com.covalue.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Json;
import com.covalue.review.OpenApiSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `covalue review` as a pipeline and a reader meet it: formats, files and exit codes. */
class ReviewCommandTest {

    private static final String SEASON = "scenarios/portfolios/renewal-season";
    private static final String MIXED = "scenarios/portfolios/mixed-with-bad-files";

    @TempDir
    Path dir;

    @Test
    void json_is_review_v1_as_documented_and_the_gate_fails_with_exit_1() throws Exception {
        CliTest.Run r = run("review", SEASON, "--as-of", "2026-11-23", "--format", "json", "--no-progress");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode review = Json.MAPPER.readTree(r.out());
        assertThat(OpenApiSchemas.problems("Review", review)).isEmpty();
        assertThat(OpenApiSchemas.problems("Review", Json.MAPPER.readTree("{\"schemaVersion\": 2}")))
                .as("the schema check itself can fail").isNotEmpty();
        assertThat(review.at("/summary/gate/failing").toString())
                .isEqualTo("[\"northwind-helpdesk\",\"fenwick-calder-hosting\"]");
        assertThat(review.at("/reviewed/0/source/file").asText()).endsWith("pipeline-relationships.jsonl");
        assertThat(review.at("/reviewed/0/source/line").asInt()).isEqualTo(1);
    }

    @Test
    void text_puts_the_portfolio_first_then_each_relationship() {
        CliTest.Run r = run("review", SEASON, "--as-of", "2026-11-23", "--no-progress");
        assertThat(r.exit()).isEqualTo(1);
        String out = r.out();
        assertThat(out).startsWith("RENEWAL REVIEW as of 23 Nov 2026");
        assertThat(out).contains("Gate failed: 2 of 5 due relationships are at Remediate before renewal or worse: "
                + "Northwind Health / Contoso service desk, Fenwick Mutual / Calder data-centre hosting.");
        assertThat(out).contains("DUE FOR RENEWAL, most urgent first", "NOT DUE", "Conditions before signing",
                "Perceptions (1-5)", "Direction of travel ▼ worse: health");
        assertThat(out.indexOf("VERDICTS")).isLessThan(out.indexOf("===="));
        assertThat(out.indexOf("Hollins Care Group")).isLessThan(out.indexOf("Brightwell Insurance"));
    }

    @Test
    void markdown_has_a_summary_table_and_a_linked_section_per_relationship() {
        CliTest.Run r = run("review", SEASON, "--as-of", "2026-11-23", "--format", "md", "--no-progress");
        String md = r.out();
        assertThat(md).startsWith("# Renewal review, 23 Nov 2026");
        assertThat(md).contains("| Verdict | Relationships |", "| Review exit options | 1 |",
                "[Northwind Health / Contoso service desk](#rel-northwind-helpdesk)", "<a id=\"rel-northwind-helpdesk\"></a>",
                "| Factor | Health | Client rates | Supplier rates |", "**Conditions before signing**");
        // every table row has as many cells as its header
        for (String table : md.split("\n\n")) {
            String[] rows = table.strip().split("\n");
            if (rows.length > 1 && rows[1].startsWith("|---")) {
                long cells = rows[0].chars().filter(c -> c == '|').count();
                for (String row : rows) {
                    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(cells);
                }
            }
        }
    }

    @Test
    void html_is_one_self_contained_file_with_charts_and_escaped_text() throws Exception {
        Path portfolio = Files.createDirectories(dir.resolve("portfolio"));
        String hostile = Files.readString(Path.of(SEASON, "brightwell-lumen-claims.json"))
                .replace("Brightwell Insurance / Lumen claims handling", "<script>alert('x')</script> & \\\"Co\\\"");
        Files.writeString(portfolio.resolve("hostile.json"), hostile);
        Path out = dir.resolve("review.html");

        CliTest.Run r = run("review", SEASON, portfolio.toString(), "--as-of", "2026-11-23", "--format", "html",
                "--out", out.toString(), "--no-progress");
        assertThat(r.out()).as("the report goes to the file, not stdout").isEmpty();
        assertThat(r.err()).contains("report written to " + out);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!doctype html>").contains("<style>", "</html>");
        assertThat(html).contains("<svg class=\"bars\"", "<svg class=\"dumbbell\"", "<svg class=\"strip\"", "@media print");
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "@import");
        assertThat(Pattern.compile("href=\"(?!#)").matcher(html).find()).as("only in-page links").isFalse();
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("portfolio", "review.html");
    }

    @Test
    void bad_files_are_listed_and_fail_the_run_only_when_strict() {
        CliTest.Run lenient = run("review", MIXED, "--as-of", "2026-11-23", "--fail-on", "REVIEW_EXIT_OPTIONS", "--no-progress");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out()).contains("COULD NOT READ", "bad/truncated.json: The input is not valid JSON at line",
                "export.jsonl:3: The snapshot has 1 problem.", "openness.escalationsOpen: must be a whole number",
                "governance.escalationPaht: unknown field; did you mean 'escalationPath'?");
        assertThat(lenient.err()).contains("4 snapshot(s) could not be read");

        CliTest.Run strict = run("review", MIXED, "--as-of", "2026-11-23", "--fail-on", "REVIEW_EXIT_OPTIONS", "--strict",
                "--no-progress");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("Gate failed: none of the 4 due relationships is at Review exit options or worse; "
                + "and 4 snapshots could not be read, which fails the gate in a strict review.");
        assertThat(lenient.out()).contains("Gate passed: none of the 4 due relationships");
    }

    @Test
    void a_gate_set_above_every_verdict_passes_and_not_due_relationships_never_fail_it() {
        assertThat(run("review", SEASON, "--as-of", "2026-11-23", "--fail-on", "REVIEW_EXIT_OPTIONS", "--within", "120",
                "--no-progress").exit()).isZero();
    }

    @Test
    void bad_usage_exits_2_with_a_message() throws Exception {
        assertThat(run("review", "no/such/folder").exit()).isEqualTo(2);
        assertThat(run("review", "no/such/folder").err()).contains("no such file or folder: no/such/folder");
        assertThat(run("review", SEASON, "--as-of", "23/11/2026").exit()).isEqualTo(2);
        CliTest.Run badVerdict = run("review", SEASON, "--fail-on", "EXIT");
        assertThat(badVerdict.exit()).isEqualTo(2);
        assertThat(badVerdict.err()).contains("REVIEW_EXIT_OPTIONS");
        assertThat(run("review", SEASON, "--within", "-1").err()).contains("--within must be between 0 and");
        assertThat(run("review").exit()).isEqualTo(2);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a snapshot");
        CliTest.Run nothing = run("review", empty.toString());
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("found no snapshot files");
    }

    @Test
    void broken_rules_exit_2_with_file_and_line() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (String f : new String[] {"catalogue.yaml", "practices.yaml", "priority.yaml", "renewal.drl"}) {
            Files.copy(Path.of("rules", f), rules.resolve(f));
        }
        Files.writeString(rules.resolve("broken.drl"), "package covalue.rules;\nrule \"half\"\nwhen\n  Governance(\nthen\nend\n");
        CliTest.Run r = run("review", SEASON, "--rules", rules.toString(), "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("were not loaded").contains("broken.drl:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_portfolio_with_no_readable_snapshot_exits_2_after_reporting_why() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("cut.json"), "{\"schemaVersion\": 1,");
        CliTest.Run r = run("review", bad.toString(), "--as-of", "2026-11-23", "--no-progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("COULD NOT READ", "cut.json");
        assertThat(r.err()).contains("none of the 1 snapshot(s) could be read");
    }

    @Test
    void an_unwritable_report_is_refused_before_any_work() {
        CliTest.Run r = run("review", SEASON, "--out", dir.resolve("missing/review.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the folder " + dir.resolve("missing") + " does not exist");
        assertThat(run("review", SEASON, "--out", dir.toString()).err()).contains("it is a folder");
    }

    @Test
    void verdicts_and_dates_read_naturally_on_the_command_line() {
        assertThat(run("review", SEASON, "--as-of", "23/11/2026").err()).contains("'23/11/2026' is not a date; write it as YYYY-MM-DD");
        CliTest.Run lower = run("review", SEASON, "--as-of", "2026-11-23", "--fail-on", "review_exit_options", "--within", "120",
                "--no-progress");
        assertThat(lower.exit()).as(lower.err()).isZero();
    }

    @Test
    void urgency_is_judged_on_the_review_day_not_the_assessment_day() throws Exception {
        // Northwind was assessed on 1 Nov 2026, 150 days before its renewal; reviewed on 25 Mar 2027 it is 6 days away.
        CliTest.Run r = run("review", SEASON + "/northwind", "--as-of", "2027-03-25", "--format", "json", "--no-progress");
        JsonNode northwind = Json.MAPPER.readTree(r.out()).at("/reviewed/0");
        assertThat(northwind.get("daysToRenewal").asInt()).isEqualTo(6);
        assertThat(northwind.get("assessmentAgeDays").asInt()).isEqualTo(144);
        assertThat(northwind.toString()).contains("renewal is 6 days away").doesNotContain("renewal is 150 days away");
    }
}

package com.covalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.scenario.ScenarioRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code covalue diff}: what a draft rule folder changes in a portfolio, relationship by relationship. */
class DiffCommandTest {

    private static final String BILLING_RULE = "advice.recommend(\"OPENNESS-NO-BILLING-SURPRISES\", Math.min(0.9, 0.3 +";

    @TempDir
    Path dir;
    Path portfolio;
    Path draft;

    /** The scenarios' own snapshots (one per relationship) as a portfolio, and a draft with one severity raised. */
    @BeforeEach
    void portfolioAndDraft() throws Exception {
        portfolio = Files.createDirectory(dir.resolve("portfolio"));
        Set<String> ids = new HashSet<>();
        for (Path folder : ScenarioRunner.find(TestSupport.SCENARIOS)) {
            if (Files.exists(folder.resolve(ScenarioRunner.PREVIOUS))) {
                continue; // trend scenarios: their previous snapshot would be compared too
            }
            Snapshot s = TestSupport.reader().read(TestSupport.read(folder.resolve(ScenarioRunner.SNAPSHOT)));
            if (ids.add(s.relationship().id())) {
                Files.copy(folder.resolve(ScenarioRunner.SNAPSHOT), portfolio.resolve(folder.getFileName() + ".json"));
            }
        }
        draft = TestSupport.copyRules(dir.resolve("draft"));
        String openness = Files.readString(draft.resolve("openness.drl"));
        assertThat(openness).contains(BILLING_RULE);
        Files.writeString(draft.resolve("openness.drl"), openness.replace(BILLING_RULE,
                "advice.recommend(\"OPENNESS-NO-BILLING-SURPRISES\", Math.min(0.9, 0.5 +"));
    }

    /**
     * The relationships the edited rule fires on with a severity below its cap of 0.9 (raised by
     * 0.2, the priority then moves): worked out from the facts and the rule's own conditions, not
     * by comparing advice.
     */
    private Set<String> affectedByTheEdit() throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(portfolio)) {
            for (Path f : files.toList()) {
                Snapshot s = TestSupport.reader().read(Files.readString(f));
                // the only rule on this entry ("Invoices arrive as a surprise") fires from one dispute on
                Integer disputes = s.openness().billingDisputes12m();
                if (disputes != null && disputes >= 1 && 0.3 + 0.1 * disputes < 0.9) {
                    ids.add(s.relationship().id());
                }
            }
        }
        return ids;
    }

    @Test
    void one_severity_changed_lists_exactly_the_relationships_it_moves() throws Exception {
        CliTest.Run r = CliTest.run("diff", "--rules", draft.toString(), "--rule-cache", "off", "--format", "json",
                portfolio.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode impact = Json.MAPPER.readTree(r.out());
        Set<String> changed = new TreeSet<>();
        impact.get("changed").forEach(c -> changed.add(c.get("id").asText()));

        Set<String> expected = affectedByTheEdit();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(2);
        assertThat(changed).isEqualTo(expected);
        impact.get("changed").forEach(c -> {
            assertThat(c.get("added")).isEmpty();
            assertThat(c.get("dropped")).isEmpty();
            assertThat(c.get("moved")).singleElement().satisfies(m -> {
                assertThat(m.get("id").asText()).isEqualTo("OPENNESS-NO-BILLING-SURPRISES");
                assertThat(m.get("after").asInt()).isGreaterThan(m.get("before").asInt());
            });
        });
        assertThat(impact.at("/summary/relationships").asInt()).isEqualTo(portfolio.toFile().list().length);
        assertThat(impact.at("/summary/changed").asInt()).isEqualTo(expected.size());
        assertThat(impact.at("/summary/priorityMoves").asInt()).isEqualTo(expected.size());
    }

    @Test
    void the_text_report_names_each_change_and_the_same_rules_change_nothing() throws Exception {
        CliTest.Run r = CliTest.run("diff", "--rules", draft.toString(), "--rule-cache", "off", portfolio.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("relationships compared: " + affectedByTheEdit().size() + " change, none get a worse verdict",
                "  priority  OPENNESS-NO-BILLING-SURPRISES: ");

        CliTest.Run same = CliTest.run("diff", "--rules", TestSupport.RULES.toString(), "--rule-cache", "off",
                "--format", "md", portfolio.toString());
        assertThat(same.exit()).isZero();
        assertThat(same.out()).contains("the draft changes no advice.").doesNotContain("| Relationship |");
    }

    @Test
    void fail_on_worse_exits_1_when_a_verdict_gets_worse_and_html_shows_it() throws Exception {
        // every relationship with a renewal date is now to be remediated first
        Files.writeString(draft.resolve("strict.drl"), com.covalue.BadRules.ruleFile("Every renewal waits for a remedy",
                "Timeline( daysToRenewal <= 100000 )",
                "advice.verdict(Verdict.REMEDIATE_BEFORE_RENEWAL, \"the draft holds every renewal back\");"));
        Path html = dir.resolve("impact.html");
        CliTest.Run r = CliTest.run("diff", "--rules", draft.toString(), "--rule-cache", "off", "--fail-on-worse",
                "--format", "html", "--out", html.toString(), portfolio.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!doctype html>").contains("<h1>Rule impact</h1>", "(worse)", "get a worse verdict");
        assertThat(r.err()).contains("Report written to " + html);

        assertThat(CliTest.run("diff", "--rules", draft.toString(), portfolio.resolve("nope").toString()).exit()).isEqualTo(2);
        assertThat(CliTest.run("diff", portfolio.toString()).exit()).isEqualTo(2); // --rules DRAFT is required
    }
}

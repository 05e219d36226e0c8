package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.realRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Problem;
import com.covalue.model.SnapshotFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetCompilerTest {

    private static final String HEADER = """
            package covalue.rules;
            import com.covalue.model.*;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            """;

    @TempDir
    Path dir;

    /** A minimal valid rules folder: the real catalogue, practice list and weights plus the given DRL files. */
    private Path folder(String... nameAndText) throws IOException {
        Files.copy(Path.of("rules", Catalogue.FILE), dir.resolve(Catalogue.FILE));
        Files.copy(Path.of("rules", PracticeList.FILE), dir.resolve(PracticeList.FILE)); // the catalogue names its practices
        Files.copy(Path.of("rules", PriorityPolicy.FILE), dir.resolve(PriorityPolicy.FILE));
        for (int i = 0; i < nameAndText.length; i += 2) {
            Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
        }
        return dir;
    }

    private static List<Problem> rejected(Path folder) {
        try {
            new RuleSetCompiler(CLOCK).compile(folder);
        } catch (RuleSetRejectedException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set was accepted");
    }

    private static String rule(String name, String when, String then) {
        return "rule \"" + name + "\"\n    @source(\"study 4.2.1\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void the_project_rules_compile_with_a_rule_for_every_catalogue_entry() {
        RuleSet rules = realRules();
        // every field a rule reads is a contract field, so it can be a data gap and evidence
        assertThat(rules.rules().values()).allSatisfy(rule -> assertThat(rule.asks())
                .allSatisfy(path -> assertThat(SnapshotFields.byPath(path)).as(rule.name() + " reads " + path).isPresent()));
        assertThat(rules.ruleCount()).isGreaterThan(100);
        assertThat(rules.revision()).hasSize(16);
        // an entry is reached by a rule that names it, or as the entry the practice rules choose
        // for one of its practices (PracticeRulesTest shows every practice reaching its entries)
        List<String> reached = new java.util.ArrayList<>(rules.rules().values().stream().flatMap(r -> r.recommends().stream()).toList());
        for (Practice p : rules.practices().all()) {
            rules.catalogue().servingPractice(p.id()).ifPresent(reached::add);
            rules.catalogue().agreeingOnPractice(p.id()).ifPresent(reached::add);
        }
        assertThat(reached).containsAll(rules.catalogue().entries().keySet());
    }

    @Test
    void a_valid_folder_compiles_and_records_what_each_rule_asks_and_recommends() throws IOException {
        Path f = folder("a.drl", HEADER + rule("Roles have no remit", "Governance( rolesDefined == false )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"no remit\");"));
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(f);
        RuleInfo info = rules.rules().get("Roles have no remit");
        assertThat(info.file()).isEqualTo("a.drl");
        assertThat(info.line()).isEqualTo(5);
        assertThat(info.asks()).containsExactly("governance.rolesDefined");
        assertThat(info.recommends()).containsExactly("GOVERNANCE-ROLES-AND-OWNERSHIP");
        assertThat(info.source()).isEqualTo("study 4.2.1");
    }

    @Test
    void derived_values_and_perceptions_count_as_asking_for_the_fields_behind_them() throws IOException {
        Path f = folder("a.drl", HEADER
                + rule("Promises slip", "Delivery( promisesKeptRatio < 0.8 )", "advice.recommend(\"DELIVERY-PROMISE-REGISTER\", 0.5, \"x\");")
                + rule("KPIs are stale", "Timeline( monthsSinceKpiReview > 12 )", "advice.recommend(\"MEASUREMENT-KPI-REFRESH\", 0.5, \"x\");")
                + rule("Client distrusts", "Perception( factor == Factor.TRUST, client <= 2 )", "advice.recommend(\"TRUST-PRACTICE-MATCH\", 0.5, \"x\");"));
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(f);
        assertThat(rules.rules().get("Promises slip").asks()).containsExactlyInAnyOrder("delivery.promisesKept12m", "delivery.promisesDue12m");
        assertThat(rules.rules().get("KPIs are stale").asks()).containsExactly("measurement.lastKpiReview");
        assertThat(rules.rules().get("Client distrusts").asks()).containsExactly("views.client.ratings.trust");
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() throws IOException {
        Path f = folder("good.drl", HEADER + rule("Fine", "Governance( rolesDefined == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"),
                "broken.drl", HEADER + "rule \"Broken\"\n    @source(\"study 4.2.1\")\nwhen\n    Governance( rolesDefined == false \nthen\nend\n");
        List<Problem> problems = rejected(f);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
        assertThat(problems.get(0).line()).isBetween(8, 10);
    }

    @Test
    void a_misspelt_fact_name_is_explained() throws IOException {
        Path f = folder("a.drl", HEADER + rule("Typo", "Governance( rolesDefnied == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        assertThat(rejected(f)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("'rolesDefnied' is not a fact of Governance");
        });
    }

    @Test
    void a_misspelt_factor_or_changed_field_is_a_load_error_at_its_line_not_a_rule_that_never_fires() throws IOException {
        Path f = folder("a.drl", HEADER
                + rule("Factor as text", "Perception( factor == \"Innovation\", client <= 2 )",
                        "advice.recommend(\"INNOVATION-PRACTICE-MATCH\", 0.5, \"x\");")
                + rule("Misspelt factor", "Perception( factor == Factor.INOVATION, client <= 2 )",
                        "advice.recommend(\"INNOVATION-PRACTICE-MATCH\", 0.5, \"x\");")
                + rule("Misspelt field", "Change( field == SnapshotField.GOVERANCE_ROLES_DEFINED, worsened == true )",
                        "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        List<Problem> problems = rejected(f);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("rule \"Factor as text\": 'factor == \"Innovation\"' compares the factor with text,"
                    + " which a misspelling turns into a condition that never matches; write the value itself,"
                    + " e.g. 'factor == Factor.INNOVATION'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.message()).isEqualTo("rule \"Misspelt factor\": 'Factor.INOVATION' is not one of the values of Factor;"
                    + " did you mean Factor.INNOVATION?");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).isEqualTo("rule \"Misspelt field\": 'SnapshotField.GOVERANCE_ROLES_DEFINED' is not one of the"
                    + " values of SnapshotField; did you mean SnapshotField.GOVERNANCE_ROLES_DEFINED?");
        });
    }

    @Test
    void an_unknown_fact_type_lists_the_fact_types() throws IOException {
        Path f = folder("a.drl", HEADER + rule("Typo", "Governence( rolesDefined == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        assertThat(rejected(f)).anySatisfy(p -> assertThat(p.message()).contains("'Governence' is not a fact type").contains("Governance"));
    }

    @Test
    void a_recommendation_id_missing_from_the_catalogue_is_a_load_error_at_its_line() throws IOException {
        Path f = folder("a.drl", HEADER + rule("Unknown id", "Governance( rolesDefined == false )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIPP\", 0.5, \"x\");"));
        assertThat(rejected(f)).containsExactly(Problem.atLine("a.drl", 10,
                "rule \"Unknown id\" refers to recommendation \"GOVERNANCE-ROLES-AND-OWNERSHIPP\", which is not in catalogue.yaml;"
                        + " did you mean \"GOVERNANCE-ROLES-AND-OWNERSHIP\"?"));
    }

    @Test
    void duplicate_rule_names_across_files_are_errors_not_silent_overrides() throws IOException {
        String r = rule("Same name", "Governance( rolesDefined == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");");
        Path f = folder("a.drl", HEADER + r, "b.drl", HEADER + r);
        assertThat(rejected(f)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("b.drl");
            assertThat(p.message()).contains("\"Same name\" is already used at a.drl:5");
        });
    }

    @Test
    void a_condition_that_would_match_an_unknown_fact_is_rejected() throws IOException {
        Path f = folder("a.drl", HEADER + rule("Sloppy", "Governance( rolesDefined != true )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        assertThat(rejected(f)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("'rolesDefined != true' also matches a fact the snapshot left unknown");
        });
    }

    @Test
    void negating_a_snapshot_fact_or_comparing_it_with_not_equal_is_rejected() throws IOException {
        Path f = folder("a.drl", HEADER
                + rule("Negated", "not Governance( escalationPath == true )", "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.5, \"x\");")
                + rule("Not equal", "Governance( healthCheck != Cadence.QUARTERLY )", "advice.recommend(\"GOVERNANCE-HEALTH-CHECK\", 0.5, \"x\");")
                + rule("Not in", "Governance( healthCheck not in (Cadence.QUARTERLY, Cadence.MONTHLY) )", "advice.recommend(\"GOVERNANCE-HEALTH-CHECK\", 0.5, \"x\");"));
        assertThat(rejected(f)).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("rule \"Negated\": 'not', 'exists' or 'forall' around Governance(...)"),
                m -> assertThat(m).startsWith("rule \"Not equal\": 'healthCheck != Cadence.QUARTERLY' also matches"),
                m -> assertThat(m).startsWith("rule \"Not in\": 'healthCheck not in' also matches"));
    }

    @Test
    void trend_facts_follow_the_same_unknown_is_not_absent_checks() throws IOException {
        Path f = folder("a.drl", HEADER
                + rule("No fall", "not Change( field == SnapshotField.MEASUREMENT_SATISFACTION_SCORE, worsened == true )",
                        "advice.recommend(\"MEASUREMENT-SATISFACTION-FALLING\", 0.5, \"x\");")
                + rule("Was not there", "Previous( governance.escalationPath != true )",
                        "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.5, \"x\");"));
        assertThat(rejected(f)).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("rule \"No fall\": 'not', 'exists' or 'forall' around Change(...)"),
                m -> assertThat(m).startsWith("rule \"Was not there\": 'governance.escalationPath != true' also matches"));
    }

    @Test
    void practice_answers_follow_the_same_unknown_is_not_absent_checks() throws IOException {
        Path f = folder("a.drl", HEADER
                + rule("Not yes", "PracticeAnswers( practice == \"OPE-02\", client != PracticeAnswer.YES )",
                        "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.5, \"x\");")
                + rule("Nobody says it", "not PracticeAnswers( practice == \"OPE-02\", lower == PracticeAnswer.YES )",
                        "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.5, \"x\");")
                + rule("Both say no", "PracticeAnswers( practice == \"OPE-02\", missing == true )",
                        "advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.5, \"x\");"));
        // a practice one side did not answer, or nobody answered, is unknown: never a missing practice
        assertThat(rejected(f)).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("rule \"Not yes\": 'client != PracticeAnswer.YES' also matches"),
                m -> assertThat(m).startsWith("rule \"Nobody says it\": 'not', 'exists' or 'forall' around PracticeAnswers(...)"));
    }

    @Test
    void a_rule_file_that_is_not_utf8_is_reported_not_thrown() throws IOException {
        Path f = folder("a.drl", HEADER);
        Files.write(f.resolve("latin1.drl"), new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'});
        assertThat(rejected(f)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("latin1.drl");
            assertThat(p.message()).contains("not UTF-8");
        });
    }

    @Test
    void subfolders_and_hidden_files_are_not_read() throws IOException {
        String r = HEADER + rule("Only once", "Governance( rolesDefined == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");");
        Path f = folder("a.drl", r);
        Files.createDirectory(f.resolve("backup"));
        Files.writeString(f.resolve("backup/a.drl"), r);
        Files.writeString(f.resolve(".a.drl.swp"), "garbage");
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(f);
        assertThat(rules.ruleCount()).isEqualTo(1);
        assertThat(rules.files()).containsExactly("a.drl", "catalogue.yaml", "practices.yaml", "priority.yaml");
    }

    @Test
    void a_rule_without_a_source_is_rejected() throws IOException {
        Path f = folder("a.drl", HEADER + "rule \"No source\"\nwhen\n    Governance( rolesDefined == false )\nthen\n    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n");
        assertThat(rejected(f)).singleElement().satisfies(p -> assertThat(p.message()).contains("@source"));
    }

    @Test
    void a_rule_citing_a_source_covalue_does_not_know_is_rejected_at_its_line() throws IOException {
        Path f = folder("a.drl", HEADER + "\n" + rule("Cites a blog", "Governance( rolesDefined == false )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");").replace("study 4.2.1", "some blog"));
        assertThat(rejected(f)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("'some blog' is not a source Covalue knows").contains("Covalue policy");
        });
    }

    @Test
    void covalue_policy_is_a_source_a_rule_may_cite() throws IOException {
        Path f = folder("a.drl", HEADER + rule("A policy threshold", "Governance( rolesDefined == false )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");").replace("study 4.2.1", "Covalue policy"));
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(f);
        assertThat(rules.ruleCount()).isEqualTo(1);
    }

    @Test
    void a_catalogue_entry_citing_an_unknown_source_is_reported_at_its_line() throws IOException {
        Path f = folder("a.drl", HEADER);
        Files.writeString(f.resolve(Catalogue.FILE), """
                GOVERNANCE-ROLES-AND-OWNERSHIP:
                  title: Give roles a remit
                  action: Write them down.
                  factor: governance
                  kind: PROCESS
                  owner: JOINT
                  source: a consultant said so
                """);
        assertThat(rejected(f)).extracting(Problem::line, Problem::message).contains(org.assertj.core.groups.Tuple.tuple(7,
                "GOVERNANCE-ROLES-AND-OWNERSHIP: source 'a consultant said so' is not a source Covalue knows; cite one of "
                        + String.join(", ", Sources.KNOWN) + " (\"Covalue policy\" for a threshold or verdict of Covalue's own that no source states)"));
    }

    @Test
    void a_broken_catalogue_entry_is_reported_at_its_line() throws IOException {
        Path f = folder("a.drl", HEADER);
        Files.writeString(f.resolve(Catalogue.FILE), """
                GOVERNANCE-ROLES-AND-OWNERSHIP:
                  title: Give roles a remit
                  action: Write them down.
                  factor: govrnance
                  kind: PROCESS
                  owner: EVERYONE
                  source: study 4.2.1
                """);
        assertThat(rejected(f)).extracting(Problem::line, Problem::message).contains(
                org.assertj.core.groups.Tuple.tuple(4, "GOVERNANCE-ROLES-AND-OWNERSHIP: factor 'govrnance' is not one of "
                        + "[governance, trust, openness, delivery, mutualGoals, measurement, innovation]"),
                org.assertj.core.groups.Tuple.tuple(6, "GOVERNANCE-ROLES-AND-OWNERSHIP: owner 'EVERYONE' is not one of [CLIENT, SUPPLIER, JOINT]"));
    }

    @Test
    void weights_that_do_not_add_up_to_one_are_rejected() throws IOException {
        Path f = folder("a.drl", HEADER);
        Files.writeString(f.resolve(PriorityPolicy.FILE), Files.readString(f.resolve(PriorityPolicy.FILE))
                .replace("severity: 0.55", "severity: 0.65"));
        assertThat(rejected(f)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("priority.yaml");
            assertThat(p.message()).contains("add up to 1.1");
        });
    }

    @Test
    void a_missing_or_empty_folder_is_rejected_not_loaded_as_no_rules() throws IOException {
        assertThat(rejected(dir.resolve("nowhere"))).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(rejected(empty)).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no .drl rule files or decision tables"));
    }

    @Test
    void the_revision_depends_on_content_only() throws IOException {
        String r = HEADER + rule("One", "Governance( rolesDefined == false )", "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");");
        Path f = folder("a.drl", r);
        String first = new RuleSetCompiler(CLOCK).compile(f).revision();
        assertThat(new RuleSetCompiler(CLOCK).compile(f).revision()).isEqualTo(first);
        Files.writeString(f.resolve("a.drl"), r.replace("0.5", "0.6"));
        assertThat(new RuleSetCompiler(CLOCK).compile(f).revision()).isNotEqualTo(first);
    }
}

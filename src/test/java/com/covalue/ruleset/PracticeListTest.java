package com.covalue.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/practices.yaml: the contract's 96 practices, checked at load like the catalogue. */
class PracticeListTest {

    private static final String ONE = """
            GOV-01:
              factor: governance
              kind: PROCESS
              table: "4.2.1"
              practice: Both sides agree a mutual purpose
              client: "Have we and the supplier agreed what the relationship is for?"
              supplier: "Have we and the client agreed what the relationship is for?"
              facts: [governance.relationshipCharter]
            """;

    private static List<Problem> problems(String text) {
        List<Problem> problems = new ArrayList<>();
        PracticeList.parse(text, problems);
        return problems;
    }

    @Test
    void the_shipped_list_is_exactly_the_contracts_96_practices_in_table_order() throws Exception {
        List<String> csv = Files.readAllLines(Path.of("src/test/resources/contract/practices.csv"));
        List<Practice> shipped = TestSupport.realRules().practices().all();
        assertThat(shipped).hasSize(96);
        assertThat(csv).hasSize(97); // the header, then one row per practice
        for (int i = 0; i < shipped.size(); i++) {
            String[] row = csv.get(i + 1).split(",", 5);
            Practice p = shipped.get(i);
            assertThat(List.of(p.id(), p.factor().key(), p.kind().name(), p.table()))
                    .as("row %d of practices.csv", i + 2)
                    .containsExactly(row[0], row[1], row[2], row[3]);
            assertThat(p.clientQuestion()).as(p.id()).endsWith("?").isNotEqualTo(p.supplierQuestion());
        }
    }

    @Test
    void a_well_formed_entry_loads_with_its_facts() {
        List<Problem> problems = new ArrayList<>();
        PracticeList list = PracticeList.parse(ONE, problems);
        assertThat(problems).isEmpty();
        assertThat(list.find("GOV-01").orElseThrow().facts()).extracting(f -> f.path())
                .containsExactly("governance.relationshipCharter");
    }

    @Test
    void a_practice_listed_twice_is_refused_at_its_second_line() {
        assertThat(problems(ONE + ONE)).containsExactly(Problem.atLine(PracticeList.FILE, 9,
                "practice GOV-01 is listed twice (first at line 1)"));
    }

    @Test
    void an_unknown_factor_or_kind_is_refused_at_its_line() {
        String text = ONE.replace("factor: governance", "factor: goverance").replace("kind: PROCESS", "kind: HABIT");
        assertThat(problems(text)).extracting(Problem::line, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "GOV-01: factor 'goverance' is not one of "
                        + "[governance, trust, openness, delivery, mutualGoals, measurement, innovation]"),
                org.assertj.core.groups.Tuple.tuple(3, "GOV-01: kind 'HABIT' is not one of [PROCESS, TOOL, BEHAVIOUR]"));
    }

    @Test
    void a_fact_that_is_not_a_snapshot_field_gets_did_you_mean() {
        String text = ONE.replace("governance.relationshipCharter", "governance.relationshipCharta");
        assertThat(problems(text)).containsExactly(Problem.atLine(PracticeList.FILE, 8,
                "GOV-01: 'governance.relationshipCharta' is not a snapshot field; did you mean 'governance.relationshipCharter'?"));
    }

    @Test
    void a_missing_question_is_refused() {
        String text = ONE.replace("  supplier: \"Have we and the client agreed what the relationship is for?\"\n", "");
        assertThat(problems(text)).extracting(Problem::message).containsExactly("GOV-01: 'supplier' is missing or empty");
    }

    @Test
    void health_numbers_that_would_let_a_poorly_rated_factor_look_healthy_are_refused() throws Exception {
        String priority = Files.readString(Path.of("rules", PriorityPolicy.FILE)).replace("outcomeWeight: 0.6", "outcomeWeight: 0.5");
        List<Problem> problems = new ArrayList<>();
        assertThat(PriorityPolicy.parse(priority, problems)).isNull();
        assertThat(problems).extracting(Problem::message).containsExactly("with these numbers a factor rated 2 by one side"
                + " could still score 58; it must stay below 50 (contract property 5): raise outcomeWeight or lower ratingScale's 2");
    }
}

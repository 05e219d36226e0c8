package com.covalue.validation;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.exampleV2Json;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.model.CovalueException;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.model.SnapshotJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Snapshot v2 in, and v1 read as v2: contract version 2's input. */
class SnapshotV2Test {

    private static final Set<String> PRACTICES = realRules().practices().ids();

    private static List<Problem> problems(ObjectNode json) {
        try {
            reader().read(json, PRACTICES);
            return List.of();
        } catch (CovalueException e) {
            return e.problems();
        }
    }

    @Test
    void the_contract_example_v2_binds_both_views_and_the_context() {
        Snapshot s = reader().read(exampleV2Json(), PRACTICES);
        assertThat(s.schemaVersion()).isEqualTo(2);
        assertThat(s.views().client().respondentRole()).isNotBlank();
        assertThat(s.views().client().ratings().trust()).isNotNull();
        assertThat(s.views().supplier().practices()).isNotEmpty();
        assertThat(s.views().client().practices().values()).contains(PracticeAnswer.YES, PracticeAnswer.PARTLY);
        assertThat(s.context().strategicIntentHolds()).isNotNull();
    }

    @Test
    void a_v1_snapshot_is_read_as_v2_with_its_perceptions_as_the_views_ratings() {
        ObjectNode v1 = exampleJson();
        Snapshot s = reader().read(v1, PRACTICES);
        assertThat(s.schemaVersion()).isEqualTo(1);
        assertThat(s.views().client().ratings().trust()).isEqualTo(v1.at("/perceptions/client/trust").asInt());
        assertThat(s.views().supplier().ratings().innovation()).isEqualTo(v1.at("/perceptions/supplier/innovation").asInt());
        assertThat(s.views().client().practices()).isEmpty();
        assertThat(s.context().exitPlan()).isNull();
    }

    @Test
    void reading_a_v1_snapshot_leaves_its_json_as_it_was_and_toVersion2_is_a_copy_of_its_own() {
        ObjectNode v1 = exampleJson();
        ObjectNode untouched = v1.deepCopy();
        reader().read(v1, PRACTICES); // binds through a v2 view that shares v1's nested values
        assertThat(v1).isEqualTo(untouched);

        ObjectNode v2 = SnapshotJson.toVersion2(v1);
        ((ObjectNode) v2.at("/views/client/ratings")).put("trust", 5);
        assertThat(v1).isEqualTo(untouched);
        assertThat(v2.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(v2.has("perceptions")).isFalse();
    }

    @Test
    void v1_fields_that_v2_replaced_are_unknown_in_a_v2_snapshot() {
        ObjectNode json = with(exampleV2Json(), "perceptions.client.trust", 3);
        assertThat(problems(json)).extracting(Problem::field).containsExactly("perceptions");
    }

    @Test
    void an_unknown_practice_id_is_a_field_error_with_did_you_mean() {
        ObjectNode json = with(exampleV2Json(), "views.client.practices.GOV-5", "YES");
        assertThat(problems(json)).containsExactly(Problem.atField("views.client.practices.GOV-5",
                "is not a practice of the rule set's practice list; did you mean 'GOV-05'?"));
    }

    @Test
    void a_practice_answer_must_be_yes_partly_or_no() {
        ObjectNode json = with(exampleV2Json(), "views.supplier.practices.GOV-05", "MAYBE");
        List<Problem> problems = problems(json);
        assertThat(problems).extracting(Problem::field).containsExactly("views.supplier.practices.GOV-05");
        assertThat(problems.get(0).message()).contains("YES", "PARTLY", "NO", "MAYBE");
    }

    @Test
    void a_side_cannot_answer_after_the_assessment_day() {
        ObjectNode json = with(exampleV2Json(), "views.client.answeredOn", "2026-11-02");
        assertThat(problems(json)).containsExactly(Problem.atField("views.client.answeredOn",
                "must not be after assessedOn (2026-11-01)"));
    }

    @Test
    void a_schema_version_other_than_1_or_2_is_named() {
        ObjectNode json = with(exampleV2Json(), "schemaVersion", 3);
        assertThat(problems(json)).contains(Problem.atField("schemaVersion", "must be 1 or 2, not 3"));
    }

    @Test
    void the_order_answers_arrive_in_does_not_show() {
        Snapshot a = reader().read(exampleV2Json(), PRACTICES);
        ObjectNode reversed = exampleV2Json();
        ObjectNode answers = (ObjectNode) reversed.at("/views/client/practices");
        List<String> ids = new java.util.ArrayList<>();
        answers.fieldNames().forEachRemaining(ids::add);
        ObjectNode backwards = answers.objectNode();
        for (int i = ids.size() - 1; i >= 0; i--) {
            backwards.set(ids.get(i), answers.get(ids.get(i)));
        }
        ((ObjectNode) reversed.at("/views/client")).set("practices", backwards);
        assertThat(reader().read(reversed, PRACTICES)).isEqualTo(a);
    }

    @Test
    void without_a_practice_list_ids_are_not_checked_but_answers_still_are() {
        assertThat(reader().read(with(exampleV2Json(), "views.client.practices.XYZ-99", "NO")).views().client()
                .answer("XYZ-99")).isEqualTo(PracticeAnswer.NO);
        assertThatThrownBy(() -> reader().read(with(exampleV2Json(), "views.client.practices.XYZ-99", "yes")))
                .isInstanceOf(CovalueException.class);
    }
}

package com.covalue.validation;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.minimalJson;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.model.Cadence;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotReaderTest {

    private static List<Problem> problems(ObjectNode json) {
        return reader().validate(json);
    }

    private static List<String> fields(ObjectNode json) {
        return problems(json).stream().map(Problem::field).toList();
    }

    @Test
    void the_contract_example_is_valid_and_binds_every_section() {
        Snapshot s = reader().read(exampleJson());
        assertThat(s.relationship().id()).isEqualTo("northwind-helpdesk");
        assertThat(s.governance().strategicMeetings()).isEqualTo(Cadence.ANNUAL);
        assertThat(s.delivery().promisesKeptRatio()).isEqualTo(0.75);
        assertThat(s.perceptions().client().trust()).isEqualTo(2);
    }

    @Test
    void a_snapshot_with_only_the_required_fields_is_valid_and_every_fact_is_unknown() {
        Snapshot s = reader().read(minimalJson("tiny"));
        assertThat(s.governance().escalationPath()).isNull();
        assertThat(s.delivery().promisesKeptRatio()).isNull();
        assertThat(s.perceptions().supplier().innovation()).isNull();
    }

    @Test
    void a_misspelt_field_is_an_error_naming_its_path_with_a_suggestion() {
        ObjectNode json = with(exampleJson(), "governance.escalatonPath", true);
        assertThat(problems(json)).containsExactly(
                Problem.atField("governance.escalatonPath", "unknown field; did you mean 'escalationPath'?"));
    }

    @Test
    void every_problem_is_reported_at_once() {
        ObjectNode json = exampleJson();
        json = with(json, "governance.rolesDefined", "yes");
        json = with(json, "delivery.slaAttainment", 1.4);
        json = with(json, "measurement.satisfactionScore", 6);
        json = with(json, "governance.healthCheck", "SOMETIMES");
        json = with(json, "openness.escalationsOpen", -1);
        json = with(json, "relationship.id", "has spaces!");
        assertThat(fields(json)).containsExactlyInAnyOrder(
                "governance.rolesDefined", "delivery.slaAttainment", "measurement.satisfactionScore",
                "governance.healthCheck", "openness.escalationsOpen", "relationship.id");
    }

    @Test
    void type_errors_say_what_was_expected_and_what_came() {
        assertThat(problems(with(exampleJson(), "governance.rolesDefined", "yes")))
                .containsExactly(Problem.atField("governance.rolesDefined", "must be true or false, not the text \"yes\""));
        assertThat(problems(with(exampleJson(), "trust.faceToFacePerQuarter", 1.5)))
                .containsExactly(Problem.atField("trust.faceToFacePerQuarter", "must be a whole number, not the number 1.5"));
    }

    @Test
    void null_is_not_accepted_as_unknown_and_the_message_says_to_leave_the_field_out() {
        List<Problem> p = problems(with(exampleJson(), "trust.openBook", null));
        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("trust.openBook");
            assertThat(problem.message()).contains("leave the field out");
        });
    }

    @Test
    void kept_promises_may_not_exceed_promises_due() {
        ObjectNode json = with(exampleJson(), "delivery.promisesKept12m", 25);
        assertThat(problems(json)).containsExactly(
                Problem.atField("delivery.promisesKept12m", "must not exceed promisesDue12m (25 > 20)"));
    }

    @Test
    void adopted_ideas_may_not_exceed_proposed_ideas() {
        assertThat(fields(with(exampleJson(), "innovation.ideasAdopted12m", 3))).containsExactly("innovation.ideasAdopted12m");
    }

    @Test
    void assessedOn_may_not_be_in_the_future_and_dates_must_be_real() {
        assertThat(fields(with(exampleJson(), "assessedOn", "2027-01-01"))).contains("assessedOn");
        assertThat(problems(with(exampleJson(), "measurement.lastKpiReview", "2025-02-30")))
                .containsExactly(Problem.atField("measurement.lastKpiReview", "'2025-02-30' is not a real date"));
        assertThat(fields(with(exampleJson(), "mutualGoals.planUpdated", "1 March 2024"))).containsExactly("mutualGoals.planUpdated");
    }

    @Test
    void facts_dated_after_the_assessment_day_are_impossible() {
        assertThat(problems(with(exampleJson(), "measurement.lastKpiReview", "2026-11-02"))).containsExactly(
                Problem.atField("measurement.lastKpiReview", "must not be after assessedOn (2026-11-01)"));
    }

    @Test
    void required_fields_and_the_schema_version_are_checked() {
        ObjectNode json = minimalJson("x");
        json.remove("assessedOn");
        json.put("schemaVersion", 3); // 1 and 2 are both contract versions

        assertThat(problems(json)).extracting(Problem::field).containsExactlyInAnyOrder("assessedOn", "schemaVersion");
    }

    @Test
    void huge_numbers_are_rejected_rather_than_overflowing() {
        assertThat(fields(with(exampleJson(), "openness.escalationsOpen", 10_000_000_000L))).containsExactly("openness.escalationsOpen");
    }

    @Test
    void malformed_json_is_reported_with_line_and_column() {
        assertThatThrownBy(() -> reader().read("{\n  \"schemaVersion\": 1,\n  oops\n}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("malformed_json");
                    assertThat(e.getMessage()).contains("line 3");
                });
    }

    @Test
    void duplicate_keys_are_malformed_rather_than_silently_overwritten() {
        assertThatThrownBy(() -> reader().read("{\"schemaVersion\":1,\"schemaVersion\":1}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("Duplicate field 'schemaVersion'"));
    }

    @Test
    void an_invalid_snapshot_raises_invalid_snapshot_with_every_problem() {
        ObjectNode json = with(with(exampleJson(), "delivery.slaAttainment", 2), "trust.openBok", true);
        assertThatThrownBy(() -> reader().read(json))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("invalid_snapshot");
                    assertThat(e.problems()).extracting(Problem::field)
                            .containsExactly("delivery.slaAttainment", "trust.openBok");
                });
    }

    @Test
    void infinite_numbers_are_field_errors_not_crashes() {
        String json = "{\"schemaVersion\": 1e400, \"assessedOn\": \"2026-11-01\", \"relationship\": {\"id\": \"x\"},"
                + " \"governance\": {\"healthCheck\": -1e400, \"namedCounterparts\": 2}}";
        assertThat(reader().validate(SnapshotReader.parse(json))).containsExactly(
                Problem.atField("governance.healthCheck", "is too large a number"),
                Problem.atField("governance.namedCounterparts", "must be at most 1, not 2"),
                Problem.atField("schemaVersion", "is too large a number"));
    }

    @Test
    void counts_written_with_a_decimal_point_are_still_compared() {
        ObjectNode json = with(with(exampleJson(), "delivery.promisesKept12m", 5), "delivery.promisesDue12m", 3.0);
        assertThat(fields(json)).containsExactly("delivery.promisesKept12m");
    }

    @Test
    void a_leading_byte_order_mark_is_ignored() {
        Snapshot s = reader().read("\uFEFF" + minimalJson("bom"));
        assertThat(s.relationship().id()).isEqualTo("bom");
    }

    @Test
    void a_json_array_is_not_a_snapshot() {
        assertThat(reader().validate(SnapshotReader.parse("[1,2]")))
                .containsExactly(Problem.atField("", "a snapshot must be a JSON object, not array"));
    }
}

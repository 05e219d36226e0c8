package com.covalue.advice;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.exampleV2Json;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Advice;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Factor;
import com.covalue.model.SnapshotFields;
import com.covalue.model.Verdict;
import com.covalue.ruleset.Practice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Advice v2: both sides' views, practice matching, focus, and health that cannot hide an unhappy client. */
class TwoSidedAdviceTest {

    private static final Advisor ADVISOR = new Advisor();

    private static Advice advise(JsonNode json) {
        return ADVISOR.advise(realRules(), reader().read(json, realRules().practices().ids()));
    }

    @Test
    void matching_lists_each_practice_answered_differently_in_table_order_and_counts_the_rest() {
        ObjectNode json = exampleV2Json();
        Advice a = advise(json);
        List<String> differ = new ArrayList<>();
        int alike = 0;
        for (Practice p : realRules().practices().all()) {
            JsonNode c = json.at("/views/client/practices/" + p.id());
            JsonNode s = json.at("/views/supplier/practices/" + p.id());
            if (!c.isMissingNode() && !s.isMissingNode()) {
                if (c.asText().equals(s.asText())) {
                    alike++;
                } else {
                    differ.add(p.id() + " " + c.asText() + "/" + s.asText());
                }
            }
        }
        assertThat(differ).isNotEmpty();
        assertThat(a.matching()).extracting(m -> m.practice() + " " + m.client() + "/" + m.supplier()).containsExactlyElementsOf(differ);
        assertThat(a.matched()).isEqualTo(alike).isPositive();
    }

    @Test
    void a_v1_snapshot_gets_version_2_advice_with_nothing_to_match() {
        Advice a = advise(exampleJson());
        assertThat(a.schemaVersion()).isEqualTo(2);
        assertThat(a.matching()).isEmpty();
        assertThat(a.matched()).isZero();
        assertThat(a.health().answered()).isBetween(0.0, 1.0);
    }

    @Test
    void focus_is_one_to_five_recommendations_in_priority_order_never_two_on_the_same_evidence() {
        for (JsonNode json : List.of(exampleJson(), exampleV2Json())) {
            Advice a = advise(json);
            assertThat(a.recommendations()).isNotEmpty();
            assertThat(a.focus()).hasSizeBetween(1, 5).startsWith(a.recommendations().get(0).id());
            List<String> order = a.recommendations().stream().map(Recommendation::id).toList();
            assertThat(a.focus()).isSortedAccordingTo((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
            Set<List<String>> evidence = new HashSet<>();
            for (String id : a.focus()) {
                List<String> e = a.recommendations().get(order.indexOf(id)).evidence();
                assertThat(e.isEmpty() || evidence.add(e)).as("%s rests on the same evidence as an earlier focus item", id).isTrue();
            }
        }
    }

    @Test
    void evidence_names_only_facts_and_answers_the_snapshot_gives() {
        var snapshot = reader().read(exampleV2Json(), realRules().practices().ids());
        Advice a = ADVISOR.advise(realRules(), snapshot);
        for (Recommendation r : a.recommendations()) {
            for (String path : r.evidence()) {
                if (path.matches("views\\.(client|supplier)\\.practices\\..+")) {
                    String[] parts = path.split("\\.", 4);
                    var side = parts[1].equals("client") ? snapshot.views().client() : snapshot.views().supplier();
                    assertThat(side.answer(parts[3])).as(r.id() + " " + path).isNotNull();
                } else {
                    assertThat(SnapshotFields.byPath(path)).as(r.id() + " " + path).hasValueSatisfying(f ->
                            assertThat(f.known(snapshot)).isTrue());
                }
            }
        }
        assertThat(a.recommendations()).anySatisfy(r -> assertThat(r.evidence()).isNotEmpty());
        assertThat(a.recommendations()).anySatisfy(r -> assertThat(r.evidence()).anyMatch(p -> p.contains(".practices.")));
    }

    @Test
    void renewal_has_at_most_five_conditions_and_the_rest_still_open_in_priority_order() {
        Advice a = advise(exampleV2Json());
        List<String> order = a.recommendations().stream().map(Recommendation::id).toList();
        assertThat(a.renewal().conditions()).hasSizeLessThanOrEqualTo(5);
        List<String> all = new ArrayList<>(a.renewal().conditions());
        all.addAll(a.renewal().alsoOpen());
        assertThat(all).doesNotHaveDuplicates().isSortedAccordingTo((x, y) -> Integer.compare(order.indexOf(x), order.indexOf(y)));
        assertThat(a.renewal().alsoOpen()).isNotEmpty(); // the example has more than five
    }

    @Test
    void an_exit_review_leads_with_the_decision_and_exit_readiness_not_a_list_of_fixes() {
        Advice a = advise(com.covalue.validation.SnapshotReader.parse(com.covalue.TestSupport.read(
                com.covalue.TestSupport.SCENARIOS.resolve("past-use-no-exit-plan/snapshot.json"))));
        assertThat(a.renewal().verdict()).isEqualTo(Verdict.REVIEW_EXIT_OPTIONS);
        assertThat(a.renewal().conditions()).containsExactly("GOVERNANCE-INTERVENE-OR-EXIT", "GOVERNANCE-EXIT-READINESS");
        assertThat(a.renewal().alsoOpen()).isEmpty();
        assertThat(a.focus()).startsWith("GOVERNANCE-INTERVENE-OR-EXIT", "GOVERNANCE-EXIT-READINESS");
        assertThat(a.recommendations()).hasSizeGreaterThan(5); // the fixes are still advised, just not first
    }

    // ---- property 5: no watermelon ----

    /** The example v2 snapshot with every practice answered YES and every factor rated 5 by both sides. */
    private static ObjectNode rosy() {
        ObjectNode json = exampleV2Json();
        for (String side : List.of("client", "supplier")) {
            ObjectNode answers = ((ObjectNode) json.at("/views/" + side)).putObject("practices");
            realRules().practices().all().forEach(p -> answers.put(p.id(), "YES"));
            for (Factor f : Factor.values()) {
                json = with(json, "views." + side + ".ratings." + f.key(), 5);
            }
        }
        return json;
    }

    @Test
    void a_factor_either_side_rates_1_or_2_scores_below_50_however_good_its_practices() {
        for (Factor f : Factor.values()) {
            for (String side : List.of("client", "supplier")) {
                for (int rating : new int[] {1, 2}) {
                    Advice a = advise(with(rosy(), "views." + side + ".ratings." + f.key(), rating));
                    FactorHealth h = a.health().factors().stream().filter(x -> x.factor() == f).findFirst().orElseThrow();
                    assertThat(h.score()).as("%s rated %d by the %s", f.key(), rating, side).isLessThan(50);
                    assertThat(h.outcome()).isNotNull();
                }
            }
        }
        FactorHealth happy = advise(rosy()).health().factors().get(0);
        assertThat(happy.score()).as("the same factor rated 5 by both").isGreaterThanOrEqualTo(70);
    }

    @Test
    void a_client_rating_four_factors_1_or_2_keeps_overall_below_50_and_holds_renewal_back() {
        ObjectNode json = rosy();
        List<Factor> least = List.of(Factor.INNOVATION, Factor.MEASUREMENT, Factor.MUTUAL_GOALS, Factor.DELIVERY);
        for (Factor f : least) {
            json = with(json, "views.client.ratings." + f.key(), 2);
        }
        Advice a = advise(json);
        assertThat(a.health().overall()).isLessThan(50);
        assertThat(a.renewal().verdict()).isGreaterThanOrEqualTo(Verdict.REMEDIATE_BEFORE_RENEWAL);

        Advice three = advise(with(json, "views.client.ratings.delivery", 3));
        assertThat(three.renewal().verdict()).as("three factors rated low is not yet the unhappy-client rule")
                .isLessThanOrEqualTo(a.renewal().verdict());
    }

    @Test
    void the_unhappy_client_threshold_is_set_once_and_moves_both_the_health_cap_and_the_verdict(@TempDir Path dir)
            throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path priority = dir.resolve("priority.yaml");
        String yaml = Files.readString(priority);
        assertThat(yaml).contains("    factors: 4\n");
        Files.writeString(priority, yaml.replace("    factors: 4\n", "    factors: 3\n"));
        RuleSet three = new RuleSetCompiler(CLOCK).compile(dir);

        ObjectNode json = rosy();
        for (Factor f : List.of(Factor.INNOVATION, Factor.MEASUREMENT, Factor.DELIVERY)) {
            json = with(json, "views.client.ratings." + f.key(), 2);
        }
        Advice byDefault = advise(json);
        Advice byThree = ADVISOR.advise(three, reader().read(json, three.practices().ids()));

        String unhappy = "the client rates 3 of the seven success factors 2 or lower";
        assertThat(byDefault.renewal().reasons()).noneMatch(r -> r.startsWith(unhappy));
        assertThat(byDefault.health().overall()).isGreaterThan(three.priority().health().unhappyOverallCap());
        assertThat(byThree.renewal().reasons()).anyMatch(r -> r.startsWith(unhappy));
        assertThat(byThree.renewal().verdict()).isGreaterThanOrEqualTo(Verdict.REMEDIATE_BEFORE_RENEWAL);
        assertThat(byThree.health().overall()).isLessThanOrEqualTo(three.priority().health().unhappyOverallCap());
    }

    @Test
    void an_overall_score_resting_on_one_fact_cannot_look_good_but_a_bad_one_stays_bad() {
        ObjectNode one = com.covalue.TestSupport.minimalJson("one-fact");
        Advice good = advise(with(one, "delivery.slaAttainment", 0.99));
        assertThat(good.health().factors().get(Factor.DELIVERY.ordinal()).score()).isEqualTo(100);
        assertThat(good.health().answered()).isLessThan(0.05);
        assertThat(good.health().overall()).as("one good fact is not a healthy relationship").isBetween(50, 52);

        Advice bad = advise(with(one, "delivery.slaAttainment", 0.5));
        assertThat(bad.health().overall()).as("one bad fact is still a bad sign").isZero();

        // a complete version 1 snapshot rests on enough: its overall is the weighted mean of its factors
        Advice full = advise(exampleJson());
        assertThat(full.health().answered()).isGreaterThanOrEqualTo(realRules().priority().health().fullConfidenceAt());
    }
}

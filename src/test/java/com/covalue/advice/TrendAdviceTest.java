package com.covalue.advice;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.snapshot;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.model.Advice;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.scenario.ScenarioRunner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.ruleset.RuleSet;

/** Advice with the relationship's previous snapshot: trend recommendations and the trend section. */
class TrendAdviceTest {

    private static final Advisor ADVISOR = new Advisor();

    /** The contract's example as it stood half a year earlier (its dates are all older): same facts unless changed. */
    private static ObjectNode earlier(ObjectNode json) {
        return with(json, "assessedOn", "2026-05-01");
    }

    private static Advice advise(ObjectNode now, ObjectNode previous) {
        return ADVISOR.evaluate(realRules(), snapshot(now), new Advisor.Options(false, snapshot(previous))).advice();
    }

    private static List<String> ids(Advice a) {
        return a.recommendations().stream().map(Recommendation::id).toList();
    }

    @Test
    void a_relationship_whose_satisfaction_fell_gets_the_trend_recommendation() {
        ObjectNode now = exampleJson(); // satisfaction 3
        ObjectNode before = with(earlier(now), "measurement.satisfactionScore", 4);
        Advice a = advise(now, before);
        Recommendation r = a.recommendations().stream().filter(x -> x.id().equals("MEASUREMENT-SATISFACTION-FALLING"))
                .findFirst().orElseThrow(() -> new AssertionError("not recommended: " + ids(a)));
        assertThat(r.because()).containsExactly("client satisfaction fell from 4/5 to 3/5 since 2026-05-01");
        assertThat(r.rules()).containsExactly("Client satisfaction fell since the last snapshot");
        assertThat(r.source()).isEqualTo("study 4.2.2");
        assertThat(a.trend().previousAssessedOn()).hasToString("2026-05-01");
        assertThat(a.trend().daysBetween()).isEqualTo(184);
        assertThat(a.trend().worsened()).extracting(Advice.Moved::field).containsExactly("measurement.satisfactionScore");
    }

    @Test
    void the_same_facts_twice_give_no_trend_advice_and_an_empty_trend() {
        ObjectNode now = exampleJson();
        ObjectNode before = earlier(now);
        Advice a = advise(now, before);
        assertThat(a.recommendations()).noneMatch(r -> r.rules().stream().anyMatch(TrendAdviceTest::isTrendRule));
        assertThat(a.trend().worsened()).isEmpty();
        assertThat(a.trend().improved()).isEmpty();
    }

    @Test
    void each_kind_of_worsening_named_in_the_issue_is_noticed() {
        ObjectNode now = exampleJson();
        ObjectNode before = earlier(now);
        before = with(before, "perceptions.client.delivery", 4);         // client delivery 4 -> 3
        before = with(before, "delivery.promisesKept12m", 20);           // 20/20 -> 15/20
        before = with(before, "delivery.slaAttainment", 0.97);           // 97% -> 94%
        before = with(before, "openness.escalationsOpen", 0);            // 0 -> 3
        before = with(before, "measurement.valueReviews", "QUARTERLY");  // -> ANNUAL
        before = with(before, "innovation.forums", "QUARTERLY");         // -> NONE
        Advice a = advise(now, before);
        Recommendation slipping = a.recommendations().stream().filter(r -> r.id().equals("DELIVERY-PERFORMANCE-SLIPPING"))
                .findFirst().orElseThrow();
        assertThat(slipping.because()).containsExactly("promises kept on time fell from 100% to 75% since 2026-05-01",
                "SLA attainment fell from 97% to 94% since 2026-05-01");
        assertThat(ids(a)).contains("OPENNESS-DISCUSS-FALLING-RATINGS", "DELIVERY-PERFORMANCE-SLIPPING",
                "OPENNESS-ESCALATIONS-RISING", "MEASUREMENT-VALUE-REVIEWS-LAPSED", "INNOVATION-FORUMS-LAPSED");
        assertThat(a.trend().worsened()).extracting(Advice.Moved::field).containsExactly(
                "measurement.valueReviews", "openness.escalationsOpen", "delivery.promisesKeptRatio", "delivery.slaAttainment",
                "innovation.forums", "views.client.ratings.delivery");
    }

    @Test
    void a_perception_gap_that_widens_only_because_the_happier_side_rose_gives_no_advice() {
        ObjectNode now = exampleJson(); // trust: client 2, supplier 4
        ObjectNode before = with(earlier(now), "perceptions.supplier.trust", 3); // gap 1 -> 2, the lower view held
        Advice a = advise(now, before);
        assertThat(ids(a)).doesNotContain("OPENNESS-DISCUSS-FALLING-RATINGS");
        ObjectNode lowerFell = with(earlier(now), "perceptions.client.trust", 3); // gap 1 -> 2, the lower view fell
        Recommendation r = advise(now, lowerFell).recommendations().stream()
                .filter(x -> x.id().equals("OPENNESS-DISCUSS-FALLING-RATINGS")).findFirst().orElseThrow();
        assertThat(r.because()).anyMatch(b -> b.startsWith("the lower rating of trust fell from 3 to 2") && b.contains("gap 1 -> 2"));
    }

    @Test
    void without_a_previous_snapshot_the_advice_is_byte_for_byte_what_it_was_without_trend_rules(@TempDir Path dir)
            throws IOException {
        // the same rules folder less trends.drl: everything but the rule count and revision must match
        try (Stream<Path> files = Files.list(TestSupport.RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("trends.drl")) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        }
        RuleSet withoutTrends = new RuleSetCompiler(CLOCK).compile(dir);
        List<ObjectNode> snapshots = new java.util.ArrayList<>(List.of(exampleJson()));
        for (Path folder : ScenarioRunner.find(TestSupport.SCENARIOS)) {
            snapshots.add((ObjectNode) Json.MAPPER.readTree(folder.resolve(ScenarioRunner.SNAPSHOT).toFile()));
        }
        for (ObjectNode json : snapshots) {
            Snapshot s = snapshot(json);
            ObjectNode with = Json.MAPPER.valueToTree(ADVISOR.advise(realRules(), s));
            ObjectNode without = Json.MAPPER.valueToTree(ADVISOR.advise(withoutTrends, s));
            assertThat(with.remove("rules")).isNotEqualTo(without.remove("rules"));
            assertThat(Json.MAPPER.writeValueAsString(with)).as(s.relationship().id())
                    .isEqualTo(Json.MAPPER.writeValueAsString(without));
            assertThat(with.has("trend")).isFalse();
        }
    }

    @Test
    void a_previous_snapshot_of_another_relationship_or_not_earlier_is_refused() {
        Snapshot now = snapshot(exampleJson());
        Snapshot other = snapshot(with(earlier(exampleJson()), "relationship.id", "someone-else"));
        Snapshot sameDay = snapshot(exampleJson());
        assertThatThrownBy(() -> ADVISOR.evaluate(realRules(), now, new Advisor.Options(false, other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("someone-else");
        assertThatThrownBy(() -> ADVISOR.evaluate(realRules(), now, new Advisor.Options(false, sameDay)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be assessed before");
    }

    private static boolean isTrendRule(String rule) {
        var info = realRules().rules().get(rule);
        return info != null && info.file().equals("trends.drl");
    }
}

package com.covalue.advice;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.minimalJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.SnapshotValues;
import com.covalue.TestSupport;
import com.covalue.model.Advice;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Factor;
import com.covalue.model.Json;
import com.covalue.model.Verdict;
import com.covalue.scenario.ScenarioRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import com.covalue.model.SnapshotFields;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotJson;
import com.covalue.properties.Improvements;
import com.covalue.ruleset.Practice;

/**
 * The four properties every release keeps (contract README), checked on every scenario snapshot
 * exhaustively, field by field, and on generated snapshots.
 */
class ContractPropertiesTest {

    private static final Advisor ADVISOR = new Advisor();

    private static Advice advise(JsonNode json) {
        return ADVISOR.advise(realRules(), reader().read(json));
    }

    /**
     * The scenario snapshots plus the contract's two examples, all written as version 2 (so that
     * each side's ratings are at their v2 paths): realistic starting points.
     */
    private static List<ObjectNode> realisticSnapshots() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(SnapshotJson.toVersion2(exampleJson()));
        out.add(TestSupport.exampleV2Json());
        for (var folder : ScenarioRunner.find(TestSupport.SCENARIOS)) {
            out.add(SnapshotJson.toVersion2(com.covalue.validation.SnapshotReader.parse(
                    TestSupport.read(folder.resolve(ScenarioRunner.SNAPSHOT)))));
        }
        return out;
    }

    // ---- 1. Determinism ----

    @Test
    void the_same_snapshot_gives_the_same_bytes_whatever_its_key_order_and_white_space() throws Exception {
        ObjectNode original = exampleJson();
        String a = Json.MAPPER.writeValueAsString(advise(original));
        String b = Json.MAPPER.writeValueAsString(advise(original));
        ObjectNode reordered = reverseKeys(original);
        String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
        String c = Json.MAPPER.writeValueAsString(ADVISOR.advise(realRules(), reader().read(pretty)));
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
    }

    private static ObjectNode reverseKeys(ObjectNode node) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (int i = names.size() - 1; i >= 0; i--) {
            JsonNode v = node.get(names.get(i));
            out.set(names.get(i), v instanceof ObjectNode o ? reverseKeys(o) : v);
        }
        return out;
    }

    // ---- 2. Better never looks worse ----

    @TestFactory
    Stream<DynamicTest> improving_any_known_fact_of_a_realistic_snapshot_never_looks_worse() {
        return realisticSnapshots().stream().map(base -> DynamicTest.dynamicTest(
                base.path("relationship").path("id").asText(), () -> {
                    Advice before = advise(base);
                    List<String> violations = new ArrayList<>();
                    for (Improvement better : improvements(base)) {
                        improveAndCheck(base, before, better, violations, ContractPropertiesTest::advise);
                    }
                    assertThat(violations).isEmpty();
                }));
    }

    /**
     * With history the promise is the same for the snapshot being advised: the previous snapshot
     * is fixed, and improving any fact of the current one never looks worse (trend rules only
     * test what worsened).
     */
    @TestFactory
    Stream<DynamicTest> with_a_previous_snapshot_improving_any_known_fact_never_looks_worse() {
        return ScenarioRunner.find(TestSupport.SCENARIOS).stream()
                .filter(folder -> folder.resolve(ScenarioRunner.PREVIOUS).toFile().exists())
                .map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
                    var previous = reader().read(TestSupport.read(folder.resolve(ScenarioRunner.PREVIOUS)));
                    ObjectNode base = SnapshotJson.toVersion2(com.covalue.validation.SnapshotReader.parse(
                            TestSupport.read(folder.resolve(ScenarioRunner.SNAPSHOT))));
                    java.util.function.Function<JsonNode, Advice> withHistory = json -> ADVISOR.evaluate(realRules(),
                            reader().read(json), new Advisor.Options(false, previous)).advice();
                    Advice before = withHistory.apply(base);
                    assertThat(before.trend()).isNotNull();
                    List<String> violations = new ArrayList<>();
                    for (Improvement better : improvements(base)) {
                        improveAndCheck(base, before, better, violations, withHistory);
                    }
                    assertThat(violations).isEmpty();
                }));
    }

    @Property(tries = 60)
    @net.jqwik.api.statistics.StatisticsReport(onFailureOnly = true) // the share with trend advice matters when it fails
    void with_a_generated_previous_snapshot_improving_a_fact_never_looks_worse(@ForAll("snapshots") ObjectNode then,
            @ForAll("snapshots") ObjectNode now) {
        String id = now.path("relationship").path("id").asText();
        var previous = reader().read(TestSupport.with(then, "relationship.id", id));
        ObjectNode base = TestSupport.with(now, "assessedOn", "2026-11-20");
        if (!reader().validate(base).isEmpty()) {
            return;
        }
        java.util.function.Function<JsonNode, Advice> withHistory = json -> ADVISOR.evaluate(realRules(),
                reader().read(json), new Advisor.Options(false, previous)).advice();
        Advice before = withHistory.apply(base);
        net.jqwik.api.statistics.Statistics.collect(before.recommendations().stream()
                .anyMatch(r -> r.rules().stream().anyMatch(rule -> "trends.drl".equals(realRules().rules().get(rule).file())))
                ? "with trend advice" : "without trend advice");
        List<String> violations = new ArrayList<>();
        for (Improvement better : improvements(base)) {
            improveAndCheck(base, before, better, violations, withHistory);
        }
        assertThat(violations).isEmpty();
    }

    @Property(tries = 150)
    void improving_a_fact_of_a_generated_snapshot_never_looks_worse(@ForAll("snapshots") ObjectNode base) {
        Advice before = advise(base);
        List<String> violations = new ArrayList<>();
        for (Improvement better : improvements(base)) {
            improveAndCheck(base, before, better, violations, ContractPropertiesTest::advise);
        }
        assertThat(violations).isEmpty();
    }

    /** One change the contract calls better: a field to its next better value. */
    private record Improvement(String path, Factor factor, JsonNode value) {
    }

    /**
     * Every better change of one known fact (property 2), as {@code covalue verify} and a reload
     * generate them ({@link Improvements}): each field's next better value, and for the two sides'
     * practice answers (v2), a lone answer one step up, or the lower of two different answers one
     * step up towards the other.
     */
    private static List<Improvement> improvements(ObjectNode base) {
        return Improvements.of(base, realRules().practices()).stream()
                .map(v -> new Improvement(v.path(), v.factor(), v.to()))
                .toList();
    }

    private static void improveAndCheck(ObjectNode base, Advice before, Improvement better, List<String> violations,
            java.util.function.Function<JsonNode, Advice> advise) {
        ObjectNode improved = TestSupport.with(base, better.path(), better.value());
        if (!reader().validate(improved).isEmpty()) {
            return; // e.g. kept promises above promises due: not a snapshot
        }
        Advice after = advise.apply(improved);
        String change = better.path() + " " + TestSupport.at(base, better.path()) + " -> " + better.value() + ": ";
        Factor factor = better.factor();
        if (factor != null) {
            Integer h0 = score(before, factor);
            Integer h1 = score(after, factor);
            if (h0 != null && h1 != null && h1 < h0) {
                violations.add(change + factor.key() + " health fell " + h0 + " -> " + h1);
            }
            int p0 = highestPriority(before, factor);
            int p1 = highestPriority(after, factor);
            if (p1 > p0) {
                violations.add(change + "highest " + factor.key() + " priority rose " + p0 + " -> " + p1 + " "
                        + after.recommendations().stream().filter(r -> r.factor() == factor && r.priority().score() == p1)
                                .map(r -> r.id() + " " + r.because()).toList());
            }
        }
        if (before.health().overall() != null && after.health().overall() < before.health().overall()) {
            violations.add(change + "overall health fell " + before.health().overall() + " -> " + after.health().overall());
        }
        if (before.renewal() != null && after.renewal().verdict().worseThan(before.renewal().verdict())) {
            violations.add(change + "verdict worsened " + before.renewal().verdict() + " -> " + after.renewal().verdict()
                    + " " + after.renewal().reasons());
        }
    }

    private static Integer score(Advice a, Factor f) {
        return a.health().factors().stream().filter(h -> h.factor() == f).map(FactorHealth::score).findFirst().orElse(null);
    }

    private static int highestPriority(Advice a, Factor f) {
        return a.recommendations().stream().filter(r -> r.factor() == f).mapToInt(r -> r.priority().score()).max().orElse(0);
    }

    // ---- 3. Nearer renewal never looks calmer ----

    @Property(tries = 100)
    void moving_the_renewal_closer_never_lowers_a_priority(@ForAll("snapshots") ObjectNode base,
            @ForAll("daysCloser") int daysCloser) {
        LocalDate renewal = LocalDate.parse(base.path("relationship").path("renewalDate").asText());
        LocalDate start = LocalDate.parse(base.path("relationship").path("contractStart").asText());
        LocalDate nearer = renewal.minusDays(daysCloser);
        if (nearer.isBefore(start)) {
            return;
        }
        Map<String, Integer> far = scores(advise(base));
        Map<String, Integer> near = scores(advise(TestSupport.with(base, "relationship.renewalDate", nearer.toString())));
        far.forEach((id, score) -> assertThat(near.get(id)).as(id + " when the renewal is " + daysCloser + " days nearer")
                .isNotNull().isGreaterThanOrEqualTo(score));
    }

    @TestFactory
    Stream<DynamicTest> for_every_realistic_snapshot_a_nearer_renewal_never_lowers_a_priority() {
        return realisticSnapshots().stream()
                .filter(s -> s.path("relationship").has("renewalDate"))
                .map(base -> DynamicTest.dynamicTest(base.path("relationship").path("id").asText(), () -> {
                    LocalDate renewal = LocalDate.parse(base.path("relationship").path("renewalDate").asText());
                    Map<String, Integer> previous = scores(advise(base));
                    for (int closer : new int[] {30, 90, 180, 300}) {
                        ObjectNode moved = TestSupport.with(base, "relationship.renewalDate", renewal.minusDays(closer).toString());
                        if (!reader().validate(moved).isEmpty()) {
                            break;
                        }
                        Map<String, Integer> now = scores(advise(moved));
                        previous.forEach((id, score) -> assertThat(now.get(id)).as(id).isNotNull().isGreaterThanOrEqualTo(score));
                        previous = now;
                    }
                }));
    }

    private static Map<String, Integer> scores(Advice a) {
        return a.recommendations().stream().collect(Collectors.toMap(Recommendation::id, r -> r.priority().score()));
    }

    // ---- 4. Unknown is not absent ----

    @Test
    void a_snapshot_with_only_the_required_fields_gets_no_recommendation_and_lists_data_gaps() {
        Advice a = advise(minimalJson("only-required"));
        assertThat(a.recommendations()).isEmpty();
        assertThat(a.dataGaps()).isNotEmpty();
        assertThat(a.dataGaps()).extracting(Advice.DataGap::field).contains("governance.escalationPath", "trust.openBook");
        assertThat(a.health().overall()).isNull();
        assertThat(a.health().factors()).allSatisfy(f -> {
            assertThat(f.score()).isNull();
            assertThat(f.answered()).isZero();
        });
        assertThat(a.renewal()).isNull();
    }

    @Test
    void removing_a_fact_never_adds_a_recommendation() {
        ObjectNode base = exampleJson();
        Map<String, Integer> all = scores(advise(base));
        for (SnapshotField field : SnapshotFields.all()) {
            if (field.path().startsWith("relationship.")) {
                continue; // the renewal date changes priorities by design (property 3)
            }
            Map<String, Integer> fewer = scores(advise(TestSupport.without(base, field.path())));
            assertThat(all.keySet()).as("recommendations without " + field.path()).containsAll(fewer.keySet());
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<ObjectNode> snapshots() {
        return Arbitraries.longs().map(ContractPropertiesTest::generated);
    }

    @Provide
    Arbitrary<Integer> daysCloser() {
        return Arbitraries.integers().between(1, 400);
    }

    /** A valid snapshot where each fact is known with probability 0.7, with a random but valid value. */
    static ObjectNode generated(long seed) {
        Random random = new Random(seed);
        LocalDate assessed = LocalDate.of(2026, 11, 1);
        ObjectNode json = minimalJson("generated-" + Long.toHexString(seed));
        json.put("schemaVersion", 2);
        json = TestSupport.with(json, "relationship.contractStart", assessed.minusDays(400 + random.nextInt(1500)).toString());
        json = TestSupport.with(json, "relationship.renewalDate", assessed.plusDays(random.nextInt(700)).toString());
        for (SnapshotField field : SnapshotFields.all()) {
            if (field.path().startsWith("relationship.") || random.nextDouble() < 0.3) {
                continue;
            }
            json = TestSupport.with(json, field.path(), SnapshotValues.random(field.path(), assessed, random));
        }
        // each side answers some practices
        String[] answers = {"NO", "PARTLY", "YES"};
        for (Practice practice : realRules().practices().all()) {
            for (String side : new String[] {"client", "supplier"}) {
                if (random.nextDouble() < 0.3) {
                    json = TestSupport.with(json, "views." + side + ".practices." + practice.id(), answers[random.nextInt(3)]);
                }
            }
        }
        // keep the count pairs consistent
        for (String[] pair : new String[][] {{"delivery.promisesKept12m", "delivery.promisesDue12m"},
                {"innovation.ideasAdopted12m", "innovation.ideasProposed12m"}}) {
            JsonNode part = TestSupport.at(json, pair[0]);
            JsonNode whole = TestSupport.at(json, pair[1]);
            if (part != null && whole != null && part.asInt() > whole.asInt()) {
                json = TestSupport.with(json, pair[0], whole.asInt());
            }
        }
        assertThat(reader().validate(json)).as("generated snapshot is valid").isEmpty();
        return json;
    }

    @Test
    void the_verdict_scale_runs_from_best_to_worst() {
        assertThat(Verdict.REVIEW_EXIT_OPTIONS.worseThan(Verdict.RENEW)).isTrue();
        assertThat(Verdict.RENEW.worseThan(Verdict.RENEW_WITH_CONDITIONS)).isFalse();
    }
}

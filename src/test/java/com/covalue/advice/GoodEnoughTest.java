package com.covalue.advice;

import static com.covalue.TestSupport.CLOCK;
import static com.covalue.TestSupport.minimalJson;
import static com.covalue.TestSupport.realRules;
import static com.covalue.TestSupport.reader;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.model.Advice;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Cadence;
import com.covalue.model.Problem;
import com.covalue.model.SnapshotField;
import com.covalue.model.SnapshotFields;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.ruleset.RuleSetRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one table of "good enough" frequencies in rules/priority.yaml, read by the health score and by the rules alike. */
class GoodEnoughTest {

    private static final Advisor ADVISOR = new Advisor();

    private static Advice advise(RuleSet rules, SnapshotField field, Cadence value) {
        return ADVISOR.advise(rules, reader().read(with(minimalJson("good-enough"), field.path(), value.name()),
                rules.practices().ids()));
    }

    /** The factor's practices part, from this one known frequency. */
    private static Integer practicesScore(Advice advice, SnapshotField field) {
        return advice.health().factors().stream().filter(h -> h.factor() == field.factor()).findFirst()
                .map(FactorHealth::practices).orElseThrow();
    }

    private static boolean advisedOn(Advice advice, SnapshotField field) {
        return advice.recommendations().stream().anyMatch(r -> r.evidence().contains(field.path()));
    }

    @Test
    void every_frequency_the_table_sets_is_advised_on_exactly_where_health_marks_it_down() {
        RuleSet rules = realRules();
        Map<SnapshotField, Cadence> table = rules.priority().health().goodEnough();
        assertThat(table.keySet()).as("the table covers every frequency scored against it")
                .containsExactlyInAnyOrderElementsOf(SnapshotFields.all().stream().filter(SnapshotField::goodEnoughFromRules).toList());
        table.forEach((field, goodEnough) -> {
            Advice atTarget = advise(rules, field, goodEnough);
            assertThat(practicesScore(atTarget, field)).as(field.path() + " at " + goodEnough).isEqualTo(100);
            assertThat(advisedOn(atTarget, field)).as(field.path() + " at " + goodEnough + " is good enough").isFalse();

            Cadence justShort = Cadence.values()[goodEnough.ordinal() - 1];
            Advice below = advise(rules, field, justShort);
            assertThat(practicesScore(below, field)).as(field.path() + " at " + justShort).isLessThan(100);
            assertThat(advisedOn(below, field)).as(field.path() + " at " + justShort + " is below good enough").isTrue();
        });
    }

    @Test
    void moving_a_value_in_the_table_moves_health_and_advice_together(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Path priority = dir.resolve("priority.yaml");
        String yaml = Files.readString(priority);
        assertThat(yaml).contains("    delivery.progressReports: WEEKLY\n");
        Files.writeString(priority, yaml.replace("    delivery.progressReports: WEEKLY\n", "    delivery.progressReports: FORTNIGHTLY\n"));
        RuleSet fortnightly = new RuleSetCompiler(CLOCK).compile(dir);

        SnapshotField reports = SnapshotField.DELIVERY_PROGRESS_REPORTS;
        Advice before = advise(realRules(), reports, Cadence.FORTNIGHTLY);
        Advice after = advise(fortnightly, reports, Cadence.FORTNIGHTLY);
        assertThat(advisedOn(before, reports)).isTrue();
        assertThat(practicesScore(before, reports)).isLessThan(100);
        assertThat(advisedOn(after, reports)).isFalse();
        assertThat(practicesScore(after, reports)).isEqualTo(100);
    }

    @Test
    void a_table_naming_an_unknown_field_a_bad_value_or_missing_one_is_refused_at_its_line(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Path priority = dir.resolve("priority.yaml");
        String yaml = Files.readString(priority)
                .replace("    delivery.progressReports: WEEKLY\n", "    delivery.progressReport: WEEKLY\n")
                .replace("    innovation.forums: QUARTERLY\n", "    innovation.forums: OFTEN\n");
        Files.writeString(priority, yaml);
        List<String> lines = List.of(yaml.split("\n", -1));
        int misspelt = lines.indexOf("    delivery.progressReport: WEEKLY") + 1;
        int badValue = lines.indexOf("    innovation.forums: OFTEN") + 1;

        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(dir)).isInstanceOfSatisfying(RuleSetRejectedException.class,
                e -> assertThat(e.problems()).extracting(Problem::line, Problem::message).contains(
                        org.assertj.core.groups.Tuple.tuple(misspelt, "goodEnough: 'delivery.progressReport' is not one of the "
                                + "frequencies it sets: " + String.join(", ", SnapshotFields.all().stream()
                                        .filter(SnapshotField::goodEnoughFromRules).map(SnapshotField::path).toList())),
                        org.assertj.core.groups.Tuple.tuple(badValue, "goodEnough: innovation.forums must be one of ANNUAL, "
                                + "SEMIANNUAL, QUARTERLY, MONTHLY, FORTNIGHTLY, WEEKLY, not 'OFTEN'")));
        assertThatThrownBy(() -> new RuleSetCompiler(CLOCK).compile(dir)).isInstanceOfSatisfying(RuleSetRejectedException.class,
                e -> assertThat(e.problems()).extracting(Problem::message).contains(
                        "goodEnough: delivery.progressReports is missing; give the least frequent value that is good enough"));
    }

    private static void copyRules(Path dir) throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}

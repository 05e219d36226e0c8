package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.covalue.model.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Better never adds advice" for yes/no facts and counts: a condition testing the better side of
 * a fact, by the contract's own direction for it, is refused at its line; the worse side passes.
 * One small folder, one compile.
 */
class BetterSideOfFactsTest {

    @TempDir
    Path dir;

    /** Condition, and the start of the refusal (null when it must pass). */
    private static final Map<String, String> CONDITIONS = new java.util.LinkedHashMap<>();

    static {
        CONDITIONS.put("Governance( rolesDefined == true )", "'rolesDefined == true' adds advice when the answer is the better one");
        CONDITIONS.put("Openness( escalationsOpen < 2 )", "'escalationsOpen < 2' would add advice when escalationsOpen falls");
        CONDITIONS.put("Openness( escalationsOpen == 0 )", "'escalationsOpen == 0' would add advice when escalationsOpen falls");
        CONDITIONS.put("Governance( blueSkyWorkshopsPerYear >= 1 )", "'blueSkyWorkshopsPerYear >= 1' would add advice when blueSkyWorkshopsPerYear rises");
        CONDITIONS.put("Governance( blueSkyWorkshopsPerYear == 2 )", "'blueSkyWorkshopsPerYear == 2' would add advice when blueSkyWorkshopsPerYear rises");
        CONDITIONS.put("Governance( rolesDefined == false )", null);
        CONDITIONS.put("Openness( escalationsOpen > 2 )", null);
        CONDITIONS.put("Governance( blueSkyWorkshopsPerYear == 0 )", null);
        CONDITIONS.put("Governance( namedCounterparts < 0.5 )", null);
    }

    @Test
    void a_condition_on_the_better_side_of_a_yes_no_fact_or_a_count_is_refused_at_its_line() throws Exception {
        StringBuilder drl = new StringBuilder("""
                package covalue.rules;
                import com.covalue.model.*;
                import com.covalue.facts.*;
                global com.covalue.facts.AdviceCollector advice;
                """);
        Map<Integer, String> expected = new TreeMap<>();
        int n = 0;
        for (Map.Entry<String, String> c : CONDITIONS.entrySet()) {
            int line = drl.toString().split("\n", -1).length + 3; // the 'when' pattern, below rule, @source and when
            drl.append("rule \"Case ").append(++n).append("\"\n    @source(\"study 4.2.1\")\nwhen\n    ").append(c.getKey())
                    .append("\nthen\n    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n");
            if (c.getValue() != null) {
                expected.put(line, c.getValue());
            }
        }
        Path rules = DecisionTableTest.folder(dir, "cases.drl", drl.toString());
        List<Problem> problems = catchThrowableOfType(RuleSetRejectedException.class,
                () -> new RuleSetCompiler(CLOCK).compile(rules)).problems();

        assertThat(problems).extracting(Problem::line).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Problem p : problems) {
            assertThat(p.message()).as(p.describe()).contains(expected.get(p.line())).contains("promise 2 of rules/README.md");
        }
    }
}

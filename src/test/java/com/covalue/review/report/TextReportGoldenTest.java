package com.covalue.review.report;

import static com.covalue.TestSupport.SCENARIOS;
import static com.covalue.TestSupport.realRules;

import com.covalue.Golden;
import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The advice as text ({@code covalue advise --format text}) compared whole with its golden file
 * under {@code golden/advice/}, for scenarios with and without history and explanation.
 */
class TextReportGoldenTest {

    @ParameterizedTest(name = "{0}, explain {1}")
    @CsvSource({
            "healthy-partnership, false",
            "watermelon-slas, false",
            "watermelon-slas, true",
            "trend-early-warning, false",
            "trend-early-warning, true",
            "sparse-data, false",
            "past-strategic-use, false"})
    void advice_text_is_unchanged(String scenario, boolean explain) {
        Path folder = SCENARIOS.resolve(scenario);
        Snapshot snapshot = read(folder.resolve("snapshot.json"));
        Path previousFile = folder.resolve("previous.json");
        Snapshot previous = Files.exists(previousFile) ? read(previousFile) : null;
        Advice a = new Advisor().evaluate(realRules(), snapshot, new Advisor.Options(explain, previous)).advice();
        // the real revision is a hash of every file in rules/
        Advice fixed = new Advice(a.schemaVersion(), a.relationshipId(), a.assessedOn(),
                new Advice.RulesUsed("golden-revision", a.rules().count()), a.health(), a.focus(), a.alignment(), a.matching(),
                a.matched(), a.recommendations(), a.dataGaps(), a.renewal(), a.trend());
        Golden.assertMatches("advice/" + scenario + (explain ? "-explained" : "") + ".txt", TextReport.render(fixed));
    }

    private static Snapshot read(Path file) {
        return TestSupport.reader().read(TestSupport.read(file));
    }
}

package com.covalue.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiringRecordingTest {

    private static final String DRL = """
            package covalue.rules;
            import com.covalue.model.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "One"
            when
                Trust( clientScore <= 2 )
            then
                advice.recommend("TRU-01", 0.5, "then, in a reason");
            end
            rule "Two" when Governance( ) then advice.condition("GOV-01"); end
            """;

    @Test
    void theCallFollowsEachThenOnItsOwnLineAndNoLineMoves() {
        String text = FiringRecording.textToCompile(ParsedDrl.parse("a.drl", DRL));
        List<String> before = DRL.lines().toList();
        List<String> after = text.lines().toList();
        assertEquals("then" + FiringRecording.CALL, after.get(6).strip());
        assertTrue(after.get(9).contains("then" + FiringRecording.CALL + " advice.condition"), after.get(9));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), after.get(i).replace(FiringRecording.CALL, ""), "line " + (i + 1));
        }
        assertEquals(FiringRecording.DECLARATION.strip(), after.get(after.size() - 1));
    }

    @Test
    void aFileThatDoesNotParseIsLeftAlone() {
        String broken = "rule \"x\" when then";
        assertEquals(broken, FiringRecording.textToCompile(ParsedDrl.parse("b.drl", broken)));
    }
}

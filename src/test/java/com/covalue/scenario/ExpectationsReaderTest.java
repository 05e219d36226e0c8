package com.covalue.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.covalue.TestSupport;
import com.covalue.model.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Mistakes in a scenario's expect.yaml are reported like a rule file's: file, line, what is wrong, did you mean. */
class ExpectationsReaderTest {

    private static ExpectationsReader.Invalid invalid(String yaml) {
        try {
            ExpectationsReader.read(yaml, TestSupport.realRules().catalogue());
        } catch (ExpectationsReader.Invalid e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void every_shipped_expectation_reads_without_a_problem() throws Exception {
        try (Stream<Path> files = Files.walk(TestSupport.SCENARIOS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("expect.yaml")).toList()) {
                ExpectationsReader.read(Files.readString(file), TestSupport.realRules().catalogue());
            }
        }
    }

    @Test
    void a_valid_file_reads_into_expectations() throws Exception {
        Expectations e = ExpectationsReader.read("""
                recommends:
                  - id: OPENNESS-ESCALATION-PATH
                    atLeast: HIGH
                verdict: RENEW
                health:
                  overall: {min: 60}
                """, TestSupport.realRules().catalogue());
        assertThat(e.recommends()).singleElement().satisfies(r -> assertThat(r.atLeast()).isEqualTo(Level.HIGH));
        assertThat(e.verdict()).isEqualTo("RENEW");
    }

    @Test
    void a_misspelt_atLeast_level_is_named_as_a_level() {
        assertThat(invalid("""
                recommends:
                  - id: OPENNESS-ESCALATION-PATH
                    atLeast: HGIH
                """).problems).containsExactly("expect.yaml:3: 'HGIH' is not a level; did you mean 'HIGH'?");
    }

    @Test
    void each_mistake_is_named_at_its_line_with_did_you_mean() {
        ExpectationsReader.Invalid e = invalid("""
                description: a test
                recommend:
                  - id: OPENNESS-ESCALATION-PATH
                recommends:
                  - id: OPENNESS-ESCALATION-PAHT
                    atleast: HIGH
                  - id: GOVERNANCE-ROLES-AND-OWNERSHIP
                    level: HIHG
                verdict: RENEW_WITH_CONDITION
                health:
                  overall: {min: 160}
                  trsut: {max: 40}
                dataGaps: [governance.escalatonPath]
                """);
        assertThat(e.problems).containsExactlyInAnyOrder(
                "expect.yaml:2: 'recommend' is not a key of expect.yaml; did you mean 'recommends'?",
                "expect.yaml:5: 'OPENNESS-ESCALATION-PAHT' is not in catalogue.yaml; did you mean 'OPENNESS-ESCALATION-PATH'?",
                "expect.yaml:6: 'atleast' is not a key here; did you mean 'atLeast'?",
                "expect.yaml:8: 'HIHG' is not a level; did you mean 'HIGH'?",
                "expect.yaml:9: 'RENEW_WITH_CONDITION' is not a verdict; did you mean 'RENEW_WITH_CONDITIONS'?",
                "expect.yaml:11: overall's min is a whole number from 0 to 100, not '160'",
                "expect.yaml:12: 'trsut' is not a key here; did you mean 'trust'?",
                "expect.yaml:13: 'governance.escalatonPath' is not a data gap; did you mean 'governance.escalationPath'?");
    }

    @Test
    void a_yaml_syntax_error_is_one_line_not_a_parser_trace() {
        assertThatThrownBy(() -> ExpectationsReader.read("description: Agree: now\n", null))
                .isInstanceOfSatisfying(ExpectationsReader.Invalid.class, e -> assertThat(e.problems).containsExactly(
                        "expect.yaml:1: not valid YAML: mapping values are not allowed here; a text containing ': ' must be in quotes"));
    }
}

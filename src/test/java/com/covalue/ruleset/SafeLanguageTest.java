package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The safe rule language: the attacks a rule file could carry are refused when the folder loads,
 * at their file and line, before anything of theirs can run; what the shipped rules need still
 * loads.
 */
class SafeLanguageTest {

    private static final String HEADER = """
            package covalue.rules;
            import com.covalue.model.*;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            """;

    @TempDir
    Path dir;

    private Path folder(String drl) throws IOException {
        Files.copy(Path.of("rules", Catalogue.FILE), dir.resolve(Catalogue.FILE));
        Files.copy(Path.of("rules", PracticeList.FILE), dir.resolve(PracticeList.FILE));
        Files.copy(Path.of("rules", PriorityPolicy.FILE), dir.resolve(PriorityPolicy.FILE));
        Files.writeString(dir.resolve("a.drl"), drl);
        return dir;
    }

    private List<Problem> rejected(String drl) throws IOException {
        try {
            new RuleSetCompiler(CLOCK).compile(folder(drl));
        } catch (RuleSetRejectedException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set was accepted");
    }

    /** A rule whose condition is on line 8 and whose 'then' part starts on line 10. */
    private static String rule(String when, String then) {
        return HEADER + "rule \"Attack\"\n    @source(\"study 4.2.1\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static String governance() {
        return "Governance( escalationPath == false )";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "reads /etc/passwd into the reason | advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"))); | 'java.nio.file.Files.readString(...)' is not a call the rules may make",
            "reads /etc/passwd through a constructor | advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(\"/etc/passwd\")))); | 'new String(...)' makes an object, which rules may not do",
            "stops the service | System.exit(0); | 'System.exit(...)' is not a call the rules may make",
            "runs a program | Runtime.getRuntime().exec(\"touch /tmp/covalue-pwned\"); | 'Runtime.getRuntime(...)' is not a call the rules may make",
            "loads a class by name | Class.forName(\"java.lang.Runtime\"); | 'Class.forName(...)' is not a call the rules may make",
            "deletes a file | new java.io.File(\"/tmp/x\").delete(); | 'new java.io.File(...)' makes an object",
            "starts a thread | new Thread(() -> {}).start(); | 'new Thread(...)' makes an object",
            "sleeps | Thread.sleep(100000); | 'Thread.sleep(...)' is not a call the rules may make",
            "loops forever | while (true) { } | may not use 'while'; it only computes values and calls advice.recommend, advice.verdict or advice.condition (rules do not loop)",
            "loops with for | for (int i = 0; i < 10; i++) { } | may not use 'for'",
            "reaches the class loader | advice.getClass().getClassLoader(); | 'advice.getClass' is not a call of advice",
            "reflects on a fact | \"x\".getClass().getMethods(); | 'getClass' is not a field or method the rules may use",
            "inserts a fact | insert(new Object()); | 'insert(...)' is not a call the rules may make; a rule's 'then' part calls only advice.recommend",
            "halts the engine | drools.halt(); | 'drools' is the rule engine itself, which rules may not use",
            "modifies a fact | modify($g) { setEscalationPath(true) } | ('modify' is not part of the rule language: rules do not change the facts)",
            "catches errors | try { advice.condition(\"GOVERNANCE-ROLES-AND-OWNERSHIP\"); } catch (Throwable t) { } | may not use 'try'",
            "reads the environment | advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, System.getenv(\"HOME\")); | 'System.getenv(...)' is not a call the rules may make",
            "repeats text to exhaust memory | advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\".repeat(2000000000)); | 'repeat' is not a field or method the rules may use",
    })
    void an_attack_in_the_then_part_is_refused_at_its_line(String attack, String then, String message) throws IOException {
        List<Problem> problems = rejected(rule("$g : " + governance(), then));
        assertThat(problems).as(attack).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).startsWith("rule \"Attack\": ").contains(message);
        });
    }

    @Test
    void the_line_of_a_refusal_is_the_line_of_the_statement_not_of_then() throws IOException {
        List<Problem> problems = rejected(rule(governance(), "double s = 0.5;\n    String r = \"ok\";\n    System.exit(1);"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "an import outside the fact model | import java.io.File;| 2 | 'import java.io.File' is not allowed",
            "a function | function int twice(int x) { return 2 * x; }| 5 | 'function twice' is not allowed",
            "another global | global java.util.List sink;| 5 | 'global java.util.List sink' is not allowed",
            "a static import of a function | import function java.lang.System.exit;| 2 | 'import function java.lang.System.exit' is not allowed",
    })
    void a_header_outside_the_language_is_refused(String what, String declaration, int line, String message) throws IOException {
        String drl = declaration.startsWith("import")
                ? HEADER.replace("import com.covalue.model.*;\n", declaration + "\nimport com.covalue.model.*;\n")
                : HEADER + declaration + "\n";
        drl += "rule \"Fine\"\n    @source(\"study 4.2.1\")\nwhen\n    " + governance()
                + "\nthen\n    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n";
        List<Problem> problems = rejected(drl);
        assertThat(problems).as(what).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "eval | eval( true ) | 'eval(...)' is not allowed",
            "from over an object made on the spot | Governance( ) from new java.io.File(\"/etc/passwd\") | 'from new java.io.File(\"/etc/passwd\")' is not allowed",
            "a call in a condition | Governance( java.lang.System.exit(0) == 0 ) | 'java.lang.System.exit(...)' is not a call the rules may make",
            "a custom accumulate function | $n : Number( ) from accumulate( Perception( client <= 2 ), collectSet( 1 ) ) | the accumulate function 'collectSet' is not allowed",
            "a pattern on a class outside the model | java.io.File( ) | 'File' is not a fact type",
            "a regular expression | Recommended( id matches \"(a+)+$\" ) | the operator 'matches' is not part of the rule language",
    })
    void an_attack_in_the_conditions_is_refused_at_its_line(String attack, String when, String message) throws IOException {
        List<Problem> problems = rejected(rule(when, "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        assertThat(problems).as(attack).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void an_expression_salience_is_refused() throws IOException {
        String drl = HEADER + "rule \"Busy\"\n    @source(\"study 4.2.1\")\n"
                + "    salience( java.lang.Runtime.getRuntime().availableProcessors() )\nwhen\n    " + governance()
                + "\nthen\n    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n";
        assertThat(rejected(drl)).anySatisfy(p -> assertThat(p.message())
                .contains("the attribute 'salience' is not allowed (only 'salience' with a whole number)"));
    }

    @Test
    void what_the_shipped_rules_use_is_allowed() throws IOException {
        String drl = HEADER + """
                rule "Everything allowed"
                    @source("study 4.2.1")
                when
                    $g : Governance( escalationPath == false, $sponsors : executiveSponsors )
                    $o : Openness( $open : escalationsOpen > 0, $days : medianEscalationDays > 14 )
                    $p : Perception( factor == Factor.TRUST, $client : client <= 2 )
                    $n : Number( intValue >= 1 ) from accumulate( Perception( lower <= 2 ), count( 1 ) )
                    Innovation( $forums : forums in (Cadence.NONE, Cadence.AD_HOC) )
                then
                    boolean sponsored = Boolean.TRUE.equals($sponsors);
                    String label = $p.factor().key().toLowerCase().replace('_', ' ');
                    double severity = Math.min(1.0, 0.4 + 0.05 * $open);
                    if (java.util.Objects.isNull($days)) {
                        severity = 0.3;
                    } else {
                        severity = Math.max(severity, 0.5);
                    }
                    advice.recommend("OPENNESS-ESCALATION-PATH", severity,
                        String.format("%d open, %s", $open, label) + ($forums == Cadence.NONE ? " never" : "")
                        + (sponsored ? " sponsored" : "") + " " + Math.round($days) + " " + $n.intValue() + " " + $client);
                end
                """;
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(folder(drl));
        assertThat(rules.rules()).containsKey("Everything allowed");
    }

    @Test
    void a_misspelt_field_is_one_problem_with_did_you_mean_and_no_engine_jargon() throws IOException {
        List<Problem> problems = rejected(rule("Governance( escalatonPath == false )",
                "advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).isEqualTo("rule \"Attack\": 'escalatonPath' is not a fact of Governance; did you mean"
                    + " 'escalationPath'?; the names are case-sensitive (see the fact list in rules/README.md)");
        });
    }
}

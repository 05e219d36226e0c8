package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mistakes a governance lead makes, each reported as the one mistake it is: typed names that
 * would never match, comparisons that break "better never looks worse", and syntax errors with
 * the character shown.
 */
class RuleMistakesTest {

    private static final String HEADER = """
            package covalue.rules;
            import com.covalue.model.*;
            import com.covalue.facts.*;
            global com.covalue.facts.AdviceCollector advice;
            """;

    @TempDir
    Path dir;

    private Path copyOfRules() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }

    private static List<Problem> rejected(Path folder) {
        try {
            new RuleSetCompiler(CLOCK).compile(folder);
        } catch (RuleSetRejectedException e) {
            return e.problems();
        }
        throw new AssertionError("the rule set was accepted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a practice id that does not exist | PracticeAnswers( practice == \"OPE-2\", missing == true ) | practice \"OPE-2\" is not in practices.yaml; did you mean \"OPE-02\"?",
            "a recommendation id that does not exist | Recommended( id == \"GOVERNANCE-INTERVENE-OR-EXT\" ) | recommendation \"GOVERNANCE-INTERVENE-OR-EXT\" is not in catalogue.yaml; did you mean \"GOVERNANCE-INTERVENE-OR-EXIT\"?",
            "a level written as text | Recommended( level == \"HIGH\" ) | 'level == \"HIGH\"' compares the level with text, which a misspelling turns into a condition that never matches; write the value itself, e.g. 'level == Level.HIGH'",
            "a factor written as text and misspelt | Perception( factor == \"goverance\", client <= 2 ) | e.g. 'factor == Factor.GOVERNANCE'",
            "a better supplier rating adding advice | Perception( factor == Factor.TRUST, supplier >= 4 ) | 'supplier >= 4' would add advice for a better rating; ratings are tested on the low side only",
            "a better client rating adding advice | Perception( factor == Factor.TRUST, client > 3 ) | 'client > 3' would add advice for a better rating",
            "the gap between the sides | Perception( factor == Factor.TRUST, gap >= 2 ) | 'gap' may not be tested",
            "one better frequency alone | Innovation( forums == Cadence.AD_HOC ) | 'forums == Cadence.AD_HOC' tests a better Cadence without the worse ones, so improving to it would add advice; list every worse value too, e.g. 'forums in (Cadence.NONE, Cadence.AD_HOC)'",
            "a list of frequencies leaving out a rarer one | Innovation( forums in (Cadence.AD_HOC, Cadence.ANNUAL) ) | 'forums in (Cadence.AD_HOC, Cadence.ANNUAL)' leaves out the worse NONE",
            "a field with a typo | Governance( escalatonPath == false ) | 'escalatonPath' is not a fact of Governance; did you mean 'escalationPath'?",
    })
    void a_mistake_in_a_condition_is_one_problem_at_its_line(String what, String when, String message) throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("zz.drl"), HEADER + "rule \"Mistake\"\n    @source(\"study 4.2.1\")\nwhen\n    " + when
                + "\nthen\n    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n");
        assertThat(rejected(rules)).as(what).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("zz.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).startsWith("rule \"Mistake\": ").contains(message);
        });
    }

    @Test
    void a_colon_in_a_catalogue_title_is_one_yaml_error_not_a_false_error_at_every_rule() throws IOException {
        Path rules = copyOfRules();
        String catalogue = Files.readString(rules.resolve(Catalogue.FILE));
        Files.writeString(rules.resolve(Catalogue.FILE),
                catalogue.replaceFirst("\n  title: ", "\n  title: Agree: "));
        List<Problem> problems = rejected(rules);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Catalogue.FILE);
            assertThat(p.message()).isEqualTo("not valid YAML at column 15: mapping values are not allowed here, at ':';"
                    + " a text containing ': ' must be in quotes, e.g. title: \"Agree: ...\"");
        });
    }

    @Test
    void a_broken_practice_list_is_one_error_too() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve(PracticeList.FILE), Files.readString(rules.resolve(PracticeList.FILE)) + "\n  - [unclosed\n");
        assertThat(rejected(rules)).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(PracticeList.FILE));
    }

    @Test
    void curly_quotes_pasted_into_a_rule_are_named_with_their_column_counted_from_one() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("zz.drl"), HEADER + "rule \"Curly\"\n    @source(\"study 4.2.1\")\nwhen\n"
                + "    Governance( rolesDefined == false )\nthen\n"
                + "    advice.recommend(\u201cGOVERNANCE-ROLES-AND-OWNERSHIP\u201d, 0.5, \"it\u2019s fine inside text\");\nend\n");
        assertThat(rejected(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("zz.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).isEqualTo("syntax error at column 22: \u201c (U+201C, a curly quote from a word processor:"
                    + " type a straight \" instead)");
        });
    }

    @Test
    void a_syntax_error_counts_columns_from_one_and_shows_the_character() throws IOException {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("zz.drl"), HEADER + "rule \"Broken\"\n    @source(\"study 4.2.1\")\nwhen\n"
                + "    Governance( rolesDefined == false ) )\nthen\n"
                + "    advice.recommend(\"GOVERNANCE-ROLES-AND-OWNERSHIP\", 0.5, \"x\");\nend\n");
        assertThat(rejected(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("zz.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).startsWith("syntax error at column 41, at ')': ");
        });
    }
}

package com.covalue.ruleset;

import static com.covalue.TestSupport.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision tables go through the same checks and compile as rule files, and everything said about
 * them names the table's file and row (and column where it can tell), never a line of generated DRL.
 * Each test compiles a small folder (the YAML files and one table), so it stays quick.
 */
public class DecisionTableTest {

    /** The table's settings and column heads, as in rules/governance.csv: rows 1 to 8. */
    public static final String HEAD = """
            RuleSet,covalue.rules
            Import,"com.covalue.model.*, com.covalue.facts.*"
            Variables,com.covalue.facts.AdviceCollector advice
            RuleTable Test governance
            NAME,METADATA,CONDITION,CONDITION,ACTION,ACTION,ACTION
            ,,Governance,Governance,,,
            ,"source(""$param"")","forall(, ){$ == false}",$param,double severity = $param;,"String reason = ""$param"";","advice.recommend(""$param"", severity, reason);"
            Rule,Source,Practices missing,Other condition,Severity,Reason,Recommendation
            """;

    /** Row 9: true for the example snapshot (ownership is not clear there). */
    public static final String OWNERSHIP_ROW =
            "Nobody clearly owns the outcomes,study 4.2.1,ownershipClear,,0.8,ownership is not explicit,GOVERNANCE-ROLES-AND-OWNERSHIP\n";

    @TempDir
    Path dir;

    /** A rules folder with the shipped YAML files and the given files. */
    public static Path folder(Path dir, String name, String table) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (String yaml : List.of(Catalogue.FILE, PriorityPolicy.FILE, PracticeList.FILE)) {
            Files.copy(TestSupport.RULES.resolve(yaml), rules.resolve(yaml));
        }
        Files.writeString(rules.resolve(name), table);
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

    @Test
    void a_table_row_becomes_a_rule_at_its_row_and_explain_names_the_file_and_row() throws IOException {
        RuleSet rules = new RuleSetCompiler(CLOCK).compile(folder(dir, "test.csv", HEAD + OWNERSHIP_ROW));

        RuleInfo rule = rules.rules().get("Nobody clearly owns the outcomes");
        assertThat(rule.file()).isEqualTo("test.csv");
        assertThat(rule.line()).as("the spreadsheet row, not the generated DRL's line").isEqualTo(9);
        assertThat(rule.location()).isEqualTo("test.csv row 9");
        assertThat(rule.source()).isEqualTo("study 4.2.1");
        assertThat(rule.recommends()).containsExactly("GOVERNANCE-ROLES-AND-OWNERSHIP");
        assertThat(rule.asks()).contains("governance.ownershipClear");

        Advice advice = new Advisor().evaluate(rules, TestSupport.snapshot(TestSupport.exampleJson()), new Advisor.Options(true)).advice();
        var recommendation = advice.recommendations().stream()
                .filter(r -> r.id().equals("GOVERNANCE-ROLES-AND-OWNERSHIP")).findFirst().orElseThrow();
        assertThat(recommendation.because()).containsExactly("ownership is not explicit");
        assertThat(recommendation.rules()).containsExactly("Nobody clearly owns the outcomes");
        assertThat(recommendation.explain()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("Nobody clearly owns the outcomes");
            assertThat(e.file()).isEqualTo("test.csv row 9");
        });
    }

    @Test
    void a_misspelt_field_in_a_cell_is_refused_at_its_file_row_and_column_with_a_suggestion() throws IOException {
        String typo = "Nobody clearly owns the outcomes,study 4.2.1,ownershipClaer,,0.8,ownership is not explicit,GOVERNANCE-ROLES-AND-OWNERSHIP\n";
        List<Problem> problems = rejected(folder(dir, "test.csv", HEAD + OWNERSHIP_ROW.replace("Nobody", "Still nobody") + typo));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test.csv");
            assertThat(p.line()).as("row").isEqualTo(10);
            assertThat(p.message()).startsWith("column C (Practices missing): ").contains("ownershipClaer").contains("ownershipClear");
            assertThat(p.describe()).startsWith("test.csv row 10: column C");
        });
    }

    @Test
    void a_misspelt_recommendation_is_refused_at_its_row_and_column() throws IOException {
        List<Problem> problems = rejected(folder(dir, "test.csv", HEAD
                + OWNERSHIP_ROW.replace("GOVERNANCE-ROLES-AND-OWNERSHIP", "GOVERNANCE-ROLES-AND-OWNERSHP")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.describe()).startsWith("test.csv row 9: column G (Recommendation): ")
                    .contains("did you mean \"GOVERNANCE-ROLES-AND-OWNERSHIP\"");
        });
    }

    @Test
    void a_cell_calling_java_outside_the_allow_list_is_refused_at_its_row() throws IOException {
        String hostileCondition = "Counts processors,study 4.2.1,,blueSkyWorkshopsPerYear == Runtime.getRuntime().availableProcessors(),0.5,x,GOVERNANCE-ROLES-AND-OWNERSHIP\n";
        String hostileSeverity = "Stops the service,study 4.2.1,rolesDefined,,0.5 + System.exit(0),x,GOVERNANCE-ROLES-AND-OWNERSHIP\n";
        List<Problem> problems = rejected(folder(dir, "test.csv", HEAD + OWNERSHIP_ROW + hostileCondition + hostileSeverity));

        assertThat(problems).extracting(Problem::file).containsOnly("test.csv");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("column D (Other condition)").contains("Runtime");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("column E (Severity)").contains("System");
        });
        assertThat(problems).extracting(Problem::line).doesNotContain(9).allMatch(row -> row == 10 || row == 11);
    }

    @Test
    void a_table_drools_cannot_read_is_refused_at_the_cell_it_names() throws IOException {
        String noActionHeader = HEAD.replace("NAME,METADATA,CONDITION,CONDITION,ACTION,ACTION,ACTION",
                "NAME,METADATA,CONDITION,CONDITION,ACTION,ACTION,") + OWNERSHIP_ROW;
        List<Problem> problems = rejected(folder(dir, "test.csv", noActionHeader));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("test.csv");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("the table cannot be read: ");
        });
        assertThat(rejected(folder(dir.resolve("empty"), "test.csv", "just,some,cells\n")))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("no RuleTable found"));
    }

    @Test
    void an_xlsx_table_is_read_like_a_csv_one_with_its_rows_and_columns() throws IOException {
        Path rules = folder(dir, "test.csv", HEAD + OWNERSHIP_ROW);
        Files.delete(rules.resolve("test.csv"));
        writeXlsx(rules.resolve("test.xlsx"), HEAD + OWNERSHIP_ROW);

        RuleSet ruleSet = new RuleSetCompiler(CLOCK).compile(rules);
        assertThat(ruleSet.rules().get("Nobody clearly owns the outcomes").location()).isEqualTo("test.xlsx row 9");
        assertThat(ruleSet.files()).contains("test.xlsx");

        writeXlsx(rules.resolve("test.xlsx"), HEAD + OWNERSHIP_ROW.replace("ownershipClear", "ownershipClaer"));
        assertThat(rejected(rules)).singleElement().satisfies(p ->
                assertThat(p.describe()).startsWith("test.xlsx row 9: column C (Practices missing): "));
    }

    @Test
    void the_shipped_governance_table_keeps_its_rules_at_their_rows() {
        RuleSet rules = TestSupport.realRules();
        assertThat(rules.files()).contains("governance.csv", "governance.drl");
        RuleInfo first = rules.rules().get("Success has not been defined on both sides");
        assertThat(first.location()).isEqualTo("governance.csv row 11");
        assertThat(rules.rules().get("Responsibilities are not split by level").location()).isEqualTo("governance.csv row 22");
    }

    /** The CSV text as a workbook of one sheet, cell by cell (the same parser Drools uses splits the lines). */
    public static void writeXlsx(Path file, String csv) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Rules");
            String[] lines = csv.split("\n");
            for (int r = 0; r < lines.length; r++) {
                Row row = sheet.createRow(r);
                List<String> cells = new org.drools.decisiontable.parser.csv.CsvLineParser().parse(lines[r]);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            book.write(out);
        }
    }
}

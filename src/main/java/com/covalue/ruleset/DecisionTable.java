package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DataListener;

/**
 * A Drools decision table ({@code .csv} or {@code .xlsx}) turned into DRL, with the way back:
 * which spreadsheet row (and, where it can tell, which column) each line of the generated DRL
 * came from. The generated DRL then goes through exactly the checks and the compile a rule file
 * does, and every problem found in it is moved back to the table's row by {@link #locate}.
 *
 * @param file  the table's name in the rules folder
 * @param drl   the generated rule text; empty when the table could not be read
 * @param rows  for each line of {@code drl} (index 0 is line 1), the spreadsheet row it came from, 0 for the header
 * @param cells every non-blank cell of the sheet, by row then column (both from 1)
 */
public record DecisionTable(String file, String drl, int[] rows, Map<Integer, Map<Integer, String>> cells) {

    /** File name endings of decision tables. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".xlsx");

    private static final Pattern RULE_LINE = Pattern.compile("^rule\\s+(\".*\")\\s*$");
    /** Drools names a cell like "C12" in its messages about a table's layout. */
    private static final Pattern CELL_NAME = Pattern.compile("\\b([A-Z]{1,2})(\\d+)\\b");

    /** Whether a file of the rules folder is a decision table. */
    public static boolean isTable(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * Reads a table and generates its DRL; a table Drools cannot read (no RuleTable, a column
     * without CONDITION or ACTION, an unreadable workbook) is a problem at the cell it names.
     */
    static DecisionTable convert(String file, byte[] content, List<Problem> problems) {
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener(true, true);
        CellRecorder recorder = new CellRecorder();
        List<DataListener> listeners = List.of(rules, recorder);
        try {
            if (file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                new CsvParser(listeners, new CsvLineParser()).parseFile(new ByteArrayInputStream(content));
            } else {
                new ExcelParser(listeners).parseFile(new ByteArrayInputStream(content));
            }
            Package pkg = rules.getRuleSet();
            DRLOutput out = new DRLOutput();
            pkg.renderDRL(out);
            String drl = out.getDRL();
            return new DecisionTable(file, drl, rowsOfLines(drl, pkg), recorder.cells);
        } catch (RuntimeException e) { // DecisionTableParseException, and POI's errors on a damaged workbook
            problems.add(layoutProblem(file, e));
            return new DecisionTable(file, "", new int[0], recorder.cells);
        }
    }

    /** The problem the generated DRL had at {@code line}, moved to the table's row and column. */
    Problem locate(Problem problem) {
        Integer line = problem.line();
        int row = line == null || line <= 0 || line > rows.length ? 0 : rows[line - 1];
        String message = problem.message().replaceFirst("^syntax error at column \\d+", "syntax error");
        if (row == 0) {
            return Problem.atLine(file, 0, "in the table's settings above its RuleTable: " + message);
        }
        String column = line == null ? null : columnOf(row, drl.split("\n", -1)[line - 1]);
        return Problem.atLine(file, row, (column == null ? "" : column + ": ") + message);
    }

    /** The row a rule of this table was generated from (its rule line in the generated DRL). */
    int rowOf(int generatedLine) {
        return generatedLine <= 0 || generatedLine > rows.length ? 0 : rows[generatedLine - 1];
    }

    /**
     * The column of {@code row} whose cell is written in the generated line, as "column D
     * (Severity)"; null when no cell, or more than one equally good, is found there. The longest
     * matching cell wins, so a reason that happens to contain a field name still names the reason.
     */
    private String columnOf(int row, String generatedLine) {
        Map<Integer, String> rowCells = cells.getOrDefault(row, Map.of());
        int best = -1;
        int bestLength = 0;
        boolean tie = false;
        for (Map.Entry<Integer, String> cell : rowCells.entrySet()) {
            String value = cell.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            boolean written = generatedLine.contains(value) || generatedLine.contains(value.replace("\"", "\\\""));
            if (written && value.length() > bestLength) {
                best = cell.getKey();
                bestLength = value.length();
                tie = false;
            } else if (written && value.length() == bestLength) {
                tie = true;
            }
        }
        if (best < 0 || tie) {
            return null;
        }
        String label = label(row, best);
        return "column " + letters(best) + (label == null ? "" : " (" + label + ")");
    }

    /** The label a person gave the column: the nearest cell above the data rows, in the row just before them. */
    private String label(int row, int column) {
        int first = row;
        while (first > 1 && rowIsData(first - 1)) {
            first--;
        }
        return cells.getOrDefault(first - 1, Map.of()).get(column);
    }

    private boolean rowIsData(int row) {
        for (int r : rows) {
            if (r == row) {
                return true;
            }
        }
        return false;
    }

    /** Column 1 is A, 27 is AA, as spreadsheet programs show them. */
    static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    /** For each generated line, the row of the rule it belongs to (the comment line before a rule included). */
    private static int[] rowsOfLines(String drl, Package pkg) {
        Map<String, Integer> rowByName = new HashMap<>();
        for (Rule rule : pkg.getRules()) {
            rowByName.put(rule.getName(), rule.getSpreadsheetRowNumber());
        }
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length];
        int current = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i].strip());
            if (m.matches()) {
                current = rowByName.getOrDefault(m.group(1), 0);
                if (i > 0 && lines[i - 1].startsWith("//")) {
                    rows[i - 1] = current;
                }
            }
            rows[i] = current;
            if (lines[i].strip().equals("end")) {
                current = 0;
            }
        }
        return rows;
    }

    /** Drools' message about the table's layout, at the row of the cell it names when it names one. */
    private static Problem layoutProblem(String file, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.contains("No RuleTable")) {
            return Problem.atLine(file, 0, "no RuleTable found: a decision table needs a cell reading 'RuleTable' and a name"
                    + " above its CONDITION and ACTION columns (see rules/README.md)");
        }
        Matcher cell = CELL_NAME.matcher(message);
        int row = cell.find() ? Integer.parseInt(cell.group(2)) : 0;
        return Problem.atLine(file, row, "the table cannot be read: " + message);
    }

    /** Keeps every non-blank cell, numbered from 1 like the rows and columns a spreadsheet shows. */
    private static final class CellRecorder implements DataListener {
        final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column + 1, value);
            }
        }
    }

    // arrays compare by identity in a record; a table is equal to another read from the same bytes only by its text
    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionTable t && t.file.equals(file) && t.drl.equals(drl);
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + drl.hashCode();
    }

    @Override
    public String toString() {
        return "DecisionTable[" + file + ", " + rows.length + " lines]";
    }

    /** Lines of the generated DRL that belong to no row (for tests). */
    List<Integer> headerLines() {
        List<Integer> header = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0) {
                header.add(i + 1);
            }
        }
        return header;
    }
}

package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The step before the common compile path: a rules folder's decision tables turned into DRL,
 * given under the table's own file name beside the rule files, so that every check, the compile
 * and the caches treat them as one more rule file. Whatever the compile path does to DRL applies
 * to a table's rules too. Afterwards, problems and rules found in a table's DRL are moved back to
 * the table's rows ({@link #locate}, {@link #located}).
 *
 * <p>Remembers each table's conversion by its bytes, so a reload converts only tables that changed.
 */
final class DecisionTables {

    private record Conversion(byte[] bytes, DecisionTable table, List<Problem> problems) {
    }

    private volatile Map<String, Conversion> remembered = Map.of();
    /** The tables of the last {@link #ruleTexts} call, by file name. */
    private volatile Map<String, DecisionTable> current = Map.of();

    /**
     * The DRL of every rule file and decision table of the folder, by file name in name order (the
     * order one build adds them in); a table that cannot be read adds its problem and no text.
     */
    Map<String, String> ruleTexts(RuleSetCompiler.RuleFolder files, List<Problem> problems) {
        Map<String, String> texts = new TreeMap<>(files.drlFiles());
        Map<String, Conversion> before = remembered;
        Map<String, Conversion> now = new HashMap<>();
        Map<String, DecisionTable> tables = new HashMap<>();
        files.tables().forEach((file, bytes) -> {
            if (bytes.length == 0) {
                return; // the folder reader reported it
            }
            Conversion last = before.get(file);
            Conversion conversion = last != null && Arrays.equals(last.bytes(), bytes) ? last : convert(file, bytes);
            now.put(file, conversion);
            problems.addAll(conversion.problems());
            if (!conversion.table().drl().isEmpty()) {
                texts.put(file, conversion.table().drl());
                tables.put(file, conversion.table());
            }
        });
        remembered = Map.copyOf(now);
        current = Map.copyOf(tables);
        return texts;
    }

    private static Conversion convert(String file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        DecisionTable table = DecisionTable.convert(file, bytes, problems);
        return new Conversion(bytes, table, List.copyOf(problems));
    }

    /** The problems, those in a table's generated DRL moved to the table's row and column. */
    List<Problem> locate(List<Problem> problems) {
        Map<String, DecisionTable> tables = current;
        List<Problem> located = problems.stream().map(p -> {
            DecisionTable table = p.file() == null ? null : tables.get(p.file());
            return table == null ? p : table.locate(p);
        }).distinct().toList();
        // After a syntax error in a row the parser also stumbles at the end of the generated text,
        // which belongs to no row: that echo would only point away from the row.
        return located.stream().filter(p -> !(tables.containsKey(p.file()) && p.line() != null && p.line() == 0
                && p.message().contains("syntax error") && located.stream().anyMatch(other -> other.file().equals(p.file())
                        && other.line() != null && other.line() > 0 && other.message().contains("syntax error")))).toList();
    }

    /** The rule, with a table rule's line replaced by the table row it was written on. */
    RuleInfo located(RuleInfo rule) {
        DecisionTable table = current.get(rule.file());
        return table == null ? rule
                : new RuleInfo(rule.name(), rule.file(), table.rowOf(rule.line()), rule.source(), rule.asks(), rule.recommends());
    }
}

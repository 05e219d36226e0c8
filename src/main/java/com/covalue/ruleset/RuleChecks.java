package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@link RuleTextChecker} checks (safe language, typed names, the lint, sources,
 * catalogue ids) file by file, and remembers each file's findings: a reload re-checks only the
 * files whose text changed, or all of them when the names they are checked against (the ids in
 * catalogue.yaml and practices.yaml) changed. A remembered file's problems are reported again
 * as long as it is unchanged.
 */
final class RuleChecks {

    /** One file's findings, for the text and names they were found with. */
    private record Checked(String text, KnownNames names, List<Problem> problems, List<RuleInfo> rules) {
    }

    private volatile Map<String, Checked> remembered = Map.of();
    private volatile int filesCheckedLastTime;

    /** The rules of every file, in file order; each file's problems are added to {@code problems}. */
    List<RuleInfo> check(List<ParsedDrl> drls, Catalogue catalogue, KnownNames names, List<Problem> problems) {
        Map<String, Checked> before = remembered;
        Map<String, Checked> now = new LinkedHashMap<>();
        int checked = 0;
        List<RuleInfo> rules = new ArrayList<>();
        for (ParsedDrl drl : drls) {
            Checked last = before.get(drl.file());
            if (last == null || !last.text().equals(drl.text()) || !last.names().equals(names)) {
                List<Problem> found = new ArrayList<>();
                List<RuleInfo> fileRules = new RuleTextChecker(catalogue, names, found).check(drl);
                last = new Checked(drl.text(), names, List.copyOf(found), List.copyOf(fileRules));
                checked++;
            }
            now.put(drl.file(), last);
            problems.addAll(last.problems());
            rules.addAll(last.rules());
        }
        remembered = Map.copyOf(now);
        filesCheckedLastTime = checked;
        return rules;
    }

    /** How many files the last {@link #check} ran the checks on (the others were unchanged). */
    int filesCheckedLastTime() {
        return filesCheckedLastTime;
    }
}

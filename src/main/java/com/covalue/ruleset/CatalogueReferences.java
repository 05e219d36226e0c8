package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The catalogue ids a rule's consequence recommends or makes a condition of renewal; each must be
 * written in quotes and be in the catalogue, or it is a problem at its line.
 */
final class CatalogueReferences {

    private static final Pattern RECOMMEND = Pattern.compile("advice\\s*\\.\\s*(recommend|condition)\\s*\\(\\s*(\"([^\"]*)\")?");

    private final Catalogue catalogue;

    /** @param catalogue null when catalogue.yaml could not be read: the ids are then collected but not checked */
    CatalogueReferences(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The ids the rule recommends, in order of appearance; problems go to {@code problems}. */
    Set<String> of(ParsedDrl drl, RuleDescr rule, List<Problem> problems) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = RECOMMEND.matcher(String.valueOf(rule.getConsequence()));
        while (m.find()) {
            String id = m.group(3);
            int line = lineOf(drl.lines(), m.group(2) == null ? "advice" : m.group(2), rule.getConsequenceLine());
            if (id == null) {
                if (m.group(1).equals("recommend")) {
                    problems.add(Problem.atLine(drl.file(), line, "rule \"" + rule.getName()
                            + "\": advice.recommend needs the catalogue id in quotes as its first value, e.g. advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.7, \"...\")"));
                }
                continue;
            }
            if (catalogue != null && !catalogue.contains(id)) {
                problems.add(Problem.atLine(drl.file(), line, "rule \"" + rule.getName() + "\" refers to recommendation \"" + id
                        + "\", which is not in " + Catalogue.FILE + suggestion(id)));
            }
            ids.add(id);
        }
        return ids;
    }

    private String suggestion(String id) {
        return catalogue.entries().keySet().stream()
                .filter(known -> known.startsWith(id.split("-")[0]) && similar(known, id))
                .findFirst()
                .map(known -> "; did you mean \"" + known + "\"?")
                .orElse("");
    }

    private static boolean similar(String a, String b) {
        int common = 0;
        for (String part : b.split("-")) {
            if (Arrays.asList(a.split("-")).contains(part)) {
                common++;
            }
        }
        return common >= Math.max(2, b.split("-").length - 1);
    }

    /** The 1-based line of the first {@code needle} at or after line {@code from}. */
    private static int lineOf(List<String> lines, String needle, int from) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return from;
    }
}

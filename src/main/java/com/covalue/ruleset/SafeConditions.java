package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * What a rule's conditions may not say, each refused at its line: a comparison that also matches
 * an unknown fact (promise 1 of the rules guide), 'not', 'exists' or 'forall' around a snapshot
 * fact. (Names written as text, such as {@code factor == "trust"}, are refused by
 * {@link ConditionCheck}.)
 */
final class SafeConditions {

    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    /**
     * Comparisons that are true for an unknown (null) fact: != a constant, == null, not in (...).
     * A fact's {@code factor} and a change's {@code field} are never unknown, so they may be compared.
     */
    private static final Pattern MATCHES_UNKNOWN = Pattern.compile(
            "(?<![\\w.])(?!(?:factor|field)\\s*!=)[\\w.]+\\s*(!=\\s*(true|false|[A-Z]\\w*\\.[A-Z_]+|\\d[\\d.]*)|[!=]=\\s*null|not\\s+in\\b)|!\\s*\\(");

    private SafeConditions() {
    }

    static void check(String file, RuleDescr rule, List<Problem> problems) {
        for (PatternDescr pattern : Patterns.of(rule)) {
            String text = Patterns.constraintText(pattern);
            if (Patterns.isSnapshotFact(pattern)) {
                checkUnknownIsNotAbsent(file, rule, pattern, text, problems);
            }
        }
        checkNoNegatedSnapshotFacts(file, rule, rule.getLhs(), false, problems);
    }

    /**
     * Refuses conditions that would match an unknown (null) fact, such as {@code x != true}: the
     * contract promises that missing data never looks like a missing practice.
     */
    private static void checkUnknownIsNotAbsent(String file, RuleDescr rule, PatternDescr pattern, String text,
            List<Problem> problems) {
        Matcher m = MATCHES_UNKNOWN.matcher(STRING.matcher(text).replaceAll("\"\""));
        if (m.find()) {
            problems.add(Problem.atLine(file, Patterns.lineOf(pattern, rule), "rule \"" + rule.getName()
                    + "\": '" + m.group().strip() + "' also matches a fact the snapshot left unknown; test the bad value itself"
                    + " (for example '== false') so that missing data never looks like a missing practice"));
        }
    }

    /**
     * Refuses {@code not}, {@code exists} and {@code forall} around snapshot facts: "there is no
     * Governance with escalationPath == true" is also true when nobody answered.
     */
    private static void checkNoNegatedSnapshotFacts(String file, RuleDescr rule, BaseDescr descr, boolean negated,
            List<Problem> problems) {
        if (negated && descr instanceof PatternDescr pattern && Patterns.isSnapshotFact(pattern)) {
            problems.add(Problem.atLine(file, Patterns.lineOf(pattern, rule), "rule \"" + rule.getName()
                    + "\": 'not', 'exists' or 'forall' around " + Patterns.simpleName(pattern) + "(...) also matches facts the snapshot left"
                    + " unknown; test the bad value itself (for example '== false')"));
            return;
        }
        if (descr instanceof ConditionalElementDescr ce) {
            boolean negates = descr instanceof NotDescr || descr instanceof ExistsDescr || descr instanceof ForallDescr;
            for (BaseDescr child : ce.getDescrs()) {
                checkNoNegatedSnapshotFacts(file, rule, child, negated || negates, problems);
            }
        }
    }
}

package com.covalue.ruleset;

import com.covalue.facts.FiringLog;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Adds to every rule's consequence a call that records the rule as fired (see {@link FiringLog}),
 * to the DRL text that is about to be compiled, after every check has read the author's text.
 *
 * <p>The call goes right after {@code then}, on the same line, and the global it uses is declared
 * on a line added after the last one: every line keeps its number, so Drools' messages still
 * point at the author's lines. Rule text produced from any other source (a decision table
 * converted to DRL) passes through here too, as everything compiled does.
 */
final class FiringRecording {

    static final String CALL = " " + FiringLog.GLOBAL + ".fired(drools.getRule().getName(), drools.getMatch().getObjects());";
    static final String DECLARATION = "\nglobal " + FiringLog.class.getName() + " " + FiringLog.GLOBAL + ";\n";

    private FiringRecording() {
    }

    /** The text to compile for a parsed rule file; a file that did not parse is left as it is. */
    static String textToCompile(ParsedDrl drl) {
        if (drl.descr() == null || drl.descr().getRules().isEmpty()) {
            return drl.text();
        }
        StringBuilder out = new StringBuilder(drl.text().length() + drl.descr().getRules().size() * CALL.length() + 80);
        int copied = 0;
        for (RuleDescr rule : drl.descr().getRules().stream().filter(r -> !r.isQuery())
                .sorted(java.util.Comparator.comparingInt(RuleDescr::getStartCharacter)).toList()) {
            int at = afterThen(drl, rule);
            out.append(drl.text(), copied, at).append(CALL);
            copied = at;
        }
        out.append(drl.text(), copied, drl.text().length()).append(DECLARATION);
        return out.toString();
    }

    /**
     * The character offset just after the {@code then} keyword of a rule: Drools' parser gives its
     * line (1-based) and column (0-based).
     */
    private static int afterThen(ParsedDrl drl, RuleDescr rule) {
        int line = rule.getConsequenceLine();
        int lineStart = 0;
        for (int i = 1; i < line && lineStart >= 0; i++) {
            lineStart = drl.text().indexOf('\n', lineStart) + 1;
        }
        int at = lineStart + rule.getConsequencePattern();
        if (line < 1 || lineStart <= 0 && line > 1 || !drl.text().startsWith("then", at)) {
            throw new IllegalStateException(drl.file() + ": cannot find the 'then' of rule " + rule.getName()
                    + " at line " + line + ", column " + (rule.getConsequencePattern() + 1));
        }
        return at + "then".length();
    }
}

package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.List;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Every rule cites where its practice comes from, {@code @source("study 4.2.4")} after its name,
 * and the source is one of {@link Sources#KNOWN}.
 */
final class SourceCitation {

    private SourceCitation() {
    }

    /** The rule's cited source; null, with a problem at the rule's line, when it cites none or an unknown one. */
    static String of(String file, RuleDescr rule, List<Problem> problems) {
        String source = sourceOf(rule);
        if (source == null) {
            problems.add(Problem.atLine(file, rule.getLine(), "rule \"" + rule.getName()
                    + "\" must cite where it comes from, e.g. @source(\"study 4.2.4\") after its name"));
            return null;
        }
        String unknown = Sources.problemWith(source);
        if (unknown != null) {
            problems.add(Problem.atLine(file, rule.getLine(), "rule \"" + rule.getName() + "\" cites " + unknown));
            return null;
        }
        return source;
    }

    private static String sourceOf(RuleDescr rule) {
        AnnotationDescr a = rule.getAnnotation("source");
        if (a == null || a.getSingleValue() == null) {
            return null;
        }
        String s = a.getSingleValueAsString().replaceAll("^\"|\"$", "").strip();
        return s.isEmpty() ? null : s;
    }
}

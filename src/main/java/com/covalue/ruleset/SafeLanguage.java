package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The safe rule language: what a rule file may contain, checked on Drools' own parsed model of
 * it ({@link PackageDescr}), with the Java text inside (consequences, condition values) checked
 * by {@link JavaCheck}. A rule file may import only the fact model, declare only the
 * {@code advice} global, match only facts, and in its 'then' part only compute values and call
 * {@code advice}; everything else is refused at its line, so rules cannot read files, run
 * programs, stop the service or loop.
 */
final class SafeLanguage {

    private final ParsedDrl drl;
    private final ConditionCheck conditions;
    private final List<Problem> problems;

    private SafeLanguage(ParsedDrl drl, ConditionCheck conditions, List<Problem> problems) {
        this.drl = drl;
        this.conditions = conditions;
        this.problems = problems;
    }

    /** Checks a parsed file; problems go to the shared list (a file that does not parse is left to Drools). */
    static void check(ParsedDrl drl, KnownNames names, List<Problem> problems) {
        if (drl.descr() == null) {
            return;
        }
        SafeLanguage check = new SafeLanguage(drl, new ConditionCheck(drl.file(), names, problems), problems);
        check.header(drl.descr());
        for (RuleDescr rule : drl.descr().getRules()) {
            check.rule(rule);
        }
    }

    /** Imports, globals and declarations: only the fact model and the advice global. */
    private void header(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            if (!allowedImport(i.getTarget())) {
                refuse(i.getLine(), "'import " + i.getTarget() + "' is not allowed; rule files import only com.covalue.model.*"
                        + " and com.covalue.facts.* (the facts), which is all a rule needs");
            }
        }
        pkg.getFunctionImports().forEach(i -> refuse(i.getLine(), "'import function " + i.getTarget()
                + "' is not allowed; rules call only advice and the helpers listed in rules/README.md"));
        pkg.getAccumulateImports().forEach(i -> refuse(i.getLine(), "'import accumulate " + i.getTarget()
                + "' is not allowed; use count, sum, average, min or max"));
        for (GlobalDescr g : pkg.getGlobals()) {
            boolean advice = g.getIdentifier().equals(AllowList.ADVICE_GLOBAL)
                    && (g.getType().equals("com.covalue.facts.AdviceCollector") || g.getType().equals("AdviceCollector"));
            if (!advice) {
                refuse(g.getLine(), "'global " + g.getType() + " " + g.getIdentifier() + "' is not allowed; the only global is"
                        + " 'global com.covalue.facts.AdviceCollector advice;'");
            }
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            refuse(f.getLine(), "'function " + f.getName() + "' is not allowed: rule files hold rules only, so that every"
                    + " line a rule runs can be checked");
        }
        pkg.getTypeDeclarations().forEach(d -> refuse(d.getLine(), "'declare " + d.getTypeName()
                + "' is not allowed; rules use the facts Covalue gives them"));
        pkg.getEnumDeclarations().forEach(d -> refuse(d.getLine(), "'declare enum " + d.getTypeName() + "' is not allowed"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(d.getLine(), "'declare entry-point' is not allowed"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "'declare window' is not allowed"));
        for (AttributeDescr a : pkg.getAttributes()) {
            refuse(a.getLine(), "the file attribute '" + a.getName() + "' is not allowed; rules are written in plain Java"
                    + " (the default dialect) with no attributes");
        }
    }

    private static boolean allowedImport(String target) {
        if (target.endsWith(".*")) {
            return AllowList.IMPORT_PACKAGES.contains(target.substring(0, target.length() - 2));
        }
        return AllowList.QUALIFIED_NAMES.containsKey(target);
    }

    private void rule(RuleDescr rule) {
        if (rule.isQuery()) {
            refuse(rule.getLine(), "query \"" + rule.getName() + "\" is not allowed; rule files hold rules only");
            return;
        }
        for (Map.Entry<String, AttributeDescr> a : rule.getAttributes().entrySet()) {
            boolean salience = a.getKey().equals("salience") && a.getValue().getValue().strip().matches("-?\\d{1,6}");
            if (!salience) {
                refuse(a.getValue().getLine() > 0 ? a.getValue().getLine() : rule.getLine(), "rule \"" + rule.getName()
                        + "\": the attribute '" + a.getKey() + "' is not allowed (only 'salience' with a whole number)");
            }
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse(rule.getLine(), "rule \"" + rule.getName() + "\": named consequences ('then[...]', 'do[...]') are not allowed;"
                    + " a rule has one 'then' part");
        }
        Set<String> bindings = new LinkedHashSet<>();
        bindings.add(AllowList.ADVICE_GLOBAL);
        lhs(rule, rule.getLhs(), bindings, false);
        if (rule.getConsequence() instanceof String consequence) {
            int first = consequenceFirstLine(rule, consequence);
            for (JavaCheck.Refusal r : JavaCheck.consequence(consequence, bindings)) {
                refuse(first + r.line() - 1, "rule \"" + rule.getName() + "\": " + r.message());
            }
        }
    }

    /**
     * The file line of the consequence text's first line. Drools gives the line of 'then' and may
     * trim the text's start, so the first non-blank line of the text is looked up in the file.
     * Returns the file line that the text's line 1 corresponds to.
     */
    private int consequenceFirstLine(RuleDescr rule, String consequence) {
        List<String> textLines = consequence.lines().toList();
        int k = 0;
        while (k < textLines.size() && textLines.get(k).isBlank()) {
            k++;
        }
        int then = Math.max(rule.getConsequenceLine(), rule.getLine());
        if (k == textLines.size()) {
            return then;
        }
        String first = textLines.get(k).strip();
        for (int i = Math.max(0, then - 1); i < drl.lines().size(); i++) {
            if (drl.lines().get(i).contains(first)) {
                return i + 1 - k;
            }
        }
        return then;
    }

    private void lhs(RuleDescr rule, BaseDescr descr, Set<String> bindings, boolean negated) {
        if (descr instanceof PatternDescr pattern) {
            pattern(rule, pattern, bindings, negated);
        } else if (descr instanceof EvalDescr eval) {
            refuse(lineOf(eval, rule), "rule \"" + rule.getName() + "\": 'eval(...)' is not allowed; write the condition"
                    + " inside a fact's brackets, e.g. Governance( escalationPath == false )");
        } else if (descr instanceof ConditionalElementDescr ce) {
            boolean negates = descr instanceof NotDescr || descr instanceof ExistsDescr || descr instanceof ForallDescr;
            for (BaseDescr child : ce.getDescrs()) {
                lhs(rule, child, bindings, negated || negates);
            }
        } else {
            refuse(lineOf(descr, rule), "rule \"" + rule.getName() + "\": '" + firstWord(descr) + "' is not part of the rule"
                    + " language; conditions are facts with their tests, joined by 'and', 'or', 'not' and 'exists'");
        }
    }

    private void pattern(RuleDescr rule, PatternDescr pattern, Set<String> bindings, boolean negated) {
        String type = Patterns.simpleName(pattern);
        PatternSourceDescr source = pattern.getSource();
        Class<?> factType = AllowList.FACT_TYPES.get(AllowList.simpleName(pattern.getObjectType()));
        boolean aggregate = source instanceof AccumulateDescr || source instanceof CollectDescr;
        int line = lineOf(pattern, rule);
        if (factType == null && aggregate && Set.of("Number", "java.lang.Number").contains(pattern.getObjectType())) {
            factType = Number.class;
        } else if (factType == null && source instanceof CollectDescr
                && Set.of("java.util.List", "java.util.Collection").contains(pattern.getObjectType())) {
            factType = java.util.List.class;
        } else if (factType == null) {
            refuse(line, "rule \"" + rule.getName() + "\": '" + type + "' is not a fact type"
                    + com.covalue.validation.Levenshtein.closest(type, AllowList.factTypeNames())
                            .map(c -> "; did you mean " + c + "?").orElse("")
                    + " (the fact types are " + String.join(", ", AllowList.factTypeNames())
                    + "; 'from accumulate' gives a Number)");
            return;
        }
        if (pattern.getIdentifier() != null) {
            bindings.add(pattern.getIdentifier());
        }
        if (source != null) {
            source(rule, source, line, bindings, negated);
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr e) {
                conditions.check(rule, line(constraint, line), e.getExpression(), factType, bindings, negated);
            } else {
                refuse(line, "rule \"" + rule.getName() + "\": '" + constraint.getText() + "' is not a condition the rules may use");
            }
        }
    }

    private void source(RuleDescr rule, PatternSourceDescr source, int line, Set<String> bindings, boolean negated) {
        if (source instanceof AccumulateDescr acc) {
            if (!acc.isExternalFunction()) {
                refuse(line, "rule \"" + rule.getName() + "\": 'accumulate' with its own init/action/result code is not"
                        + " allowed; use count, sum, average, min or max");
                return;
            }
            for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
                if (!AllowList.ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                    refuse(line, "rule \"" + rule.getName() + "\": the accumulate function '" + f.getFunction()
                            + "' is not allowed; use count, sum, average, min or max");
                }
                for (String param : f.getParams()) {
                    refuseAll(rule, line, JavaCheck.conditionValue(param, bindings, null));
                }
                if (f.getBind() != null) {
                    bindings.add(f.getBind());
                }
            }
            lhs(rule, acc.getInput(), bindings, negated);
        } else if (source instanceof CollectDescr collect) {
            lhs(rule, collect.getInputPattern(), bindings, negated);
        } else if (source instanceof FromDescr from) {
            String text = from.getDataSource() == null ? "" : from.getDataSource().getText().strip();
            if (!text.startsWith("$")) {
                refuse(line, "rule \"" + rule.getName() + "\": 'from " + text + "' is not allowed; 'from' may only read a"
                        + " fact already matched, e.g. 'from $previous.governance', or be 'from accumulate(...)'");
                return;
            }
            refuseAll(rule, line, JavaCheck.conditionValue(text, bindings, null));
        } else {
            refuse(line, "rule \"" + rule.getName() + "\": '" + firstWord(source) + "' is not allowed as a source of facts;"
                    + " facts come from the snapshot");
        }
    }

    private void refuseAll(RuleDescr rule, int line, List<JavaCheck.Refusal> refusals) {
        refusals.forEach(r -> refuse(line + r.line() - 1, "rule \"" + rule.getName() + "\": " + r.message()));
    }

    private static int lineOf(BaseDescr descr, RuleDescr rule) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }

    private static int line(BaseDescr descr, int fallback) {
        return descr.getLine() > 0 ? descr.getLine() : fallback;
    }

    private static String firstWord(BaseDescr descr) {
        String text = descr.getText() == null || descr.getText().isBlank() ? descr.getClass().getSimpleName()
                .replace("Descr", "").toLowerCase() : descr.getText().strip();
        return text.split("\\s+")[0];
    }

    private void refuse(int line, String message) {
        problems.add(Problem.atLine(drl.file(), line, message));
    }
}

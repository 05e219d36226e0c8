package com.covalue.ruleset;

import com.covalue.facts.Perception;
import com.covalue.facts.PerceptionTrend;
import com.covalue.facts.PracticeAnswers;
import com.covalue.facts.Recommended;
import com.covalue.model.Cadence;
import com.covalue.model.InformationSharing;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Problem;
import com.covalue.validation.Levenshtein;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One condition inside a fact's brackets, e.g. {@code $open : escalationsOpen > 0}, parsed with
 * Drools' own expression parser and checked for what the rules guide promises:
 * <ul>
 * <li>each value is one the rule language allows ({@link JavaCheck}), and each field exists
 *     (a typo is one error, with "did you mean");</li>
 * <li>closed sets are not written as text: {@code factor == "Innovation"}, {@code level == "HIGH"}
 *     never match; practice ids and recommendation ids in quotes must exist;</li>
 * <li>a better value never adds advice: ratings are tested on the low side only, and a
 *     frequency, sharing or answer is tested for its worst values, never for a better one alone.</li>
 * </ul>
 */
final class ConditionCheck {

    /** Comparisons a condition may make ({@code in} and {@code not in} arrive as == and != groups). */
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "contains");

    /** Ratings by fact: a better (higher) one must never add advice, so only {@code <} and {@code <=} may test them. */
    private static final Map<Class<?>, Set<String>> RATINGS = Map.of(
            Perception.class, Set.of("client", "supplier", "lower"),
            PerceptionTrend.class, Set.of("clientNow", "supplierNow", "lowerNow"));

    /** Values that say nothing about either side alone: the gap widens when the happier side gets happier. */
    private static final Map<Class<?>, Set<String>> NEVER_TESTED = Map.of(
            Perception.class, Set.of("gap", "higher"),
            PerceptionTrend.class, Set.of("gapBefore", "gapNow"));

    /** Closed sets listed from worst to best: a condition on them tests the worst values. */
    private static final Set<Class<?>> WORST_FIRST = Set.of(Cadence.class, InformationSharing.class, PracticeAnswer.class);

    private final String file;
    private final KnownNames names;
    private final List<Problem> problems;

    ConditionCheck(String file, KnownNames names, List<Problem> problems) {
        this.file = file;
        this.names = names;
        this.problems = problems;
    }

    /** Checks one constraint of a pattern on {@code factType}; bindings it makes are added to {@code bindings}. */
    void check(RuleDescr rule, int line, String expression, Class<?> factType, Set<String> bindings, boolean negated) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr parsed = parser.parse(expression);
        if (parser.hasErrors() || parsed == null) {
            return; // Drools' build reports the syntax error at its line
        }
        new Walk(rule, line, factType, bindings, negated).descr(parsed);
    }

    private final class Walk {
        private final RuleDescr rule;
        private final int line;
        private final Class<?> factType;
        private final Set<String> bindings;
        /** Under 'not' the direction of "better" turns round; such patterns are refused on their own (SafeConditions). */
        private final boolean negated;

        Walk(RuleDescr rule, int line, Class<?> factType, Set<String> bindings, boolean negated) {
            this.negated = negated;
            this.rule = rule;
            this.line = line;
            this.factType = factType;
            this.bindings = bindings;
        }

        void descr(BaseDescr d) {
            if (d instanceof ConstraintConnectiveDescr c) {
                if (c.getConnective() == ConnectiveType.OR && worstValuesGroup(c)) {
                    return;
                }
                c.getDescrs().forEach(this::descr);
            } else if (d instanceof RelationalExprDescr r) {
                relation(r, true);
            } else if (d instanceof BindingDescr b) {
                bindings.add(b.getVariable());
                value(b.getExpression());
            } else if (d instanceof AtomicExprDescr a) {
                if (!a.isLiteral()) {
                    value(a.getExpression());
                }
            } else {
                refuse("'" + d.getText() + "' is not a condition the rules may use");
            }
        }

        /** @param single false when the comparison is one of a checked group ({@code in (...)}) */
        private void relation(RelationalExprDescr r, boolean single) {
            String op = r.getOperator();
            if (!OPERATORS.contains(op)) {
                refuse("the operator '" + op + "' is not part of the rule language; compare with ==, !=, <, <=, >, >=, in or"
                        + " contains");
                return;
            }
            descr(r.getLeft());
            descr(r.getRight());
            Optional<String> field = fieldOf(r.getLeft());
            if (field.isEmpty()) {
                return;
            }
            String right = r.getRight() instanceof AtomicExprDescr a ? a.getExpression().strip() : null;
            Class<?> type = typeOf(field.get());
            if (right != null && right.startsWith("\"")) {
                text(field.get(), op, right, type);
            }
            if (negated) {
                return;
            }
            if (NEVER_TESTED.getOrDefault(factType, Set.of()).contains(field.get())) {
                refuse("'" + field.get() + "' may not be tested: the gap between the two sides widens when the happier side"
                        + " gets happier, so advice on it would make a better rating look worse (promise 2 of rules/README.md);"
                        + " test each side's rating on the low side, e.g. 'lower <= 2'");
            } else if (RATINGS.getOrDefault(factType, Set.of()).contains(field.get()) && !op.equals("<") && !op.equals("<=")) {
                refuse("'" + field.get() + " " + op + " " + right + "' would add advice for a better rating; ratings are tested"
                        + " on the low side only, e.g. '" + field.get() + " <= 2' (promise 2 of rules/README.md)");
            } else if (type != null && WORST_FIRST.contains(type) && single && (op.equals(">") || op.equals(">=")
                    || (op.equals("==") && right != null && !right.endsWith("." + worst(type))))) {
                refuse("'" + field.get() + " " + op + " " + right + "' tests a better " + type.getSimpleName() + " without the"
                        + " worse ones, so improving to it would add advice; list every worse value too, e.g. '" + field.get()
                        + " in (" + worstUpTo(type, right) + ")' (promise 2 of rules/README.md)");
            }
        }

        /**
         * {@code forums in (Cadence.NONE, Cadence.AD_HOC)} arrives as an 'or' of == on one field
         * (possibly beside other alternatives): the values of each such field must run from the
         * worst up to the best one listed. Returns whether the 'or' was checked here.
         */
        private boolean worstValuesGroup(ConstraintConnectiveDescr or) {
            Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
            for (BaseDescr d : or.getDescrs()) {
                Optional<String> f = d instanceof RelationalExprDescr r && r.getOperator().equals("==")
                        && r.getRight() instanceof AtomicExprDescr ? fieldOf(r.getLeft()) : Optional.empty();
                Class<?> type = f.map(this::typeOf).orElse(null);
                if (type != null && WORST_FIRST.contains(type)) {
                    RelationalExprDescr r = (RelationalExprDescr) d;
                    relation(r, false);
                    groups.computeIfAbsent(f.get(), k -> new ArrayList<>()).add(((AtomicExprDescr) r.getRight()).getExpression().strip());
                } else {
                    descr(d);
                }
            }
            groups.forEach((field, constants) -> {
                List<String> values = Arrays.stream(typeOf(field).getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                int best = constants.stream().mapToInt(c -> values.indexOf(c.substring(c.lastIndexOf('.') + 1))).max().orElse(-1);
                List<String> missing = values.subList(0, Math.max(0, best)).stream()
                        .filter(v -> constants.stream().noneMatch(c -> c.endsWith("." + v))).toList();
                if (best >= 0 && !missing.isEmpty() && !negated) {
                    refuse("'" + field + " in (" + String.join(", ", constants) + ")' leaves out the worse "
                            + String.join(", ", missing) + ", so getting better could add advice; a list must include every"
                            + " worse value (promise 2 of rules/README.md)");
                }
            });
            return true;
        }

        /** A closed set or a name from the YAML files compared with text in quotes. */
        private void text(String field, String op, String quoted, Class<?> type) {
            String text = quoted.substring(1, Math.max(1, quoted.length() - 1));
            if (type != null && type.isEnum()) {
                List<String> values = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                String simple = type.getSimpleName();
                String guess = values.stream().filter(v -> v.equalsIgnoreCase(text.replace(' ', '_').replace('-', '_'))
                        || v.replace("_", "").equalsIgnoreCase(text.replace(".", ""))).findFirst()
                        .or(() -> Levenshtein.closest(text.replace(' ', '_'), values))
                        .or(() -> Arrays.stream(type.getEnumConstants()).filter(c -> c.toString().equalsIgnoreCase(text))
                                .map(c -> ((Enum<?>) c).name()).findFirst())
                        .orElse(values.get(0));
                refuse("'" + field + " " + op + " " + quoted + "' compares the " + field + " with text, which a misspelling"
                        + " turns into a condition that never matches; write the value itself, e.g. '" + field + " " + op + " "
                        + simple + "." + guess + "'");
            } else if (factType == PracticeAnswers.class && field.equals("practice") && names.practices() != null
                    && !names.practices().contains(text)) {
                refuse("practice \"" + text + "\" is not in " + PracticeList.FILE
                        + Levenshtein.closest(text, names.practices()).map(c -> "; did you mean \"" + c + "\"?").orElse(""));
            } else if (factType == Recommended.class && field.equals("id") && names.recommendations() != null
                    && !names.recommendations().contains(text)) {
                refuse("recommendation \"" + text + "\" is not in " + Catalogue.FILE
                        + Levenshtein.closest(text, names.recommendations()).map(c -> "; did you mean \"" + c + "\"?").orElse(""));
            }
        }

        /** The fact field a side of a comparison names, e.g. {@code client} or {@code $c : client}. */
        private Optional<String> fieldOf(BaseDescr side) {
            String text = side instanceof BindingDescr b ? b.getExpression()
                    : side instanceof AtomicExprDescr a && !a.isLiteral() ? a.getExpression() : null;
            if (text == null || factType == null || !text.strip().matches("[a-z]\\w*")) {
                return Optional.empty();
            }
            return Optional.of(text.strip()).filter(JavaCheck.fieldsOf(factType)::contains);
        }

        private Class<?> typeOf(String field) {
            try {
                Method m = factType.getMethod(field);
                return m.getReturnType();
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        private void value(String text) {
            for (JavaCheck.Refusal r : JavaCheck.conditionValue(text, bindings, factType)) {
                refuse(r.message());
            }
        }

        private void refuse(String message) {
            problems.add(Problem.atLine(file, line, "rule \"" + rule.getName() + "\": " + message));
        }
    }

    private static String worst(Class<?> type) {
        return ((Enum<?>) type.getEnumConstants()[0]).name();
    }

    /** Every value from the worst up to the one written, e.g. {@code Cadence.NONE, Cadence.AD_HOC}. */
    private static String worstUpTo(Class<?> type, String written) {
        String name = written == null ? worst(type) : written.substring(written.lastIndexOf('.') + 1);
        List<String> out = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            out.add(type.getSimpleName() + "." + ((Enum<?>) c).name());
            if (((Enum<?>) c).name().equals(name)) {
                break;
            }
        }
        return String.join(", ", out);
    }
}

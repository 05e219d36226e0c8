package com.covalue.ruleset;

import com.covalue.validation.Levenshtein;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks Java text from a rule (its consequence, or one value in a condition) against the
 * {@link AllowList}, on the syntax tree JavaParser gives for it. The first thing refused in each
 * statement or value is reported, with its 1-based line within the text.
 */
final class JavaCheck {

    /** Something refused: its line within the checked text, and why. */
    record Refusal(int line, String message) {
    }

    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

    /** Names the Drools runtime gives a consequence, through which it could change the session or its facts. */
    private static final Set<String> DROOLS_CONTEXT = Set.of("drools", "kcontext");

    private final Set<String> variables;
    private final Class<?> factType;
    private final List<Refusal> refusals = new ArrayList<>();

    /**
     * @param variables the names in scope: the rule's {@code $bindings} and the {@code advice} global
     * @param factType  for a condition, the fact whose fields it may name bare (null in a consequence)
     */
    private JavaCheck(Set<String> variables, Class<?> factType) {
        this.variables = new HashSet<>(variables);
        this.factType = factType;
    }

    /** Checks a consequence: statements that may only compute values and call {@code advice}. */
    static List<Refusal> consequence(String text, Set<String> variables) {
        JavaCheck check = new JavaCheck(variables, null);
        ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{" + text + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            boolean modify = text.matches("(?s).*\\bmodify\\s*\\(.*");
            check.refuse(firstLine(parsed.getProblems()), "the 'then' part does not compile: " + firstMessage(parsed.getProblems())
                    + (modify ? " ('modify' is not part of the rule language: rules do not change the facts)"
                            : " (often a missing bracket, '+' or quote)"));
            return check.refusals;
        }
        for (Statement statement : parsed.getResult().get().getStatements()) {
            check.statement(statement);
        }
        return check.refusals;
    }

    /** Checks one value of a condition, e.g. {@code id.endsWith("-X")} in {@code Recommended(...)}. */
    static List<Refusal> conditionValue(String text, Set<String> variables, Class<?> factType) {
        JavaCheck check = new JavaCheck(variables, factType);
        ParseResult<Expression> parsed = PARSER.get().parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            check.refuse(1, "'" + text.strip() + "' is not a value the rules may use");
            return check.refusals;
        }
        check.expression(parsed.getResult().get());
        return check.refusals;
    }

    private void statement(Statement s) {
        if (s instanceof ExpressionStmt e) {
            expression(e.getExpression());
        } else if (s instanceof BlockStmt b) {
            b.getStatements().forEach(this::statement);
        } else if (s instanceof IfStmt i) {
            expression(i.getCondition());
            statement(i.getThenStmt());
            i.getElseStmt().ifPresent(this::statement);
        } else if (!(s instanceof EmptyStmt)) {
            refuse(s, "a rule's 'then' part may not use '" + keyword(s) + "'; it only computes values and calls advice."
                    + "recommend, advice.verdict or advice.condition" + (isLoop(s) ? " (rules do not loop)" : ""));
        }
    }

    private static boolean isLoop(Statement s) {
        return s.isWhileStmt() || s.isDoStmt() || s.isForStmt() || s.isForEachStmt();
    }

    private static String keyword(Statement s) {
        String text = s.toString().strip();
        int end = 0;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end == 0 ? text.split("\\s")[0] : text.substring(0, end);
    }

    /** Checks an expression; stops at the first thing refused inside it. */
    private boolean expression(Expression e) {
        if (e instanceof LiteralExpr) {
            return true;
        }
        if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
            return name(e);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call);
        }
        if (e instanceof BinaryExpr b) {
            return expression(b.getLeft()) && expression(b.getRight());
        }
        if (e instanceof UnaryExpr u) {
            return expression(u.getExpression());
        }
        if (e instanceof EnclosedExpr en) {
            return expression(en.getInner());
        }
        if (e instanceof ConditionalExpr c) {
            return expression(c.getCondition()) && expression(c.getThenExpr()) && expression(c.getElseExpr());
        }
        if (e instanceof CastExpr c) {
            return type(c.getType(), c) && expression(c.getExpression());
        }
        if (e instanceof InstanceOfExpr i) {
            return type(i.getType(), i) && expression(i.getExpression());
        }
        if (e instanceof ArrayAccessExpr a) {
            return expression(a.getName()) && expression(a.getIndex());
        }
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                if (!type(d.getType(), v) || (d.getInitializer().isPresent() && !expression(d.getInitializer().get()))) {
                    return false;
                }
                variables.add(d.getNameAsString());
            }
            return true;
        }
        if (e instanceof AssignExpr a) {
            if (!(a.getTarget() instanceof NameExpr target) || !variables.contains(target.getNameAsString())
                    || target.getNameAsString().startsWith("$")) {
                return refuse(a, "'" + a.getTarget() + "' cannot be changed; a rule may only set its own local values");
            }
            return expression(a.getValue());
        }
        if (e instanceof ObjectCreationExpr o) {
            return refuse(o, "'new " + o.getType() + "(...)' makes an object, which rules may not do; a rule reads the facts"
                    + " and calls advice");
        }
        return refuse(e, "'" + abbreviated(e) + "' is not part of the rule language (allowed: facts, their fields, "
                + "arithmetic, comparisons, text and the helpers in rules/README.md)");
    }

    /** A name or dotted name: a variable, a fact field, a type, a constant. */
    private boolean name(Expression e) {
        Optional<List<String>> parts = nameParts(e);
        if (parts.isEmpty()) { // e.g. $c.beforeText().length: check the inner value, then the last name
            FieldAccessExpr f = (FieldAccessExpr) e;
            return expression(f.getScope()) && valueMember(f.getNameAsString(), f);
        }
        List<String> names = parts.get();
        String first = names.get(0);
        if (variables.contains(first) || first.startsWith("$")) {
            return members(names, 1, e);
        }
        if (DROOLS_CONTEXT.contains(first)) {
            return refuse(e, "'" + first + "' is the rule engine itself, which rules may not use; call advice.recommend,"
                    + " advice.verdict or advice.condition");
        }
        int typeEnd = typeEnd(names);
        if (typeEnd > 0) {
            String type = AllowList.simpleName(String.join(".", names.subList(0, typeEnd)));
            if (typeEnd == names.size()) {
                return true; // the type itself, as a call's scope
            }
            return constant(type, names.get(typeEnd), e) && members(names, typeEnd + 1, e);
        }
        if (factType != null && Character.isLowerCase(first.charAt(0)) && !AllowList.isPackagePrefix(first)) {
            return factField(first, e) && members(names, 1, e);
        }
        if (factType == null && names.size() == 1 && Character.isLowerCase(first.charAt(0)) && !AllowList.isPackagePrefix(first)) {
            return true; // an unknown local name: the Java compiler reports it
        }
        return refuse(e, "'" + String.join(".", names) + "' is not something the rules may use; they may use the facts, "
                + "the advice global and the helpers listed in rules/README.md");
    }

    /** How many leading names form an allowed type, e.g. 3 for {@code java.util.Objects.isNull}; 0 if none. */
    private static int typeEnd(List<String> names) {
        for (int end = names.size(); end >= 1; end--) {
            String candidate = String.join(".", names.subList(0, end));
            if (AllowList.isType(candidate) && (end > 1 || Character.isUpperCase(candidate.charAt(0)))) {
                return end;
            }
        }
        return 0;
    }

    /** {@code Factor.TRUST}, {@code Boolean.TRUE}: the constant must exist. */
    private boolean constant(String type, String name, Node at) {
        Optional<Class<?>> enumType = AllowList.enumType(type);
        if (enumType.isPresent()) {
            List<String> constants = Arrays.stream(enumType.get().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            if (constants.contains(name)) {
                return true;
            }
            return refuse(at, "'" + type + "." + name + "' is not one of the values of " + type
                    + Levenshtein.closest(name, constants).map(c -> "; did you mean " + type + "." + c + "?")
                    .orElse("; the values are " + String.join(", ", constants)));
        }
        if (AllowList.HELPER_CONSTANTS.getOrDefault(type, Set.of()).contains(name)) {
            return true;
        }
        return refuse(at, "'" + type + "." + name + "' is not something the rules may use");
    }

    /** Fields read after a value, e.g. {@code governance.escalationPath} in {@code Previous(...)}. */
    private boolean members(List<String> names, int from, Node at) {
        for (int i = from; i < names.size(); i++) {
            if (!valueMember(names.get(i), at)) {
                return false;
            }
        }
        return true;
    }

    private boolean valueMember(String name, Node at) {
        if (AllowList.VALUE_CALLS.contains(name) || AllowList.VALUE_CALLS.contains(getter(name))) {
            return true;
        }
        return refuse(at, "'" + name + "' is not a field or method the rules may use"
                + Levenshtein.closest(name, AllowList.VALUE_CALLS).map(c -> "; did you mean '" + c + "'?").orElse(""));
    }

    /** A field of the condition's own fact, written bare: {@code escalationPath} in {@code Governance(...)}. */
    private boolean factField(String name, Node at) {
        Set<String> fields = fieldsOf(factType);
        if (fields.contains(name)) {
            return true;
        }
        return refuse(at, "'" + name + "' is not a fact of " + factType.getSimpleName()
                + Levenshtein.closest(name, fields).map(c -> "; did you mean '" + c + "'?").orElse("")
                + "; the names are case-sensitive (see the fact list in rules/README.md)");
    }

    /** The names a condition on a fact of this type may read: its record fields and other read-only methods. */
    static Set<String> fieldsOf(Class<?> type) {
        Set<String> fields = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() != void.class
                    && m.getDeclaringClass() != Object.class && !Set.of("hashCode", "toString", "getClass").contains(m.getName())) {
                fields.add(m.getName());
            }
        }
        return fields;
    }

    private boolean call(MethodCallExpr call) {
        String method = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            if (factType != null && fieldsOf(factType).contains(method)) {
                return arguments(call);
            }
            return refuse(call, "'" + method + "(...)' is not a call the rules may make; a rule's 'then' part calls only "
                    + "advice.recommend, advice.recommendPractice, advice.recommendAgreement, advice.verdict and advice.condition"
                    + (Set.of("insert", "insertLogical", "update", "modify", "delete", "retract").contains(method)
                            ? " (rules do not change the facts)" : ""));
        }
        Expression scope = call.getScope().get();
        Optional<List<String>> parts = nameParts(scope);
        if (parts.isPresent()) {
            List<String> names = parts.get();
            String first = names.get(0);
            if (DROOLS_CONTEXT.contains(first)) {
                return refuse(call, "'" + first + "' is the rule engine itself, which rules may not use; call advice.recommend,"
                        + " advice.verdict or advice.condition");
            }
            if (names.size() == 1 && first.equals(AllowList.ADVICE_GLOBAL)) {
                if (!AllowList.ADVICE_CALLS.contains(method)) {
                    return refuse(call, "'advice." + method + "' is not a call of advice; the calls are "
                            + String.join(", ", AllowList.ADVICE_CALLS));
                }
                return arguments(call);
            }
            boolean value = variables.contains(first) || first.startsWith("$")
                    || (factType != null && fieldsOf(factType).contains(first));
            int typeEnd = value ? 0 : typeEnd(names);
            if (!value && typeEnd == names.size()) {
                String type = AllowList.simpleName(String.join(".", names));
                Set<String> allowed = staticMethods(type);
                if (!allowed.contains(method)) {
                    return refuse(call, "'" + type + "." + method + "(...)' is not a call the rules may make"
                            + (allowed.isEmpty() ? "" : "; with " + type + " they may call " + String.join(", ", new TreeSet<>(allowed))));
                }
                return arguments(call);
            }
            if (!value && typeEnd == 0) {
                return refuse(call, "'" + String.join(".", names) + "." + method + "(...)' is not a call the rules may make;"
                        + " they may call advice, read the facts and use the helpers listed in rules/README.md");
            }
        }
        return expression(scope) && valueMember(method, call) && arguments(call);
    }

    private static Set<String> staticMethods(String type) {
        Set<String> helpers = AllowList.STATIC_HELPERS.get(type);
        if (helpers != null) {
            return helpers;
        }
        return AllowList.ENUMS.containsKey(type) ? Set.of("values", "valueOf") : Set.of();
    }

    private boolean arguments(MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            if (!expression(argument)) {
                return false;
            }
        }
        return true;
    }

    private boolean type(Type type, Node at) {
        String name = type.asString();
        if (AllowList.isType(name)) {
            return true;
        }
        return refuse(at, "the type '" + name + "' is not one the rules may use; use a fact, number, text or true/false");
    }

    /** {@code a.b.c} as its names, or empty when it is not a plain dotted name. */
    private static Optional<List<String>> nameParts(Expression e) {
        List<String> names = new ArrayList<>();
        Expression current = e;
        while (current instanceof FieldAccessExpr f) {
            names.add(0, f.getNameAsString());
            current = f.getScope();
        }
        if (!(current instanceof NameExpr n)) {
            return Optional.empty();
        }
        names.add(0, n.getNameAsString());
        return Optional.of(names);
    }

    private static String getter(String property) {
        return "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    private boolean refuse(Node at, String message) {
        return refuse(at.getBegin().map(p -> p.line).orElse(1), message);
    }

    private boolean refuse(int line, String message) {
        refusals.add(new Refusal(line, message));
        return false;
    }

    private static String abbreviated(Node n) {
        String text = n.toString().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static int firstLine(List<Problem> problems) {
        return problems.stream().flatMap(p -> p.getLocation().flatMap(l -> l.getBegin().getRange()).stream())
                .map(r -> r.begin.line).findFirst().orElse(1);
    }

    private static String firstMessage(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "it does not parse";
        }
        String message = problems.get(0).getMessage();
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        // JavaParser lists every token it would have accepted; the one it found is what helps
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("Found (\"[^\"]*\"|<EOF>)").matcher(first);
        return found.find() ? "unexpected " + found.group(1) : first;
    }
}

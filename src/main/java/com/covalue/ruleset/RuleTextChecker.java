package com.covalue.ruleset;

import com.covalue.facts.Change;
import com.covalue.facts.Perception;
import com.covalue.facts.PerceptionTrend;
import com.covalue.facts.Previous;
import com.covalue.facts.Timeline;
import com.covalue.model.Delivery;
import com.covalue.model.DerivedFrom;
import com.covalue.model.Factor;
import com.covalue.model.Governance;
import com.covalue.model.Innovation;
import com.covalue.model.Measurement;
import com.covalue.model.MutualGoals;
import com.covalue.model.Openness;
import com.covalue.model.Problem;
import com.covalue.model.Relationship;
import com.covalue.model.Trust;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads each rule's text for what Drools does not check: a cited source, recommendation ids that
 * exist in the catalogue, and which snapshot fields the conditions read (for data gaps).
 */
final class RuleTextChecker {

    /** Snapshot section fact types and the contract prefix of their fields. */
    private static final Map<String, Class<?>> SECTIONS = Map.of(
            "relationship", Relationship.class,
            "governance", Governance.class,
            "measurement", Measurement.class,
            "openness", Openness.class,
            "trust", Trust.class,
            "delivery", Delivery.class,
            "mutualGoals", MutualGoals.class,
            "innovation", Innovation.class);

    private static final Pattern RECOMMEND = Pattern.compile("advice\\s*\\.\\s*(recommend|condition)\\s*\\(\\s*(\"([^\"]*)\")?");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.$\\w])([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern FACTOR_LITERAL = Pattern.compile("factor\\s*==\\s*\"([A-Za-z]+)\"");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    /** Comparisons that are true for an unknown (null) fact: != a constant, == null, not in (...). */
    private static final Pattern MATCHES_UNKNOWN = Pattern.compile(
            "[\\w.]+\\s*(!=\\s*(true|false|[A-Z]\\w*\\.[A-Z_]+|\\d[\\d.]*)|[!=]=\\s*null|not\\s+in\\b)|!\\s*\\(");

    private final Catalogue catalogue;
    private final List<Problem> problems;

    RuleTextChecker(Catalogue catalogue, List<Problem> problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /**
     * A rule file as text and as Drools' description of it; {@code descr} is null when it does not
     * parse (Drools' own build then reports the syntax error with its line).
     */
    record ParsedDrl(String file, String text, List<String> lines, PackageDescr descr) {

        static ParsedDrl parse(String file, String text) {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException e) {
                pkg = null;
            }
            boolean failed = pkg == null || parser.hasErrors();
            return new ParsedDrl(file, text, List.of(text.split("\n", -1)), failed ? null : pkg);
        }

        /**
         * Whether the file can be compiled apart from the others: it declares nothing (types,
         * functions, queries) that another file could use or clash with.
         */
        boolean standsAlone() {
            return descr != null && descr.getTypeDeclarations().isEmpty() && descr.getEnumDeclarations().isEmpty()
                    && descr.getFunctions().isEmpty() && descr.getEntryPointDeclarations().isEmpty()
                    && descr.getWindowDeclarations().isEmpty() && descr.getRules().stream().noneMatch(RuleDescr::isQuery);
        }
    }

    /** The rules of one file; problems go to the shared list. Syntax errors are left to Drools. */
    List<RuleInfo> check(String file, String text) {
        return check(ParsedDrl.parse(file, text));
    }

    /** The rules of one parsed file; problems go to the shared list. */
    List<RuleInfo> check(ParsedDrl drl) {
        if (drl.descr() == null) {
            return List.of();
        }
        String file = drl.file();
        PackageDescr pkg = drl.descr();
        List<RuleInfo> rules = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            String source = sourceOf(rule);
            if (source == null) {
                problems.add(Problem.atLine(file, rule.getLine(), "rule \"" + rule.getName()
                        + "\" must cite where it comes from, e.g. @source(\"study 4.2.4\") after its name"));
            }
            Set<String> recommends = recommendations(file, drl.lines(), rule);
            Set<String> asks = new TreeSet<>();
            List<PatternDescr> patterns = new ArrayList<>();
            walk(rule.getLhs(), patterns);
            for (PatternDescr pattern : patterns) {
                asks.addAll(fieldsRead(pattern));
                if (isSnapshotFact(pattern)) {
                    checkUnknownIsNotAbsent(file, rule, pattern);
                }
            }
            checkNoNegatedSnapshotFacts(file, rule, rule.getLhs(), false);
            rules.add(new RuleInfo(rule.getName(), file, rule.getLine(), source, asks, recommends));
        }
        return rules;
    }

    private static String sourceOf(RuleDescr rule) {
        AnnotationDescr a = rule.getAnnotation("source");
        if (a == null || a.getSingleValue() == null) {
            return null;
        }
        String s = a.getSingleValueAsString().replaceAll("^\"|\"$", "").strip();
        return s.isEmpty() ? null : s;
    }

    private Set<String> recommendations(String file, List<String> lines, RuleDescr rule) {
        Set<String> ids = new LinkedHashSet<>();
        String consequence = String.valueOf(rule.getConsequence());
        Matcher m = RECOMMEND.matcher(consequence);
        while (m.find()) {
            String id = m.group(3);
            int line = lineOf(lines, m.group(2) == null ? "advice" : m.group(2), rule.getConsequenceLine());
            if (id == null) {
                if (m.group(1).equals("recommend")) {
                    problems.add(Problem.atLine(file, line, "rule \"" + rule.getName()
                            + "\": advice.recommend needs the catalogue id in quotes as its first value, e.g. advice.recommend(\"OPENNESS-ESCALATION-PATH\", 0.7, \"...\")"));
                }
                continue;
            }
            if (!catalogue.contains(id)) {
                problems.add(Problem.atLine(file, line, "rule \"" + rule.getName() + "\" refers to recommendation \"" + id
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

    private static void walk(BaseDescr descr, List<PatternDescr> patterns) {
        if (descr instanceof PatternDescr pattern) {
            patterns.add(pattern);
        }
        if (descr instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, patterns);
            }
        }
    }

    /**
     * Refuses conditions that would match an unknown (null) fact, such as {@code x != true}: the
     * contract promises that missing data never looks like a missing practice.
     */
    private void checkUnknownIsNotAbsent(String file, RuleDescr rule, PatternDescr pattern) {
        String text = constraintText(pattern);
        Matcher m = MATCHES_UNKNOWN.matcher(STRING.matcher(text).replaceAll("\"\""));
        if (m.find()) {
            problems.add(Problem.atLine(file, pattern.getLine() > 0 ? pattern.getLine() : rule.getLine(), "rule \"" + rule.getName()
                    + "\": '" + m.group().strip() + "' also matches a fact the snapshot left unknown; test the bad value itself"
                    + " (for example '== false') so that missing data never looks like a missing practice"));
        }
    }

    /**
     * Refuses {@code not}, {@code exists} and {@code forall} around snapshot facts: "there is no
     * Governance with escalationPath == true" is also true when nobody answered.
     */
    private void checkNoNegatedSnapshotFacts(String file, RuleDescr rule, BaseDescr descr, boolean negated) {
        if (negated && descr instanceof PatternDescr pattern && isSnapshotFact(pattern)) {
            problems.add(Problem.atLine(file, pattern.getLine() > 0 ? pattern.getLine() : rule.getLine(), "rule \"" + rule.getName()
                    + "\": 'not', 'exists' or 'forall' around " + simpleName(pattern) + "(...) also matches facts the snapshot left"
                    + " unknown; test the bad value itself (for example '== false')"));
            return;
        }
        if (descr instanceof ConditionalElementDescr ce) {
            boolean negates = descr instanceof NotDescr || descr instanceof ExistsDescr || descr instanceof ForallDescr;
            for (BaseDescr child : ce.getDescrs()) {
                checkNoNegatedSnapshotFacts(file, rule, child, negated || negates);
            }
        }
    }

    private static String simpleName(PatternDescr pattern) {
        String type = pattern.getObjectType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Facts that exist only when a trend can be seen, so "there is no such fact" also matches unknown history. */
    private static final Set<String> TREND_FACTS = Set.of(
            Change.class.getSimpleName(), PerceptionTrend.class.getSimpleName(), Previous.class.getSimpleName());

    /**
     * Facts read from the snapshot (sections, Timeline, Perception) or compared with the previous
     * one (the trend facts), where null or absence means unknown.
     */
    private static boolean isSnapshotFact(PatternDescr pattern) {
        String simple = simpleName(pattern);
        String section = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        return SECTIONS.containsKey(section) || simple.equals("Timeline") || simple.equals(Perception.class.getSimpleName())
                || TREND_FACTS.contains(simple);
    }

    private static String constraintText(PatternDescr pattern) {
        StringBuilder constraints = new StringBuilder();
        for (BaseDescr d : pattern.getDescrs()) {
            constraints.append(d instanceof ExprConstraintDescr e ? e.getExpression() : d.getText()).append(' ');
        }
        return constraints.toString();
    }

    /** Contract fields a pattern's constraints read, e.g. {@code Governance( escalationPath == false )}. */
    static Set<String> fieldsRead(PatternDescr pattern) {
        String type = pattern.getObjectType();
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String text = constraintText(pattern);
        Set<String> fields = new TreeSet<>();
        if (simple.equals(Perception.class.getSimpleName())) {
            perceptionFields(text, fields);
            return fields;
        }
        String section = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        Class<?> sectionType = SECTIONS.get(section);
        Class<?> factType = sectionType != null ? sectionType : simple.equals("Timeline") ? Timeline.class : null;
        if (factType == null) {
            return fields;
        }
        Matcher m = IDENTIFIER.matcher(STRING.matcher(text).replaceAll("\"\""));
        while (m.find()) {
            String name = m.group(1);
            for (Method method : factType.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0) {
                    DerivedFrom derived = method.getAnnotation(DerivedFrom.class);
                    if (derived != null) {
                        fields.addAll(Arrays.asList(derived.value()));
                    } else if (sectionType != null && isComponent(sectionType, name)) {
                        fields.add(section + "." + name);
                    }
                }
            }
        }
        return fields;
    }

    private static boolean isComponent(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).anyMatch(name::equals);
    }

    private static void perceptionFields(String text, Set<String> fields) {
        Set<String> factors = new TreeSet<>();
        Matcher f = FACTOR_LITERAL.matcher(text);
        while (f.find()) {
            factors.add(f.group(1));
        }
        if (factors.isEmpty()) {
            Arrays.stream(Factor.values()).map(Factor::key).forEach(factors::add);
        }
        Set<String> sides = new TreeSet<>();
        String unquoted = STRING.matcher(text).replaceAll("\"\"");
        if (unquoted.matches("(?s).*\\bclient\\b.*")) {
            sides.add("client");
        }
        if (unquoted.matches("(?s).*\\bsupplier\\b.*")) {
            sides.add("supplier");
        }
        if (unquoted.matches("(?s).*\\b(lower|higher|gap)\\b.*")) {
            sides.addAll(List.of("client", "supplier"));
        }
        for (String factor : factors) {
            for (String side : sides) {
                fields.add("perceptions." + side + "." + factor);
            }
        }
    }
}

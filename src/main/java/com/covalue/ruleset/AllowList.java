package com.covalue.ruleset;

import com.covalue.facts.AdviceCollector;
import com.covalue.facts.Change;
import com.covalue.facts.HealthScore;
import com.covalue.facts.BelowGoodEnough;
import com.covalue.facts.OverallHealth;
import com.covalue.facts.Perception;
import com.covalue.facts.PerceptionTrend;
import com.covalue.facts.PracticeAnswers;
import com.covalue.facts.Previous;
import com.covalue.facts.Recommended;
import com.covalue.facts.Timeline;
import com.covalue.facts.UnhappyClient;
import com.covalue.model.Cadence;
import com.covalue.model.Context;
import com.covalue.model.Delivery;
import com.covalue.model.Factor;
import com.covalue.model.Governance;
import com.covalue.model.InformationSharing;
import com.covalue.model.Innovation;
import com.covalue.model.Kind;
import com.covalue.model.Level;
import com.covalue.model.Measurement;
import com.covalue.model.MutualGoals;
import com.covalue.model.Openness;
import com.covalue.model.Owner;
import com.covalue.model.PracticeAnswer;
import com.covalue.model.Relationship;
import com.covalue.model.ServiceType;
import com.covalue.model.SnapshotField;
import com.covalue.model.Trust;
import com.covalue.model.Verdict;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rule folder may name: the fact model, the {@code advice} global and a short list of
 * helpers for arithmetic and text. Everything else (other classes, constructors, static calls,
 * the Drools context) is refused by {@link SafeLanguage}.
 *
 * <p>Calls on values (a bound fact, a text, a number) are checked by method name, since a rule's
 * text carries no types: a name is allowed only if it is a read-only method of the fact model, of
 * text or of numbers, and no class a rule can reach has a harmful method of that name.
 */
final class AllowList {

    /** The facts a rule may match on, by the simple name it is written with. */
    static final Map<String, Class<?>> FACT_TYPES = byName(
            Relationship.class, Timeline.class, Governance.class, Trust.class, Openness.class, Delivery.class,
            MutualGoals.class, Measurement.class, Innovation.class, Context.class, Perception.class, PracticeAnswers.class,
            Change.class, PerceptionTrend.class, Previous.class, HealthScore.class, OverallHealth.class, Recommended.class,
            BelowGoodEnough.class, UnhappyClient.class);

    /** The model's closed sets, written as {@code Factor.TRUST}, {@code Cadence.QUARTERLY}, ... */
    static final Map<String, Class<?>> ENUMS = byName(
            Factor.class, Cadence.class, Verdict.class, Level.class, Kind.class, Owner.class, PracticeAnswer.class,
            SnapshotField.class, ServiceType.class, InformationSharing.class);

    /** Helpers a rule may call as {@code Type.method(...)}, with the methods allowed on each. */
    static final Map<String, Set<String>> STATIC_HELPERS = Map.of(
            "Math", Set.of("min", "max", "round", "abs", "floor", "ceil", "sqrt", "pow", "signum", "floorDiv", "floorMod"),
            "String", Set.of("format", "valueOf", "join"),
            "Integer", Set.of("valueOf", "compare", "min", "max", "toString"),
            "Long", Set.of("valueOf", "compare", "min", "max", "toString"),
            "Double", Set.of("valueOf", "compare", "min", "max", "toString"),
            "Boolean", Set.of("valueOf", "toString"),
            "Objects", Set.of("isNull", "nonNull", "equals", "requireNonNullElse", "toString"));

    /** Constants a rule may read from the helpers, e.g. {@code Boolean.TRUE}. */
    static final Map<String, Set<String>> HELPER_CONSTANTS = Map.of(
            "Math", Set.of("PI", "E"),
            "Integer", Set.of("MAX_VALUE", "MIN_VALUE"),
            "Boolean", Set.of("TRUE", "FALSE"));

    /** Full names a helper or fact may also be written with, e.g. {@code java.util.Objects}. */
    static final Map<String, String> QUALIFIED_NAMES = qualifiedNames();

    /** Methods allowed on text. ({@code repeat} is left out: it can exhaust memory in one call.) */
    private static final Set<String> TEXT_METHODS = Set.of("length", "isEmpty", "isBlank", "toLowerCase", "toUpperCase",
            "strip", "trim", "replace", "startsWith", "endsWith", "contains", "substring", "charAt", "indexOf", "equals",
            "equalsIgnoreCase", "compareTo", "formatted", "toString");

    /** Methods allowed on numbers, true/false and lists (what accumulate and collect give). */
    private static final Set<String> VALUE_METHODS = Set.of("intValue", "longValue", "doubleValue", "booleanValue",
            "equals", "compareTo", "toString", "size", "get", "name", "ordinal");

    /** Methods of the fact classes that no rule needs and whose names must not become callable on anything. */
    private static final Set<String> NEVER = Set.of("getClass", "hashCode", "wait", "notify", "notifyAll",
            "getDeclaringClass", "describeConstable", "value", "of", "values", "valueOf");

    /** Every method name a rule may call on a value (not on a type). */
    static final Set<String> VALUE_CALLS = valueCalls();

    /** The calls of the {@code advice} global. */
    static final Set<String> ADVICE_CALLS = Arrays.stream(AdviceCollector.class.getMethods()).map(Method::getName)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

    /** The only global: {@code global com.covalue.facts.AdviceCollector advice;}. */
    static final String ADVICE_GLOBAL = "advice";

    /** Imports of the fact model packages; single classes of them are allowed too. */
    static final Set<String> IMPORT_PACKAGES = Set.of("com.covalue.facts", "com.covalue.model");

    /** Accumulate functions a rule may use, e.g. {@code from accumulate( Perception( client <= 2 ), count( 1 ) )}. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max");

    /** Types a local variable or a cast in a rule may have, besides the facts and closed sets. */
    static final Set<String> VALUE_TYPES = Set.of("boolean", "int", "long", "double", "var", "String", "Integer", "Long",
            "Double", "Boolean", "Number");

    private AllowList() {
    }

    /** Whether a simple or full name is a type a rule may name (a fact, a closed set or a helper). */
    static boolean isType(String name) {
        String simple = QUALIFIED_NAMES.getOrDefault(name, name);
        return FACT_TYPES.containsKey(simple) || ENUMS.containsKey(simple) || STATIC_HELPERS.containsKey(simple)
                || VALUE_TYPES.contains(simple);
    }

    /** The simple name of an allowed type written in full ({@code java.lang.Math} gives {@code Math}), else the name. */
    static String simpleName(String name) {
        return QUALIFIED_NAMES.getOrDefault(name, name);
    }

    /** Whether the name starts a full type name that is allowed, e.g. {@code java} or {@code java.util}. */
    static boolean isPackagePrefix(String name) {
        return QUALIFIED_NAMES.keySet().stream().anyMatch(full -> full.startsWith(name + "."));
    }

    /** The enum type of that simple name, if the rules may use it. */
    static Optional<Class<?>> enumType(String simpleName) {
        return Optional.ofNullable(ENUMS.get(simpleName));
    }

    /** Every allowed type name, for messages. */
    static List<String> factTypeNames() {
        return List.copyOf(FACT_TYPES.keySet());
    }

    private static Map<String, Class<?>> byName(Class<?>... types) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (Class<?> t : types) {
            map.put(t.getSimpleName(), t);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Map<String, String> qualifiedNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String helper : List.of("Math", "String", "Integer", "Long", "Double", "Boolean", "Number")) {
            names.put("java.lang." + helper, helper);
        }
        names.put("java.util.Objects", "Objects");
        FACT_TYPES.forEach((simple, type) -> names.put(type.getName(), simple));
        ENUMS.forEach((simple, type) -> names.put(type.getName(), simple));
        return java.util.Collections.unmodifiableMap(names);
    }

    private static Set<String> valueCalls() {
        Set<String> names = new TreeSet<>(TEXT_METHODS);
        names.addAll(VALUE_METHODS);
        for (Class<?> type : FACT_TYPES.values()) {
            addInstanceMethods(type, names);
        }
        for (Class<?> type : ENUMS.values()) {
            addInstanceMethods(type, names);
        }
        names.removeAll(NEVER);
        return java.util.Collections.unmodifiableSet(names);
    }

    private static void addInstanceMethods(Class<?> type, Set<String> names) {
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                    && m.getDeclaringClass() != Enum.class) {
                names.add(m.getName());
            }
        }
    }
}

package com.covalue.ruleset;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import com.covalue.model.SnapshotFields;
import com.covalue.model.SnapshotField;

/**
 * A compiled, checked, immutable rule set: the Drools knowledge base plus the catalogue and
 * priority policy it was built with. Safe to share between threads; a reload builds a new one.
 *
 * @param revision content hash of every file in the rules folder
 * @param files    the files it was built from, relative to the folder, sorted
 * @param askedBy  for each snapshot field the rules read, how many rules read it (computed once
 *                 here so that each evaluation's data gaps need not walk every rule)
 * @param gapOrder the same fields, most asked first (then by path): each evaluation's data gaps
 *                 are the unknown ones among them, in this order
 * @param fieldsAsked for each rule by name, the contract fields among those it reads (its
 *                 {@link RuleInfo#asks()} looked up once here rather than path by path in each
 *                 evaluation's evidence)
 */
public record RuleSet(
        String revision,
        KieBase kieBase,
        Catalogue catalogue,
        PracticeList practices,
        PriorityPolicy priority,
        Map<String, RuleInfo> rules,
        List<String> files,
        Instant compiledAt,
        Map<String, Integer> askedBy,
        List<AskedField> gapOrder,
        Map<String, List<SnapshotField>> fieldsAsked) {

    /** A snapshot field the rules read, and how many rules read it. */
    public record AskedField(SnapshotField field, int rules) {
    }

    public RuleSet {
        Objects.requireNonNull(revision, "revision == null");
        Objects.requireNonNull(kieBase, "kieBase == null");
        Objects.requireNonNull(practices, "practices == null");
        rules = Map.copyOf(rules);
        files = List.copyOf(files);
        askedBy = Collections.unmodifiableMap(new TreeMap<>(askedBy));
        gapOrder = List.copyOf(gapOrder);
        // each evaluation looks up every rule behind each recommendation here, by the name its
        // firing reported: keyed by the knowledge base's own name strings, a lookup is an identity
        // match instead of comparing two copies of a long rule name (Map.copyOf's probing table
        // compared them over and over)
        fieldsAsked = Collections.unmodifiableMap(keyedByKieBaseNames(kieBase, fieldsAsked));
    }

    public RuleSet(String revision, KieBase kieBase, Catalogue catalogue, PracticeList practices, PriorityPolicy priority,
            Map<String, RuleInfo> rules, List<String> files, Instant compiledAt, Map<String, Integer> askedBy) {
        this(revision, kieBase, catalogue, practices, priority, rules, files, compiledAt, askedBy, gapOrder(askedBy),
                fieldsAsked(rules));
    }

    private static Map<String, List<SnapshotField>> keyedByKieBaseNames(KieBase kieBase, Map<String, List<SnapshotField>> byName) {
        Map<String, List<SnapshotField>> out = new HashMap<>();
        // first the knowledge base's names: a later put of an equal key keeps the key put first
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                List<SnapshotField> fields = byName.get(rule.getName());
                if (fields != null) {
                    out.put(rule.getName(), fields);
                }
            }
        }
        byName.forEach(out::putIfAbsent);
        return out;
    }

    private static Map<String, List<SnapshotField>> fieldsAsked(Map<String, RuleInfo> rules) {
        Map<String, List<SnapshotField>> out = new HashMap<>();
        rules.forEach((name, rule) -> out.put(name,
                rule.asks().stream().flatMap(path -> SnapshotFields.byPath(path).stream()).toList()));
        return out;
    }

    private static List<AskedField> gapOrder(Map<String, Integer> askedBy) {
        return askedBy.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .flatMap(e -> SnapshotFields.byPath(e.getKey()).map(f -> new AskedField(f, e.getValue())).stream())
                .toList();
    }

    /** How many rules read each snapshot field, from the rules' own text. */
    static Map<String, Integer> askedBy(Map<String, RuleInfo> rules) {
        Map<String, Integer> counts = new TreeMap<>();
        rules.values().forEach(rule -> rule.asks().forEach(field -> counts.merge(field, 1, Integer::sum)));
        return counts;
    }

    public int ruleCount() {
        return rules.size();
    }
}

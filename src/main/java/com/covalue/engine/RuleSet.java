package com.covalue.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;

/**
 * A compiled, checked, immutable rule set: the Drools knowledge base plus the catalogue and
 * priority policy it was built with. Safe to share between threads; a reload builds a new one.
 *
 * @param revision content hash of every file in the rules folder
 * @param files    the files it was built from, relative to the folder, sorted
 */
public record RuleSet(
        String revision,
        KieBase kieBase,
        Catalogue catalogue,
        PriorityPolicy priority,
        Map<String, RuleInfo> rules,
        List<String> files,
        Instant compiledAt) {

    public RuleSet {
        Objects.requireNonNull(revision, "revision == null");
        Objects.requireNonNull(kieBase, "kieBase == null");
        rules = Map.copyOf(rules);
        files = List.copyOf(files);
    }

    public int ruleCount() {
        return rules.size();
    }
}

package com.covalue.app;

import com.covalue.model.Factor;
import com.covalue.model.Owner;
import com.covalue.ruleset.CatalogueEntry;
import com.covalue.ruleset.Practice;
import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The active rule set as a governance lead reads it: per factor, its practices, the catalogue
 * entries serving each practice, and the rules that recommend each entry with file, line and
 * source. Read only: built from the compiled rule set, never from anything sent over HTTP.
 *
 * @param lastReload the last load attempt, with its errors when it was refused (null before any)
 */
public record RulesOverview(String revision, int ruleCount, Instant loadedAt, ReloadOutcome lastReload, List<FactorRules> factors) {

    /** One factor: its practices, and the catalogue entries of the factor that serve no listed practice. */
    public record FactorRules(Factor factor, List<PracticeRules> practices, List<EntryRules> otherEntries) {
    }

    /** A practice and the catalogue entries that serve it. */
    public record PracticeRules(String id, String statement, String kind, List<EntryRules> entries) {
    }

    /** A catalogue entry and the rules that recommend it. */
    public record EntryRules(String id, String title, Owner owner, String source, List<RuleRef> rules) {
    }

    /** Where a rule is written and the research it cites. */
    public record RuleRef(String name, String file, int line, String source) {
    }

    static RulesOverview of(RuleSet rules, ReloadOutcome lastReload) {
        List<FactorRules> factors = new ArrayList<>();
        List<CatalogueEntry> entries = new ArrayList<>(rules.catalogue().entries().values());
        for (Factor factor : Factor.values()) {
            List<PracticeRules> practices = new ArrayList<>();
            for (Practice p : rules.practices().of(factor)) {
                List<EntryRules> serving = entries.stream().filter(e -> e.practices().contains(p.id()))
                        .map(e -> entry(e, rules)).toList();
                practices.add(new PracticeRules(p.id(), p.statement(), p.kind().name().toLowerCase(), serving));
            }
            List<EntryRules> other = entries.stream().filter(e -> e.factor() == factor && e.practices().isEmpty())
                    .map(e -> entry(e, rules)).toList();
            factors.add(new FactorRules(factor, practices, other));
        }
        return new RulesOverview(rules.revision(), rules.ruleCount(), rules.compiledAt(), lastReload, factors);
    }

    private static EntryRules entry(CatalogueEntry e, RuleSet rules) {
        List<RuleRef> recommending = rules.rules().values().stream().filter(r -> r.recommends().contains(e.id()))
                .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                .map(r -> new RuleRef(r.name(), r.file(), r.line(), r.source()))
                .toList();
        return new EntryRules(e.id(), e.title(), e.owner(), e.source(), recommending);
    }
}

package com.covalue.ruleset;

import com.covalue.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Reads each rule's text for what Drools does not check, one named piece per job: its cited
 * source ({@link SourceCitation}), the safe rule language ({@link SafeLanguage}: only the facts, the
 * advice global and a few helpers; names and comparisons that cannot work), the catalogue ids it
 * recommends ({@link CatalogueReferences}),
 * what its conditions may not say ({@link SafeConditions}), and which snapshot fields they read
 * ({@link FieldsRead}, for data gaps).
 */
final class RuleTextChecker {

    /**
     * The version of these checks, part of the compiled-rules cache's key (see {@link BuildInfo}):
     * a rule set compiled under older, laxer checks is never read back as if it had passed these.
     * Raise it whenever a check is added or tightened.
     */
    static final String VERSION = "2 (safe rule language)";

    private final CatalogueReferences catalogueReferences;
    private final KnownNames names;
    private final List<Problem> problems;

    /** @param names the ids the YAML files define; a set is null when its file could not be read */
    RuleTextChecker(Catalogue catalogue, KnownNames names, List<Problem> problems) {
        this.catalogueReferences = new CatalogueReferences(names.recommendations() == null ? null : catalogue);
        this.names = names;
        this.problems = problems;
    }

    /** The rules of one parsed file; problems go to the shared list. Syntax errors are left to Drools. */
    List<RuleInfo> check(ParsedDrl drl) {
        if (drl.descr() == null) {
            return List.of();
        }
        SafeLanguage.check(drl, names, problems);
        List<RuleInfo> rules = new ArrayList<>();
        for (RuleDescr rule : drl.descr().getRules()) {
            String source = SourceCitation.of(drl.file(), rule, problems);
            Set<String> recommends = catalogueReferences.of(drl, rule, problems);
            SafeConditions.check(drl.file(), rule, problems);
            Set<String> asks = new TreeSet<>();
            for (PatternDescr pattern : Patterns.of(rule)) {
                asks.addAll(FieldsRead.of(pattern));
            }
            rules.add(new RuleInfo(rule.getName(), drl.file(), rule.getLine(), source, asks, recommends));
        }
        return rules;
    }
}

package com.covalue.advice;

import com.covalue.facts.AdviceCollector;
import com.covalue.facts.FiringLog;
import com.covalue.model.Verdict;
import com.covalue.ruleset.Catalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.InitialFact;

/**
 * What the rules said during one evaluation: the {@link AdviceCollector} behind the global
 * {@code advice} and the {@link FiringLog} each consequence first reports to, plus what the
 * advisor reads back. One instance per evaluation; not thread-safe, as a Drools session fires on
 * one thread.
 */
final class Findings implements AdviceCollector, FiringLog {

    /** Everything the rules said about one recommendation id. */
    static final class Finding {
        double severity;
        final Set<String> reasons = new LinkedHashSet<>();
        final Set<String> rules = new LinkedHashSet<>();
        /** The first firing of each rule, for {@code explain} (only kept when it was asked for). */
        final List<Firing> firings = new ArrayList<>();
        /** Every fact any firing matched (a rule firing once per practice matches one answer each time), for evidence. */
        final List<Object> matched = new ArrayList<>();
        /** The practices the rules named for it (recommendPractice / recommendAgreement), in order. */
        final Set<String> practices = new LinkedHashSet<>();
    }

    /** One rule firing, with the facts it matched (kept for {@code explain}). */
    record Firing(String rule, List<Object> matched) {
    }

    private final Catalogue catalogue;
    private final boolean explain;
    private final Map<String, Finding> byId = new LinkedHashMap<>();
    private final Map<Verdict, Set<String>> verdicts = new LinkedHashMap<>();
    private final Set<String> conditions = new LinkedHashSet<>();
    private final Set<String> rulesFired = new LinkedHashSet<>();
    private String currentRule;
    private List<Object> currentMatch = List.of();

    /** @param explain whether each rule's first firing is kept for {@code explain} */
    Findings(Catalogue catalogue, boolean explain) {
        this.catalogue = catalogue;
        this.explain = explain;
    }

    /** Called as each rule fires, before its consequence says anything, so consequences need not name their own rule. */
    @Override
    public void fired(String rule, List<Object> matched) {
        // a rule that starts with 'not' or 'exists' also matches Drools' internal InitialFact,
        // which is no fact of the snapshot and cannot be written as JSON
        for (Object o : matched) {
            if (o instanceof InitialFact) {
                matched = matched.stream().filter(m -> !(m instanceof InitialFact)).toList();
                break;
            }
        }
        currentRule = rule;
        currentMatch = matched;
        rulesFired.add(rule);
    }

    @Override
    public void recommend(String id, double severity, String reason) {
        Finding f = byId.computeIfAbsent(id, k -> new Finding());
        f.severity = Math.max(f.severity, Math.max(0.0, Math.min(1.0, severity)));
        f.reasons.add(reason);
        f.matched.addAll(currentMatch);
        if (currentRule != null && f.rules.add(currentRule) && explain) {
            f.firings.add(new Firing(currentRule, currentMatch));
        }
    }

    @Override
    public void recommendPractice(String practice, double severity, String reason) {
        recommendFor(catalogue.servingPractice(practice), practice, severity, reason);
    }

    @Override
    public void recommendAgreement(String practice, double severity, String reason) {
        recommendFor(catalogue.agreeingOnPractice(practice), practice, severity, reason);
    }

    private void recommendFor(Optional<String> id, String practice, double severity, String reason) {
        String entry = id.orElseThrow(() -> new IllegalStateException("no catalogue entry serves practice " + practice
                + ": give one a 'practices: [" + practice + "]' key in catalogue.yaml"));
        recommend(entry, severity, reason);
        byId.get(entry).practices.add(practice);
    }

    @Override
    public void verdict(Verdict verdict, String reason) {
        verdicts.computeIfAbsent(verdict, k -> new LinkedHashSet<>()).add(reason);
    }

    @Override
    public void condition(String id) {
        conditions.add(id);
    }

    Map<String, Finding> byId() {
        return byId;
    }

    Map<Verdict, Set<String>> verdicts() {
        return verdicts;
    }

    Set<String> conditions() {
        return conditions;
    }

    /** The rule that fired last, or null before any has. */
    String lastRuleFired() {
        return currentRule;
    }

    Set<String> rulesFired() {
        return rulesFired;
    }
}

package com.covalue.properties;

import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Advice.FactorHealth;
import com.covalue.model.Advice.Recommendation;
import com.covalue.model.Factor;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.covalue.properties.Violation.Culprit;
import com.covalue.ruleset.RuleInfo;
import com.covalue.ruleset.RuleSet;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the contract's properties 2, 3, 5, 6 and 7 on a rule set, using scenarios as starting
 * points: each scenario as it is (5, 6, 7), each one-fact improvement of it ({@link Improvements}:
 * 2, and 5-7 again on the changed snapshot), and its renewal moved nearer step by step (3). A
 * violation names the rules that fired to produce the offending advice.
 *
 * <p>This is what {@code covalue verify} and every reload of the service run, so a rule that
 * breaks a promise is caught where it is written, not by a test suite nobody runs on a rules edit.
 * One checker may run several checks, one after another or at once.
 */
public final class PropertyChecker {

    /** How much nearer the renewal moves, in days, for property 3 (each step from the one before). */
    static final int[] DAYS_NEARER = {30, 90, 180, 300};

    /** One starting point: a scenario's snapshot as version 2 JSON, and its previous snapshot (or null). */
    public record Case(String name, ObjectNode snapshot, Snapshot previous) {
        public Case {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(snapshot, "snapshot == null");
        }
    }

    /**
     * Which improvements of each scenario are checked: all of them, or every improvement of a
     * {@code focus} field plus a fixed number of the others, chosen the same way every time (by a
     * hash of the scenario and the field), so a reload stays fast and a result can be repeated.
     *
     * @param maxOthersPerCase improvements of fields outside {@code focus} checked per scenario
     * @param focus            fields whose improvements are all checked (e.g. those the edited rules read)
     * @param nearerRenewal    whether property 3 is checked (four nearer renewal dates per scenario)
     */
    public record Sampling(int maxOthersPerCase, Set<String> focus, boolean nearerRenewal) {
        public static final Sampling ALL = new Sampling(Integer.MAX_VALUE, Set.of(), true);

        public Sampling {
            if (maxOthersPerCase < 0) {
                throw new IllegalArgumentException("maxOthersPerCase < 0");
            }
            focus = Set.copyOf(focus);
        }

        public Sampling(int maxOthersPerCase, Set<String> focus) {
            this(maxOthersPerCase, focus, true);
        }

        List<Variant> choose(String caseName, List<Variant> variants) {
            if (variants.size() <= maxOthersPerCase) {
                return variants;
            }
            Set<Variant> chosen = variants.stream()
                    .filter(v -> !focus.contains(v.path()))
                    .sorted(Comparator.comparingInt((Variant v) -> mix((caseName + "|" + v.path()).hashCode()))
                            .thenComparing(Variant::path))
                    .limit(maxOthersPerCase)
                    .collect(Collectors.toSet());
            return variants.stream().filter(v -> focus.contains(v.path()) || chosen.contains(v)).toList();
        }

        /** Spreads a string hash so that neighbouring paths do not sort together. */
        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            return h;
        }
    }

    /**
     * What a check found.
     *
     * @param checked     the scenarios checked (by name), in order; a scenario that could not be read is left out
     * @param evaluations how many snapshots were advised on
     * @param millis      how long the check took
     */
    public record Report(List<String> checked, List<Violation> violations, int evaluations, long millis) {
        public Report {
            checked = List.copyOf(checked);
            violations = List.copyOf(violations);
        }

        /** The violations of one property on one scenario (what a JUnit test case reports). */
        public List<Violation> of(String scenario, Property property) {
            return violations.stream().filter(v -> v.scenario().equals(scenario) && v.property() == property).toList();
        }

        /**
         * The violations as load errors: one per rule and property (the first case found, with how
         * many more there are), so one bad rule does not bury the others under a hundred lines.
         */
        public List<com.covalue.model.Problem> problems() {
            Map<String, List<Violation>> byRule = violations.stream().collect(Collectors.groupingBy(
                    v -> v.property() + "|" + v.culprits(), java.util.LinkedHashMap::new, Collectors.toList()));
            return byRule.values().stream().map(same -> {
                var first = same.get(0).problem();
                int more = same.size() - 1;
                return more == 0 ? first : com.covalue.model.Problem.atLine(first.file(), first.line(),
                        first.message() + " (and " + more + " more " + (more == 1 ? "case" : "cases") + " like it)");
            }).toList();
        }
    }

    private final SnapshotReader reader;
    private final Advisor advisor = new Advisor();
    /** Runs the scenarios' checks, one task per scenario; null: one after the other on the calling thread. */
    private final Executor executor;

    /** @param reader reads the changed snapshots; its clock says which assessment dates are in the future */
    public PropertyChecker(SnapshotReader reader) {
        this(reader, null);
    }

    /**
     * @param executor runs each scenario's checks as a task, so that scenarios are checked on
     *                 several cores at once; the report is the same as one thread's, in the same order
     */
    public PropertyChecker(SnapshotReader reader, Executor executor) {
        this.reader = reader;
        this.executor = executor;
    }

    public Report check(RuleSet rules, List<Case> cases, Sampling sampling) {
        return check(rules, new CheckedSnapshots(cases, rules.practices(), reader), sampling);
    }

    /**
     * Checks on snapshots read before, by an earlier check or for it; the result is the same as
     * {@link #check(RuleSet, List, Sampling)}'s on their cases.
     *
     * @throws IllegalArgumentException when they were read for another practice list or day
     */
    public Report check(RuleSet rules, CheckedSnapshots snapshots, Sampling sampling) {
        if (!snapshots.fits(rules.practices(), reader)) {
            throw new IllegalArgumentException("the snapshots were read for another practice list or day");
        }
        long start = System.nanoTime();
        List<CaseResult> results = new ArrayList<>();
        if (executor == null) {
            snapshots.cases().forEach(c -> results.add(check(rules, c, sampling)));
        } else {
            List<CompletableFuture<CaseResult>> tasks = snapshots.cases().stream()
                    .map(c -> CompletableFuture.supplyAsync(() -> check(rules, c, sampling), executor)).toList();
            for (CompletableFuture<CaseResult> task : tasks) {
                results.add(joinUnwrapped(task)); // in order: the first scenario that fails is the one reported, as on one thread
            }
        }
        List<String> checked = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        int evaluations = 0;
        for (CaseResult r : results) {
            if (r.checked()) {
                checked.add(r.name());
            }
            violations.addAll(r.violations());
            evaluations += r.evaluations();
        }
        return new Report(checked, violations, evaluations, (System.nanoTime() - start) / 1_000_000);
    }

    /** What one scenario's checks found; not checked when its own snapshot cannot be read. */
    private record CaseResult(String name, boolean checked, List<Violation> violations, int evaluations) {
    }

    private CaseResult check(RuleSet rules, CheckedSnapshots.Prepared prepared, Sampling sampling) {
        Case c = prepared.source();
        Snapshot base = prepared.base();
        if (base == null) {
            return new CaseResult(c.name(), false, List.of(), 0); // the scenario run reports a snapshot that cannot be read
        }
        List<Violation> violations = new ArrayList<>();
        int evaluations = 1;
        Advisor.Result before = evaluate(rules, base, c, null);
        violations.addAll(new Judge(rules, c.name(), null).onItsOwn(base, before));
        for (Variant variant : sampling.choose(c.name(), prepared.improvements())) {
            Snapshot better = prepared.with(variant);
            if (better == null) {
                continue; // not a valid snapshot, e.g. promises kept now above promises due
            }
            evaluations++;
            Advisor.Result after = evaluate(rules, better, c, variant);
            Judge judge = new Judge(rules, c.name(), variant);
            violations.addAll(judge.betterNeverLooksWorse(before, after));
            violations.addAll(judge.onItsOwn(better, after));
        }
        if (sampling.nearerRenewal()) {
            // Property 3: the renewal moved nearer step by step never lowers a priority, nor drops a recommendation.
            Advisor.Result far = before;
            for (CheckedSnapshots.Step step : prepared.nearerRenewal()) {
                evaluations++;
                Advisor.Result near = evaluate(rules, step.snapshot(), c, step.variant());
                violations.addAll(new Judge(rules, c.name(), step.variant()).nearerNeverCalmer(far, near));
                far = near;
            }
        }
        return new CaseResult(c.name(), true, violations, evaluations);
    }

    /** The task's result, or what it threw, as it threw it (not wrapped), so callers see what one thread would. */
    private static <T> T joinUnwrapped(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Advisor.Result evaluate(RuleSet rules, Snapshot snapshot, Case c, Variant variant) {
        try {
            return advisor.evaluate(rules, snapshot, new Advisor.Options(false, c.previous()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the rules fail on scenario " + c.name()
                    + (variant == null ? "" : " when " + variant.describe()) + ": " + e.getMessage(), e);
        }
    }

    /** The checks on one scenario, or one change to it; every violation it finds carries both. */
    private static final class Judge {
        private final RuleSet rules;
        private final String scenario;
        private final Variant variant;

        Judge(RuleSet rules, String scenario, Variant variant) {
            this.rules = rules;
            this.scenario = scenario;
            this.variant = variant;
        }

        private Violation violation(Property p, String what, Collection<Culprit> culprits) {
            return new Violation(p, scenario, variant, what, List.copyOf(culprits));
        }

        // ---- property 2 ----

        List<Violation> betterNeverLooksWorse(Advisor.Result before, Advisor.Result after) {
            List<Violation> out = new ArrayList<>();
            Advice a0 = before.advice();
            Advice a1 = after.advice();
            Set<String> newlyFired = newlyFired(before, after);
            Factor factor = variant.factor();
            if (factor != null) {
                Integer h0 = score(a0, factor);
                Integer h1 = score(a1, factor);
                if (h0 != null && h1 != null && h1 < h0) {
                    out.add(violation(Property.BETTER_NEVER_LOOKS_WORSE, factor.key() + " health fell from " + h0 + " to " + h1
                            + "; health is scored by the health: section", List.of(HEALTH_POLICY)));
                }
                int p0 = highestPriority(a0, factor);
                int p1 = highestPriority(a1, factor);
                if (p1 > p0) {
                    List<Recommendation> raised = a1.recommendations().stream()
                            .filter(r -> r.factor() == factor && r.priority().score() == p1).toList();
                    out.add(violation(Property.BETTER_NEVER_LOOKS_WORSE, "the highest " + factor.key()
                            + " priority rose from " + p0 + " to " + p1 + " (" + ids(raised) + ": "
                            + raised.get(0).because().stream().collect(Collectors.joining("; ")) + ")",
                            culprits(raised.stream().flatMap(r -> r.rules().stream()).toList(), newlyFired)));
                }
            }
            Integer o0 = a0.health().overall();
            Integer o1 = a1.health().overall();
            if (o0 != null && o1 != null && o1 < o0) {
                out.add(violation(Property.BETTER_NEVER_LOOKS_WORSE, "overall health fell from " + o0 + " to " + o1
                        + "; health is scored by the health: section", List.of(HEALTH_POLICY)));
            }
            if (a0.renewal() != null && a1.renewal() != null && a1.renewal().verdict().worseThan(a0.renewal().verdict())) {
                out.add(violation(Property.BETTER_NEVER_LOOKS_WORSE, "the renewal verdict worsened from "
                        + a0.renewal().verdict() + " to " + a1.renewal().verdict() + " ("
                        + String.join("; ", a1.renewal().reasons()) + ")", verdictCulprits(newlyFired)));
            }
            return out;
        }

        // ---- property 3 ----

        List<Violation> nearerNeverCalmer(Advisor.Result far, Advisor.Result near) {
            List<Violation> out = new ArrayList<>();
            Map<String, Recommendation> nearById = near.advice().recommendations().stream()
                    .collect(Collectors.toMap(Recommendation::id, Function.identity()));
            Set<String> stopped = new HashSet<>(far.rulesFired());
            stopped.removeAll(near.rulesFired());
            for (Recommendation r : far.advice().recommendations()) {
                Recommendation now = nearById.get(r.id());
                if (now == null) {
                    out.add(violation(Property.NEARER_RENEWAL_NEVER_CALMER, r.id() + " (priority " + r.priority().score()
                            + ") is no longer recommended", culprits(r.rules(), stopped)));
                } else if (now.priority().score() < r.priority().score()) {
                    out.add(violation(Property.NEARER_RENEWAL_NEVER_CALMER, "the priority of " + r.id() + " fell from "
                            + r.priority().score() + " to " + now.priority().score(), culprits(now.rules(), Set.of())));
                }
            }
            if (far.advice().renewal() != null && near.advice().renewal() != null
                    && far.advice().renewal().verdict().worseThan(near.advice().renewal().verdict())) {
                out.add(violation(Property.NEARER_RENEWAL_NEVER_CALMER, "the renewal verdict eased from "
                        + far.advice().renewal().verdict() + " to " + near.advice().renewal().verdict(),
                        verdictCulprits(newlyFired(near, far))));
            }
            return out;
        }

        // ---- properties 5, 6 and 7: on any one snapshot ----

        List<Violation> onItsOwn(Snapshot snapshot, Advisor.Result result) {
            List<Violation> out = new ArrayList<>();
            noWatermelon(snapshot, result.advice(), out);
            neverContradictsTheFacts(snapshot, result.advice(), out);
            focus(result.advice(), out);
            return out;
        }

        private void noWatermelon(Snapshot s, Advice advice, List<Violation> out) {
            int clientLow = 0;
            for (Factor f : Factor.values()) {
                Integer client = s.views().client().ratings().of(f);
                Integer supplier = s.views().supplier().ratings().of(f);
                boolean low = (client != null && client <= 2) || (supplier != null && supplier <= 2);
                if (client != null && client <= 2) {
                    clientLow++;
                }
                Integer score = score(advice, f);
                if (low && score != null && score >= 50) {
                    out.add(violation(Property.NO_WATERMELON, "a side rates " + f.key() + " 2 or lower, yet its health is "
                            + score + " (it must stay below 50)", List.of(HEALTH_POLICY)));
                }
            }
            if (clientLow >= 4) {
                Integer overall = advice.health().overall();
                if (overall != null && overall >= 50) {
                    out.add(violation(Property.NO_WATERMELON, "the client rates " + clientLow
                            + " factors 2 or lower, yet overall health is " + overall + " (it must stay below 50)",
                            List.of(HEALTH_POLICY)));
                }
                if (advice.renewal() != null && Verdict.REMEDIATE_BEFORE_RENEWAL.worseThan(advice.renewal().verdict())) {
                    out.add(violation(Property.NO_WATERMELON, "the client rates " + clientLow
                            + " factors 2 or lower, yet the verdict is " + advice.renewal().verdict()
                            + " (it must be at least REMEDIATE_BEFORE_RENEWAL); no renewal rule held it back", List.of()));
                }
            }
        }

        /**
         * Property 6: a recommendation contradicts the facts when everything it rests on shows one
         * of its own practices in place: a fact that {@code practices.yaml} lists for the practice
         * at its best value (true, frequent enough, ...), or both sides answering YES. Evidence
         * beyond that (escalations still open, commitments missed) is the "in place but not
         * working" case, which the contract allows when the advice says so.
         */
        private void neverContradictsTheFacts(Snapshot s, Advice advice, List<Violation> out) {
            for (Recommendation r : advice.recommendations()) {
                List<String> evidence = r.evidence().stream().filter(path -> !path.startsWith("relationship.")).toList();
                if (evidence.isEmpty() || r.practices().isEmpty()) {
                    continue;
                }
                Map<String, String> inPlace = new java.util.LinkedHashMap<>(); // evidence path -> what it shows
                for (String id : r.practices()) {
                    rules.practices().find(id).ifPresent(p -> {
                        for (var fact : p.facts()) {
                            Object value = fact.value().apply(s);
                            if (showsInPlace(fact, value)) {
                                inPlace.put(fact.path(), fact.path() + " is " + words(value));
                            }
                        }
                        var client = s.views().client().answer(id);
                        var supplier = s.views().supplier().answer(id);
                        if (client == com.covalue.model.PracticeAnswer.YES && supplier == com.covalue.model.PracticeAnswer.YES) {
                            inPlace.put("views.client.practices." + id, "both sides answer YES to " + id);
                            inPlace.put("views.supplier.practices." + id, "both sides answer YES to " + id);
                        }
                    });
                }
                if (inPlace.keySet().containsAll(evidence)) {
                    Set<String> shown = evidence.stream().map(inPlace::get).collect(Collectors.toCollection(LinkedHashSet::new));
                    List<String> reading = r.rules().stream().filter(name -> {
                        RuleInfo info = rules.rules().get(name);
                        return info != null && info.asks().stream().anyMatch(evidence::contains);
                    }).toList();
                    out.add(violation(Property.ADVICE_NEVER_CONTRADICTS_THE_FACTS, r.id() + " asks for "
                            + String.join(", ", r.practices()) + " (\"" + r.title() + "\"), yet " + String.join(" and ", shown)
                            + ", and the advice rests on nothing else", culprits(reading.isEmpty() ? r.rules() : reading, Set.of())));
                }
            }
        }

        private void focus(Advice advice, List<Violation> out) {
            int n = advice.focus().size();
            if (!advice.recommendations().isEmpty() && (n < 1 || n > 5)) {
                out.add(violation(Property.FOCUS, "focus has " + n + " entries; it must have 1 to 5", List.of()));
            }
            if (advice.renewal() != null && advice.renewal().conditions().size() > 5) {
                out.add(violation(Property.FOCUS, "the renewal has " + advice.renewal().conditions().size()
                        + " conditions; at most 5 are allowed", List.of()));
            }
        }

        // ---- naming the rules ----

        /**
         * The rules behind offending advice: those of {@code names} that fired only after the change
         * when there are any (the change woke them), otherwise all of them (one rule's severity grew).
         */
        private List<Culprit> culprits(List<String> names, Set<String> newlyFired) {
            List<String> woken = names.stream().filter(newlyFired::contains).distinct().toList();
            return (woken.isEmpty() ? names.stream().distinct().toList() : woken).stream().map(this::culprit).toList();
        }

        /**
         * For a verdict that moved the wrong way: the rules that fired only after the change, those
         * that recommend something first (their advice is what the renewal rules judged), then
         * those that recommend nothing (the renewal rules that proposed the verdict).
         */
        private List<Culprit> verdictCulprits(Set<String> newlyFired) {
            Comparator<String> recommendersFirst = Comparator.comparing((String name) -> {
                RuleInfo info = rules.rules().get(name);
                return info == null || info.recommends().isEmpty();
            }).thenComparing(Comparator.naturalOrder());
            return newlyFired.stream().sorted(recommendersFirst).map(this::culprit).toList();
        }

        private Culprit culprit(String rule) {
            RuleInfo info = rules.rules().get(rule);
            return info == null ? new Culprit(rule, "rules", 0) : new Culprit(rule, info.file(), info.line());
        }
    }

    /**
     * A practice's fact shows it in place when it is true, or a rhythm or degree at the top of its
     * scale (weekly, full), where no recommendation can ask for more. A rhythm below the top may
     * still be less than a rule asks for, and how recent or how many is "enough" is each rule's
     * own judgement; property 2 covers those (a better value must never add advice).
     */
    private static boolean showsInPlace(com.covalue.model.SnapshotField fact, Object value) {
        if (value instanceof Boolean b) {
            return b == (fact.better() == com.covalue.model.SnapshotField.Better.HIGHER);
        }
        if (value instanceof Enum<?> e) {
            return e.ordinal() == e.getDeclaringClass().getEnumConstants().length - 1;
        }
        return false;
    }

    private static final Culprit HEALTH_POLICY = new Culprit(null, "priority.yaml", 0);

    private static Set<String> newlyFired(Advisor.Result before, Advisor.Result after) {
        Set<String> woken = new HashSet<>(after.rulesFired());
        woken.removeAll(before.rulesFired());
        return woken;
    }

    private static Integer score(Advice a, Factor f) {
        return a.health().factors().stream().filter(h -> h.factor() == f).findFirst().map(FactorHealth::score).orElse(null);
    }

    private static int highestPriority(Advice a, Factor f) {
        return a.recommendations().stream().filter(r -> r.factor() == f).mapToInt(r -> r.priority().score()).max().orElse(0);
    }

    private static String ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::id).collect(Collectors.joining(", "));
    }

    private static String words(Object value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }
}

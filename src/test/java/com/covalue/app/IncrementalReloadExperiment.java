package com.covalue.app;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.properties.CheckedSnapshots;
import com.covalue.properties.PropertyChecker;
import com.covalue.properties.ScenarioCases;
import com.covalue.ruleset.IncrementalRuleBase;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.scenario.ScenarioRunner;
import com.covalue.validation.SnapshotReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 16's reload experiment: a one-file edit reloaded (A) as the service does, a full compile
 * into a new knowledge base, its warm-up and the property gate, against (B) the same edit applied
 * in place to a second, standby knowledge base built and warmed once ({@link IncrementalRuleBase}),
 * then the same warm-up and gate on it. B keeps two knowledge bases, as a service would: one
 * serving, one standby; after the gate passes the standby serves, and the edit is replayed onto
 * the other, off the reload's critical path (timed apart as "replay").
 *
 * <p>Works on copies of {@code rules/} and {@code scenarios/} in a temporary folder. Each round
 * writes the next state of {@code trust.drl} (a condition changed, a rule added, two rules removed,
 * back to the original; each with a new comment line so every round is a new revision), runs A and
 * B in alternating order, and then compares the advice JSON of A's and B's new rule sets on every
 * scenario, with and without explanations. With {@code A} or {@code B} as the third argument,
 * only that path runs (no comparison): whether one path's presence in the JVM slows the other.
 * Prints per-step wall and process CPU (all threads,
 * JIT and GC included) for each round, and medians of the measured rounds.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     com.covalue.app.IncrementalReloadExperiment [warm-up rounds, 4] [measured rounds, 12] [AB|A|B]
 * </pre>
 */
public final class IncrementalReloadExperiment {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final String EDITED = "trust.drl";
    private static final String CONDITION_BEFORE = "Trust( $meetings : faceToFacePerQuarter < 3 )";
    private static final String CONDITION_AFTER = "Trust( $meetings : faceToFacePerQuarter < 4 )";
    private static final String ADDED_RULE = """

            rule "Expectations are unwritten and no crisis plan is tested"
                @source("study 4.2.3")
            when
                Trust( expectationsDocumented == false, crisisPlan == false )
            then
                advice.recommend("TRUST-CRISIS-SUPPORT", 0.55, "nothing is written down and no crisis plan is tested");
            end
            """;
    private static final String REMOVED_RULE = "rule \"Trust is rated low while leads seldom meet in person\"";

    /** Wall and CPU milliseconds of each step in each round, and 1 if the round is measured, by step name. */
    private final Map<String, List<long[]>> steps = new LinkedHashMap<>();
    /** How many evaluations the last control gate made. */
    private int evaluations;
    private final Advisor advisor = new Advisor(java.time.Duration.ofSeconds(30));
    private final SnapshotReader reader = new SnapshotReader(TestSupport.CLOCK);

    public static void main(String[] args) throws Exception {
        int warmUps = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        String paths = args.length > 2 ? args[2] : "AB";
        require(paths.equals("AB") || paths.equals("A") || paths.equals("B"), "paths: AB, A or B");
        Path dir = Files.createTempDirectory("covalue-incremental-");
        boolean same;
        try {
            same = new IncrementalReloadExperiment().run(dir, warmUps, measured, paths.contains("A"), paths.contains("B"));
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        System.exit(same ? 0 : 1); // exits although Drools may leave threads running
    }

    /**
     * @param runA whether to reload each edit as the service does (A)
     * @param runB whether to reload each edit in place on the standby (B); advice is compared only with both
     * @return whether A and B gave the same advice every time
     */
    private boolean run(Path dir, int warmUps, int measured, boolean runA, boolean runB) throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        Path scenarios = TestSupport.copyTree(TestSupport.SCENARIOS, dir.resolve("scenarios"));
        String original = Files.readString(rules.resolve(EDITED));
        require(original.contains(CONDITION_BEFORE) && original.contains(REMOVED_RULE), "trust.drl no longer has the edited rules");

        // A: the service's path, with its compiler's per-file memory and the compiled-rules cache off
        RuleSetCompiler compilerA = new RuleSetCompiler(TestSupport.CLOCK);
        RuleSetWarmUp warmA = new RuleSetWarmUp();
        PropertyGate gateA = PropertyGate.beside(rules, TestSupport.CLOCK);
        RuleSet a = compilerA.compile(rules);
        warmA.warm(a);
        gateA.check(a);

        // B: two knowledge bases from the same files, each compiled once; the standby warmed and
        // gated, the serving one warmed and given the scenarios as traffic
        long heapBefore = heapAfterGc();
        RuleSet standby = new RuleSetCompiler(TestSupport.CLOCK).compile(rules);
        RuleSet serving = new RuleSetCompiler(TestSupport.CLOCK).compile(rules);
        long heapPerKieBase = (heapAfterGc() - heapBefore) / 2;
        IncrementalRuleBase incremental = new IncrementalRuleBase(rules, standby);
        RuleSetWarmUp warmB = new RuleSetWarmUp();
        PropertyGate gateB = PropertyGate.beside(rules, TestSupport.CLOCK);
        warmB.warm(standby);
        gateB.check(standby);
        warmB.warm(serving);
        List<Case> cases = cases(scenarios);
        require(compare(a, serving, cases) == 0, "the two starting rule sets differ");

        PropertyChecker checker = new PropertyChecker(reader, java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "control-gate");
                    t.setDaemon(true);
                    return t;
                }));
        CheckedSnapshots snapshots = new CheckedSnapshots(ScenarioCases.under(scenarios, reader, name -> true), a.practices(), reader);
        int mismatches = 0;
        int comparisons = 0;
        double loadMin = Double.MAX_VALUE;
        double loadMax = 0;
        for (int round = 0; round < warmUps + measured; round++) {
            boolean counted = round >= warmUps;
            Files.writeString(rules.resolve(EDITED), state(original, round), StandardCharsets.UTF_8);
            double load = loadAverage();
            RuleSet newA = null;
            RuleSet newB = null;
            for (int turn = 0; turn < 2; turn++) {
                boolean aFirst = round % 2 == 0;
                if ((turn == 0) == aFirst) {
                    if (!runA) {
                        continue;
                    }
                    long[] t0 = now();
                    RuleSet compiled = compilerA.compile(rules, a);
                    long[] t1 = now();
                    warmA.warm(compiled);
                    long[] t2 = now();
                    gateA.check(compiled);
                    long[] t3 = now();
                    record(counted, "A compile", t0, t1);
                    record(counted, "A warm-up", t1, t2);
                    record(counted, "A gate", t2, t3);
                    record(counted, "A reload", t0, t3);
                    newA = compiled;
                } else {
                    if (!runB) {
                        continue;
                    }
                    long[] t0 = now();
                    IncrementalRuleBase.Edit edit = incremental.prepare(rules);
                    long[] t1 = now();
                    RuleSet updated = IncrementalRuleBase.apply(edit, standby);
                    long[] t2 = now();
                    warmB.warm(updated);
                    long[] t3 = now();
                    gateB.check(updated);
                    long[] t4 = now();
                    // the updated standby serves; the edit is replayed onto the one that served
                    RuleSet replayed = IncrementalRuleBase.apply(edit, serving);
                    long[] t5 = now();
                    record(counted, "B check+compile file", t0, t1);
                    record(counted, "B update in place", t1, t2);
                    record(counted, "B warm-up", t2, t3);
                    record(counted, "B gate", t3, t4);
                    record(counted, "B reload", t0, t4);
                    record(counted, "B replay (after swap)", t4, t5);
                    serving = updated;
                    standby = replayed;
                    newB = updated;
                }
            }
            load = Math.max(load, loadAverage());
            if (counted) {
                loadMin = Math.min(loadMin, load);
                loadMax = Math.max(loadMax, load);
            }
            if (!(runA && runB)) {
                // one path alone (to see whether the other's presence in the JVM slows it): no comparison
                if (runA) {
                    a = newA;
                    gateAgain(counted, "A gate again (control)", a, checker, snapshots);
                } else {
                    gateAgain(counted, "B gate again (control)", newB, checker, snapshots);
                }
                System.out.printf("round %2d (%s, load %.1f): %s%n", round, describe(round), load,
                        last(runA ? "A reload" : "B reload"));
                continue;
            }
            a = newA;
            // Controls, outside both reloads: the gate's evaluations once more on each new rule set,
            // now that the gate has run on it once, to tell a fresh knowledge base's cost from the gate's own
            gateAgain(counted, "A gate again (control)", a, checker, snapshots);
            gateAgain(counted, "B gate again (control)", newB, checker, snapshots);
            int differ = compare(a, newB, cases);
            comparisons += 2 * cases.size();
            mismatches += differ;
            System.out.printf("round %2d (%s, %s first, load %.1f): A %s, B %s; advice differs on %d of %d%n", round,
                    describe(round), round % 2 == 0 ? "A" : "B", load, last("A reload"), last("B reload"), differ,
                    2 * cases.size());
        }
        System.out.printf("%nmedians of %d measured rounds (after %d warm-up rounds), load average %.1f-%.1f:%n", measured, warmUps,
                loadMin, loadMax);
        System.out.printf("%-24s %10s %10s%n", "step", "wall ms", "CPU ms");
        steps.forEach((step, values) -> System.out.printf("%-24s %10d %10d%n", step, median(values, 0), median(values, 1)));
        System.out.printf("the control gates made %d evaluations each%n", evaluations);
        var classes = ManagementFactory.getClassLoadingMXBean();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
        System.out.printf("heap held by one rule set (its knowledge base mostly) %.1f MB; at the end: heap after GC %.1f MB,"
                + " metaspace %.1f MB, classes loaded %d, unloaded %d%n", heapPerKieBase / 1e6, heapAfterGc() / 1e6, metaspace / 1e6,
                classes.getLoadedClassCount(), classes.getUnloadedClassCount());
        if (runA && runB) {
            System.out.printf("advice compared %d times (every scenario, with and without explanations, each round): %d differ%n",
                    comparisons, mismatches);
        }
        return mismatches == 0;
    }

    /**
     * The evaluations a reload's gate makes after an edit to trust.drl (every improvement of the
     * fields its rules read, {@link PropertyGate#VARIANTS_PER_SCENARIO} others per scenario), timed.
     */
    private void gateAgain(boolean counted, String step, RuleSet rules, PropertyChecker checker, CheckedSnapshots snapshots) {
        java.util.Set<String> focus = new java.util.TreeSet<>();
        rules.rules().values().stream().filter(rule -> rule.file().equals(EDITED)).forEach(rule -> focus.addAll(rule.asks()));
        long[] t0 = now();
        PropertyChecker.Report report = checker.check(rules, snapshots, new PropertyChecker.Sampling(PropertyGate.VARIANTS_PER_SCENARIO,
                focus));
        long[] t1 = now();
        require(report.violations().isEmpty(), step + ": " + report.problems());
        record(counted, step, t0, t1);
        evaluations = report.evaluations();
    }

    /** The text of trust.drl in a round: original, condition changed, condition changed and a rule added, two rules removed. */
    private static String state(String original, int round) {
        String text = switch (round % 4) {
            case 0 -> original;
            case 1 -> original.replaceFirst(java.util.regex.Pattern.quote(CONDITION_BEFORE), java.util.regex.Matcher.quoteReplacement(CONDITION_AFTER));
            case 2 -> original.replaceFirst(java.util.regex.Pattern.quote(CONDITION_BEFORE), java.util.regex.Matcher.quoteReplacement(CONDITION_AFTER)) + ADDED_RULE;
            default -> withoutRule(original, REMOVED_RULE);
        };
        return text + "\n// edit " + round + "\n";
    }

    private static String describe(int round) {
        return switch (round % 4) {
            case 0 -> "back to the original, rule re-added";
            case 1 -> "condition changed";
            case 2 -> "rule added";
            default -> "added rule and another removed";
        };
    }

    private static String withoutRule(String text, String header) {
        int from = text.indexOf(header);
        int to = text.indexOf("\nend\n", from) + "\nend\n".length();
        return text.substring(0, from) + text.substring(to);
    }

    private record Case(String name, Snapshot snapshot, Snapshot previous) {
    }

    /** Every scenario whose snapshot (and previous one) reads without a problem. */
    private List<Case> cases(Path scenarios) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Path folder : ScenarioRunner.find(scenarios)) {
            try {
                Path previous = folder.resolve(ScenarioRunner.PREVIOUS);
                cases.add(new Case(ScenarioRunner.nameOf(scenarios, folder),
                        reader.read(Files.readString(folder.resolve(ScenarioRunner.SNAPSHOT))),
                        Files.exists(previous) ? reader.read(Files.readString(previous)) : null));
            } catch (RuntimeException e) {
                System.out.println("skipped scenario " + folder + ": " + e.getMessage());
            }
        }
        require(cases.size() >= 25, "fewer scenarios than expected: " + cases.size());
        return cases;
    }

    /** How many of the scenarios' advice (with and without explanations) differ between the two rule sets; prints each. */
    private int compare(RuleSet one, RuleSet other, List<Case> cases) throws Exception {
        int differ = 0;
        for (Case c : cases) {
            for (boolean explain : new boolean[] {false, true}) {
                Advisor.Options options = new Advisor.Options(explain, c.previous());
                String x = Json.MAPPER.writeValueAsString(advisor.evaluate(one, c.snapshot(), options).advice());
                String y = Json.MAPPER.writeValueAsString(advisor.evaluate(other, c.snapshot(), options).advice());
                if (!x.equals(y)) {
                    differ++;
                    int at = 0;
                    while (at < Math.min(x.length(), y.length()) && x.charAt(at) == y.charAt(at)) {
                        at++;
                    }
                    System.out.printf("  DIFFERS %s (explain %s) at char %d:%n    A ...%s%n    B ...%s%n", c.name(), explain, at,
                            x.substring(Math.max(0, at - 80), Math.min(x.length(), at + 120)),
                            y.substring(Math.max(0, at - 80), Math.min(y.length(), at + 120)));
                }
            }
        }
        return differ;
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), OS.getProcessCpuTime()};
    }

    private void record(boolean counted, String step, long[] from, long[] to) {
        steps.computeIfAbsent(step, s -> new ArrayList<>())
                .add(new long[] {(to[0] - from[0]) / 1_000_000, (to[1] - from[1]) / 1_000_000, counted ? 1 : 0});
    }

    private String last(String step) {
        List<long[]> values = steps.get(step);
        long[] v = values.get(values.size() - 1);
        return v[0] + " ms wall / " + v[1] + " ms CPU";
    }

    /** The median of the measured rounds' figures (wall: index 0, CPU: 1). */
    private static long median(List<long[]> values, int index) {
        long[] sorted = values.stream().filter(v -> v[2] == 1).mapToLong(v -> v[index]).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? -1 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}

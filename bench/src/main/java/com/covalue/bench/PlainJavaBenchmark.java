package com.covalue.bench;

import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seven rules of {@link TrustSubset} in plain Java on one scenario's snapshot: the rules
 * alone, without the evaluation around them. Compare with {@link EvaluationBenchmark} on the
 * {@code trust-subset} rule base less the same on the {@code empty} base (the rules' share of a
 * Drools evaluation). Before measuring, it checks that the Java rules say exactly what the DRL
 * rules say on every scenario, so the two are the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(0)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class PlainJavaBenchmark {

    @Param({"contract-example"})
    public String scenario;

    private Snapshot snapshot;

    @Setup(Level.Trial)
    public void load() {
        snapshot = EvaluationBenchmark.snapshot(scenario);
        List<Snapshot> all = RuleBases.scenarios().stream().map(EvaluationBenchmark::snapshot).toList();
        JitWarmUp.once("plain Java subset", () -> {
            for (Snapshot s : all) {
                TrustSubset.evaluate(s, new TrustSubset.Collected());
            }
        });
        sameAsDrools(all);
    }

    @Benchmark
    public TrustSubset.Collected evaluate() {
        TrustSubset.Collected out = new TrustSubset.Collected();
        TrustSubset.evaluate(snapshot, out);
        return out;
    }

    /** The Java rules recommend the same ids for the same reasons as the DRL rules on every scenario. */
    private static void sameAsDrools(List<Snapshot> all) {
        var drools = EvaluationBenchmark.ruleSet(RuleBases.TRUST_SUBSET);
        for (Snapshot s : all) {
            Advice advice = new Advisor().advise(drools, s);
            Map<String, TreeSet<String>> fromDrools = new TreeMap<>();
            advice.recommendations().forEach(r -> fromDrools.put(r.id(), new TreeSet<>(r.because())));
            TrustSubset.Collected java = new TrustSubset.Collected();
            TrustSubset.evaluate(s, java);
            Map<String, TreeSet<String>> fromJava = new TreeMap<>();
            java.reasons.forEach((id, reasons) -> fromJava.put(id, new TreeSet<>(reasons)));
            if (!fromDrools.equals(fromJava)) {
                throw new IllegalStateException("the plain-Java subset disagrees with its DRL on " + s.relationship().id()
                        + ": DRL " + fromDrools + ", Java " + fromJava);
            }
        }
    }
}

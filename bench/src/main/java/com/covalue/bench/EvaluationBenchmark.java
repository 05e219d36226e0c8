package com.covalue.bench;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.model.Advice;
import com.covalue.model.Snapshot;
import com.covalue.validation.SnapshotReader;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * One evaluation (the advisor on one parsed snapshot, rules already compiled), per scenario and
 * rule base. SampleTime gives the median the target is about.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class EvaluationBenchmark {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Param({"real"})
    public String ruleBase;

    @Param({"contract-example"})
    public String scenario;

    private RuleSet rules;
    private Snapshot snapshot;
    private final Advisor advisor = new Advisor();

    @Setup(Level.Trial)
    public void load() throws Exception {
        rules = new RuleSetCompiler(CLOCK).compile(RuleBases.folder(ruleBase));
        snapshot = new SnapshotReader(CLOCK).read(Files.readString(RuleBases.root().resolve("scenarios").resolve(scenario)
                .resolve("snapshot.json")));
    }

    @Benchmark
    public Advice evaluate() {
        return advisor.evaluate(rules, snapshot, Advisor.Options.DEFAULT).advice();
    }
}

package com.covalue.bench;

import com.covalue.advice.Advisor;
import com.covalue.model.Advice;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.validation.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
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
 *
 * <p>All scenarios of a rule base run in one JVM (no fork: {@code bench/run} starts one JVM per
 * rule base with {@code -Xmx256m}) on one compiled rule set, as a service evaluates them. Before
 * the first measurement, {@link JitWarmUp} evaluates every scenario in turn until the JIT has
 * finished (tens of seconds on two shared cores); each scenario then gets one more second of
 * warm-up of its own. Measuring after 3 x 1 s per scenario, as before, measured half-compiled
 * code (contract-example 156 µs after 3 warm-up iterations, 108 µs after 25).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(0)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class EvaluationBenchmark {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    /** Compiled once per JVM and rule base: a fresh compile would be new classes for the JIT to start over on. */
    private static final Map<String, RuleSet> RULE_SETS = new ConcurrentHashMap<>();

    @Param({"real"})
    public String ruleBase;

    @Param({"contract-example"})
    public String scenario;

    private RuleSet rules;
    private Snapshot snapshot;
    private final Advisor advisor = new Advisor();

    @Setup(Level.Trial)
    public void load() {
        rules = ruleSet(ruleBase);
        snapshot = snapshot(scenario);
        List<Snapshot> all = RuleBases.scenarios().stream().map(EvaluationBenchmark::snapshot).toList();
        JitWarmUp.once("evaluation on " + ruleBase, () -> all.forEach(s -> advisor.evaluate(rules, s, Advisor.Options.DEFAULT)));
    }

    @Benchmark
    public Advice evaluate() {
        return advisor.evaluate(rules, snapshot, Advisor.Options.DEFAULT).advice();
    }

    static RuleSet ruleSet(String base) {
        return RULE_SETS.computeIfAbsent(base, b -> b.equals(WITH_LISTENER) ? withListener(ruleSet("real"))
                : new RuleSetCompiler(CLOCK).compile(RuleBases.folder(b)));
    }

    /**
     * The real rules compiled from their text as written, without the call the rule compiler adds
     * to each consequence: the advisor then records firings with an agenda listener, as it did
     * before. For measuring the two side by side.
     */
    static final String WITH_LISTENER = "real-listener";

    private static RuleSet withListener(RuleSet real) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        try (var files = Files.list(RuleBases.root().resolve("rules"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                builder.add(ResourceFactory.newFileResource(file.toFile()), ResourceType.DRL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (builder.hasErrors()) {
            throw new IllegalStateException(builder.getErrors().toString());
        }
        return new RuleSet(real.revision(), builder.newKieBase(), real.catalogue(), real.practices(), real.priority(),
                real.rules(), real.files(), real.compiledAt(), real.askedBy());
    }

    static Snapshot snapshot(String scenario) {
        try {
            return new SnapshotReader(CLOCK).read(Files.readString(RuleBases.root().resolve("scenarios").resolve(scenario)
                    .resolve("snapshot.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

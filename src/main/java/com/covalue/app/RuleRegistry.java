package com.covalue.app;

import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Problem;
import com.covalue.advice.Advisor;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Holds the active rule set and replaces it atomically when a reload compiles. A request takes
 * {@link #active()} once and evaluates with it to the end, so a swap never affects a request in
 * flight, and nobody waits for a compile. A rejected reload leaves the active set in place.
 *
 * <p>A new rule set is warmed up on the reloading thread before the swap (see
 * {@link RuleSetWarmUp}), so requests never pay for Drools' lazy first use of it. One exception:
 * at start, rules this build already passed (warm-up and property gate, recorded in the
 * compiled-rules cache) serve at once and are warmed up meanwhile, as no request is served yet.
 */
public final class RuleRegistry implements RuleSource {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

    private final Path folder;
    private final Compile compiler;

    /** How a reload turns the folder into a rule set: the checking compiler (tests may bypass its checks). */
    @FunctionalInterface
    interface Compile {
        RuleSet compile(Path folder, RuleSet current);

        /** Fills the compiler's per-file memory after a start from the cache (see {@link RuleSetCompiler#prime}). */
        default void prime(Path folder) {
        }

        static Compile checking(RuleSetCompiler compiler) {
            return new Compile() {
                @Override
                public RuleSet compile(Path folder, RuleSet current) {
                    return compiler.compile(folder, current);
                }

                @Override
                public void prime(Path folder) {
                    compiler.prime(folder);
                }
            };
        }
    }
    private final Clock clock;
    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final AtomicReference<ReloadOutcome> lastReload = new AtomicReference<>();
    private final Consumer<ReloadOutcome> listener;
    private final Duration evalBudget;
    private RuleSetWarmUp warmUp; // made on the first reload (it parses its samples), guarded by this
    private final PropertyGate properties; // null: no property check (tests of the registry alone)

    /** @param listener told of every reload outcome (logging, metrics); called on the reloading thread */
    public RuleRegistry(Path folder, Clock clock, Consumer<ReloadOutcome> listener) {
        this(folder, clock, new RuleSetCompiler(clock), listener);
    }

    /** @param compiler keeps what it compiled, so that each reload recompiles only what changed */
    public RuleRegistry(Path folder, Clock clock, RuleSetCompiler compiler, Consumer<ReloadOutcome> listener) {
        this(folder, clock, compiler, Advisor.DEFAULT_BUDGET, listener);
    }

    /** @param evalBudget how long the warm-up may take on each sample snapshot (the requests' budget) */
    public RuleRegistry(Path folder, Clock clock, RuleSetCompiler compiler, Duration evalBudget,
            Consumer<ReloadOutcome> listener) {
        this(folder, clock, Compile.checking(compiler), evalBudget, listener, null);
    }

    /** @param properties checks the contract's properties on a new rule set before it serves; null for none */
    RuleRegistry(Path folder, Clock clock, RuleSetCompiler compiler, Duration evalBudget, Consumer<ReloadOutcome> listener,
            PropertyGate properties) {
        this(folder, clock, Compile.checking(compiler), evalBudget, listener, properties);
    }

    RuleRegistry(Path folder, Clock clock, Compile compiler, Duration evalBudget, Consumer<ReloadOutcome> listener) {
        this(folder, clock, compiler, evalBudget, listener, null);
    }

    private RuleRegistry(Path folder, Clock clock, Compile compiler, Duration evalBudget, Consumer<ReloadOutcome> listener,
            PropertyGate properties) {
        this.evalBudget = evalBudget;
        this.folder = folder;
        this.clock = clock;
        this.compiler = compiler;
        this.listener = listener;
        this.properties = properties;
    }

    public Path folder() {
        return folder;
    }

    /** The rule set to evaluate with, or empty before the first successful load. */
    public Optional<RuleSet> active() {
        return Optional.ofNullable(active.get());
    }

    /** The active rule set; {@code not_ready} before the first successful load. */
    @Override
    public RuleSet current() {
        RuleSet rules = active.get();
        if (rules == null) {
            throw new CovalueException(ErrorCode.NOT_READY,
                    "No rule set is active yet; see GET /api/v1/rules for the last load attempt.");
        }
        return rules;
    }

    /** What {@code GET /api/v1/rules} answers: the active rule set (revision null before the first load) and the last reload. */
    public record Status(String revision, Integer count, String folder, List<String> files, Instant loadedAt,
            ReloadOutcome lastReload) {
    }

    public Status status() {
        RuleSet rules = active.get();
        return new Status(rules == null ? null : rules.revision(), rules == null ? null : rules.ruleCount(),
                folder.toString(), rules == null ? List.of() : rules.files(), rules == null ? null : rules.compiledAt(),
                lastReload.get());
    }

    public Optional<ReloadOutcome> lastReload() {
        return Optional.ofNullable(lastReload.get());
    }

    /**
     * Compiles the folder and, if it compiles, makes it active. Reloads are serialised so that two
     * triggers at once cannot install an older compile over a newer one.
     */
    public synchronized ReloadOutcome reload(String trigger) {
        long start = System.nanoTime();
        ReloadOutcome outcome;
        try {
            RuleSet current = active.get();
            RuleSet compiled = compiler.compile(folder, current);
            if (compiled != current) {
                long compiledAt = System.nanoTime();
                // Nothing serves yet, and this build passed these very rules before (warm-up and
                // properties): serve them at once, and warm up after, while the first requests come.
                boolean vetted = current == null && properties != null && properties.passedBefore(compiled);
                if (vetted) {
                    active.set(compiled);
                }
                try {
                    if (warmUp == null) {
                        warmUp = new RuleSetWarmUp(evalBudget);
                    }
                    warmUp.warm(compiled);
                } catch (RuntimeException | Error e) {
                    active.compareAndSet(compiled, null); // failed now after all: it serves no longer
                    throw e;
                }
                long warmAt = System.nanoTime();
                if (properties != null && !vetted) {
                    properties.check(compiled); // a broken promise is refused like a compile error
                }
                LOG.debug("reload ({}): compiled in {} ms, warmed up in {} ms{}, properties checked in {} ms", trigger,
                        (compiledAt - start) / 1_000_000, (warmAt - compiledAt) / 1_000_000, vetted ? " while serving" : "",
                        millisSince(warmAt));
            }
            RuleSet previous = active.getAndSet(compiled);
            boolean same = previous != null && previous.revision().equals(compiled.revision());
            outcome = new ReloadOutcome(clock.instant(), trigger, same ? "unchanged" : "loaded", compiled.revision(),
                    millisSince(start), List.of());
        } catch (RuleSetRejectedException e) {
            outcome = new ReloadOutcome(clock.instant(), trigger, "rejected", null, millisSince(start), e.problems());
        } catch (RuntimeException | Error e) {
            // anything unexpected is a refused reload too (even an OutOfMemoryError or a stack
            // overflow in a rule): the active rules keep serving and the watcher keeps watching
            LOG.error("reload ({}) failed unexpectedly; the active rules keep serving", trigger, e);
            outcome = new ReloadOutcome(clock.instant(), trigger, "rejected", null, millisSince(start),
                    List.of(Problem.atLine(folder.toString(), 0, "the rules could not be loaded: " + e)));
        }
        lastReload.set(outcome);
        listener.accept(outcome);
        return outcome;
    }

    /**
     * Starts {@link #primeCompiler} on a low-priority daemon thread: call once the service serves,
     * so that the first edit after a start from the compiled-rules cache recompiles only its file.
     */
    public void primeCompilerInBackground() {
        Thread t = new Thread(this::primeCompiler, "covalue-rules-prime");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Fills the compiler's per-file memory if the active rules were read from the cache. It holds
     * the reload lock, so it never runs beside a reload: a reload waits for it and then finds the
     * files it did not change already checked. A failure costs only that work, and is logged.
     */
    synchronized void primeCompiler() {
        long start = System.nanoTime();
        try {
            compiler.prime(folder);
            LOG.debug("compiler primed in {} ms", millisSince(start));
        } catch (RuntimeException | Error e) {
            LOG.warn("could not prime the rules compiler; the next reload checks every file", e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

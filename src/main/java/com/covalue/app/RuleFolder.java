package com.covalue.app;

import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.RuleSetCompiler;
import com.covalue.advice.Advisor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The rules a command or the service runs on: the folder governance leads edit, where compiled
 * rule sets are cached ({@code null} for the default, {@code off} for none), and how long one
 * evaluation may take before it is halted (requests and a reload's warm-up alike).
 */
public record RuleFolder(Path folder, String cacheSetting, Duration evalBudget) {

    public RuleFolder(Path folder, String cacheSetting) {
        this(folder, cacheSetting, Advisor.DEFAULT_BUDGET);
    }

    /** The same folder with another evaluation budget. */
    public RuleFolder withEvalBudget(Duration budget) {
        return new RuleFolder(folder, cacheSetting, budget);
    }

    /** Compiles the folder once, for a command; the compile starts now and runs in the background. */
    public OneShotRules compileOnce() {
        return new OneShotRules(compiler(Clock.systemUTC()), folder);
    }

    /**
     * The live rules of the service: nothing is loaded until the first {@link RuleRegistry#reload}.
     * Every reload also checks the contract's properties on the scenarios beside the folder (see
     * {@link PropertyGate}).
     */
    public RuleRegistry registry(Clock clock, Consumer<ReloadOutcome> listener) {
        CompiledRulesCache cache = CompiledRulesCache.forSetting(cacheSetting);
        return new RuleRegistry(folder, clock, new RuleSetCompiler(clock, cache), evalBudget, listener,
                PropertyGate.beside(folder, clock, cache));
    }

    /** A compiler that reads and fills the compiled-rules cache. */
    public RuleSetCompiler compiler(Clock clock) {
        return new RuleSetCompiler(clock, CompiledRulesCache.forSetting(cacheSetting));
    }

    /**
     * Copies the rule sets compiled, and the checks passed, in this folder's cache into the cache
     * that {@code otherCacheSetting} names, where it lacks them; never throws. The launcher's
     * class-archive recording works in a scratch cache and hands its work on this way.
     */
    public void handCompiledRulesTo(String otherCacheSetting) {
        CompiledRulesCache.forSetting(cacheSetting).copyMissingInto(CompiledRulesCache.forSetting(otherCacheSetting));
    }
}

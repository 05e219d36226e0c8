package com.covalue.app;

import com.covalue.ruleset.CompiledRulesCache;
import com.covalue.ruleset.RuleSetCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The rules a command or the service runs on: the folder governance leads edit and where compiled
 * rule sets are cached ({@code null} for the default, {@code off} for none).
 */
public record RuleFolder(Path folder, String cacheSetting) {

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
        return new RuleRegistry(folder, clock, compiler(clock), listener, PropertyGate.beside(folder, clock));
    }

    /** A compiler that reads and fills the compiled-rules cache. */
    public RuleSetCompiler compiler(Clock clock) {
        return new RuleSetCompiler(clock, CompiledRulesCache.forSetting(cacheSetting));
    }
}

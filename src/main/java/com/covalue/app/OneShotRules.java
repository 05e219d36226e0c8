package com.covalue.app;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.ruleset.RuleSet;
import com.covalue.ruleset.RuleSetRejectedException;
import com.covalue.ruleset.RuleSetCompiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A rule folder compiled once, for a command that exits when done. The compile starts at
 * construction and runs while the command reads its inputs; {@link #current()} waits for it.
 */
public final class OneShotRules implements RuleSource {

    private final Path folder;
    private final CompletableFuture<RuleSet> compiled;

    OneShotRules(RuleSetCompiler compiler, Path folder) {
        this.folder = folder;
        this.compiled = CompletableFuture.supplyAsync(() -> {
            try {
                return compiler.compile(folder);
            } finally {
                // the command exits next: let a freshly compiled rule set reach the cache first
                compiler.flushCache(Duration.ofSeconds(5));
            }
        });
    }

    /**
     * Waits for the compile.
     *
     * @throws CovalueException {@code rules_rejected} with every problem at its file and line
     */
    @Override
    public RuleSet current() {
        try {
            return compiled.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuleSetRejectedException rejected) {
                int n = rejected.problems().size();
                throw new CovalueException(ErrorCode.RULES_REJECTED, "the rules in " + folder + " were not loaded ("
                        + n + (n == 1 ? " problem" : " problems") + ")", rejected.problems());
            }
            if (e.getCause() instanceof Error error) { // out of memory, say: the command line says so in a sentence
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

}

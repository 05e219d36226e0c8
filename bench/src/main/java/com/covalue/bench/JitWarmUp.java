package com.covalue.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs a mixed workload until the JIT has finished with it. On two shared cores C2 keeps
 * compiling an evaluation's code for 14-59 s of mixed scenarios, so a warm-up of a few seconds
 * per scenario measures half-compiled code: this one goes on until the JVM's total compilation
 * time has stood still (grown less than {@link #QUIET_MS} ms) for {@link #QUIET_SECONDS}
 * consecutive seconds, bounded by {@code covalue.bench.warmup.max} seconds (default 90).
 */
final class JitWarmUp {

    static final long QUIET_MS = 20;
    static final int QUIET_SECONDS = 4;

    /** Warm-ups already done in this JVM, by name: JMH calls setup once per trial, the JIT is warm once. */
    private static final Set<String> DONE = new HashSet<>();

    private JitWarmUp() {
    }

    static synchronized void once(String name, Runnable mixedWork) {
        if (!DONE.add(name)) {
            return;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long maxSeconds = Long.getLong("covalue.bench.warmup.max", 90);
        long started = System.nanoTime();
        long lastCompileMs = jit.getTotalCompilationTime();
        long lastCheck = started;
        int quietSeconds = 0;
        long rounds = 0;
        while (quietSeconds < QUIET_SECONDS && System.nanoTime() - started < maxSeconds * 1_000_000_000L) {
            mixedWork.run();
            rounds++;
            long now = System.nanoTime();
            if (now - lastCheck >= 1_000_000_000L) {
                long compileMs = jit.getTotalCompilationTime();
                quietSeconds = compileMs - lastCompileMs < QUIET_MS ? quietSeconds + 1 : 0;
                lastCompileMs = compileMs;
                lastCheck = now;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("WARMUP %s seconds=%.1f rounds=%d jit_ms_total=%d quiet=%s%n", name, seconds, rounds,
                jit.getTotalCompilationTime(), quietSeconds >= QUIET_SECONDS);
        System.out.printf("# warm-up of %s: %.1f s, %d rounds of every scenario, JIT %s%n", name, seconds, rounds,
                quietSeconds >= QUIET_SECONDS ? "quiet" : "STILL COMPILING at the limit");
    }
}

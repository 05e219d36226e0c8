package com.covalue.app;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Lets only as many requests evaluate rules at once as there are cores; the others wait, parked.
 *
 * <p>Evaluation is pure CPU, so more at once cannot finish sooner: with 32 connections, 32 request
 * threads shared two cores, and a rule reload (one thread) got one thirty-third of the machine, so
 * it took seconds. With the slots, waiting requests use no CPU, a reload gets its share, and each
 * request's time is its own evaluation plus a fair wait, not a thirty-second of a core.
 */
public final class EvaluationSlots {

    private final Semaphore slots;
    private final AtomicLong ids = new AtomicLong();
    /** When each evaluation now running started, by a number of its own. */
    private final Map<Long, Long> started = new ConcurrentHashMap<>();

    public EvaluationSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        // Not fair: a fair semaphore hands a freed slot to the longest waiter, and the slot stays
        // unused until that parked thread is scheduled, while a thread already on a core could
        // have taken it at once. Unfair, the hand-off costs no idle core.
        this.slots = new Semaphore(slots, false);
    }

    public static EvaluationSlots perCore() {
        return new EvaluationSlots(Runtime.getRuntime().availableProcessors());
    }

    public <T> T run(Supplier<T> evaluation) {
        slots.acquireUninterruptibly();
        Long id = ids.incrementAndGet();
        started.put(id, System.nanoTime());
        try {
            return evaluation.get();
        } finally {
            started.remove(id);
            slots.release();
        }
    }

    /**
     * How long the longest evaluation running now has been running; zero when none is. A hung
     * evaluation shows here, so health checks can say so.
     */
    public Duration longestRunning() {
        long now = System.nanoTime();
        return started.values().stream().map(start -> Duration.ofNanos(now - start)).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}

package com.covalue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluationSlotsTest {

    @Test
    void no_more_than_the_slots_evaluate_at_once_and_every_caller_gets_its_own_result() throws Exception {
        EvaluationSlots slots = new EvaluationSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2); // the first two in wait for each other: both slots are usable
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(callers.submit(() -> slots.run(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoInside.countDown();
                    try {
                        twoInside.await(5, TimeUnit.SECONDS);
                        Thread.sleep(10); // hold the slot while the others queue
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n * n;
                })));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * i);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(twoInside.getCount()).as("two callers were inside at once").isZero();
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void a_failing_evaluation_gives_its_slot_back() {
        EvaluationSlots slots = new EvaluationSlots(1);
        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("rule failed");
        })).hasMessage("rule failed");
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }
}

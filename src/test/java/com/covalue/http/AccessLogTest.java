package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The access log's lines are written by its own thread, and none is lost or written twice:
 * whether the writer keeps up or falls behind, and when the log stops with lines still queued.
 */
class AccessLogTest {

    private static final int THREADS = 8;
    private static final int LINES_EACH = 2_000;

    @Test
    void every_line_from_many_request_threads_is_written_once_by_the_time_the_log_has_stopped() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> writers = new ConcurrentLinkedQueue<>();
        AccessLog log = new AccessLog(() -> "r", line -> {
            writers.add(Thread.currentThread().getName());
            written.add(line);
        }, true, 8192);
        log.start();
        List<String> sent = logFromThreads(log);
        awaitSize(written, sent.size()); // before the stop: the writer, not the stop, writes what was queued
        log.stop();

        assertThat(sorted(written)).isEqualTo(sorted(sent));
        assertThat(writers).as("the writer thread wrote the queued lines").contains("access-log");
    }

    @Test
    void a_writer_that_falls_behind_makes_request_threads_write_their_own_lines_and_none_is_lost() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> writers = new ConcurrentLinkedQueue<>();
        Consumer<String> slow = line -> {
            writers.add(Thread.currentThread().getName());
            written.add(line);
            if (Thread.currentThread().getName().equals("access-log")) {
                LockSupport.parkNanos(200_000); // a disk that is slow for the writer only
            }
        };
        AccessLog log = new AccessLog(() -> "r", slow, true, 4);
        log.start();
        List<String> sent = logFromThreads(log);
        log.stop();

        assertThat(sorted(written)).isEqualTo(sorted(sent));
        assertThat(writers).as("lines the request threads wrote while the queue was full").anyMatch(name -> name.startsWith("request-"));
    }

    @Test
    void lines_queued_when_the_log_stops_are_written_by_the_stop() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> writers = new ConcurrentLinkedQueue<>();
        CountDownLatch writerHolding = new CountDownLatch(1);
        AccessLog log = new AccessLog(() -> "r", line -> {
            if (line.equals("first")) {
                writerHolding.countDown();
                awaitInterrupt(); // the writer is stuck on this line until the stop interrupts it
            }
            writers.add(Thread.currentThread().getName());
            written.add(line);
        }, true, 100);
        log.start();
        log.write("first");
        writerHolding.await();
        for (int i = 0; i < 50; i++) {
            log.write("queued " + i); // the writer is busy with "first": these wait in the queue
        }
        log.stop();

        assertThat(written).hasSize(51).startsWith("first");
        assertThat(writers).as("the queued lines were written by the stop").containsOnly("access-log", Thread.currentThread().getName())
                .filteredOn(Thread.currentThread().getName()::equals).hasSize(50);
        log.write("after the stop");
        assertThat(written).as("a line after the stop is written at once").hasSize(52).endsWith("after the stop");
    }

    @Test
    void a_line_the_log_fails_to_write_costs_that_line_only() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        AccessLog log = new AccessLog(() -> "r", line -> {
            if (line.equals("bad")) {
                throw new IllegalStateException("disk gone for a moment");
            }
            written.add(line);
        }, true, 100);
        log.start();
        log.write("bad");
        log.write("good 1");
        awaitSize(written, 1);
        log.write("good 2");
        log.stop();

        assertThat(written).containsExactly("good 1", "good 2");
    }

    private static void awaitSize(Collection<String> lines, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lines.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(lines).as("lines written within 10 s").hasSizeGreaterThanOrEqualTo(size);
    }

    private static List<String> logFromThreads(AccessLog log) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> new Thread(r, "request-" + threadNumber.incrementAndGet()));
        try {
            List<Future<List<String>>> each = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                each.add(pool.submit(() -> {
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < LINES_EACH; i++) {
                        String line = AccessLog.line("POST", "/api/v1/advice/" + thread + "/" + i, 200, 1, "r");
                        log.write(line);
                        lines.add(line);
                    }
                    return lines;
                }));
            }
            List<String> sent = new ArrayList<>();
            for (Future<List<String>> f : each) {
                sent.addAll(f.get());
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    /** Sorted, for comparing thousands of lines in any order (AssertJ's in-any-order check is quadratic). */
    private static List<String> sorted(Collection<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

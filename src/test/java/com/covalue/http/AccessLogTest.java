package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
        log.stop();

        assertThat(sorted(written)).isEqualTo(sorted(sent));
        assertThat(writers).as("the writer thread wrote them, not the request threads").contains("access-log");
    }

    @Test
    void a_writer_that_falls_behind_makes_request_threads_write_their_own_lines_and_none_is_lost() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> writers = new ConcurrentLinkedQueue<>();
        Consumer<String> slow = line -> {
            writers.add(Thread.currentThread().getName());
            written.add(line);
            if (Thread.currentThread().getName().equals("access-log")) {
                sleepQuietly(); // a disk that is slow for the writer only
            }
        };
        AccessLog log = new AccessLog(() -> "r", slow, true, 4);
        log.start();
        List<String> sent = logFromThreads(log);
        log.stop();

        assertThat(sorted(written)).isEqualTo(sorted(sent));
        Map<Boolean, Long> byWriter = writers.stream().collect(Collectors.partitioningBy("access-log"::equals, Collectors.counting()));
        assertThat(byWriter.get(false)).as("lines the request threads wrote while the queue was full").isPositive();
    }

    @Test
    void lines_queued_when_the_log_stops_are_written_by_the_stop() throws Exception {
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        CountDownLatch writerHolding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccessLog log = new AccessLog(() -> "r", line -> {
            if (line.equals("first")) {
                writerHolding.countDown();
                awaitQuietly(release);
            }
            written.add(line);
        }, true, 100);
        log.start();
        log.write("first");
        writerHolding.await();
        for (int i = 0; i < 50; i++) {
            log.write("queued " + i); // the writer is busy with "first": these wait in the queue
        }
        Thread stopping = new Thread(() -> {
            try {
                log.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopping.start();
        release.countDown();
        stopping.join();

        assertThat(written).hasSize(51).startsWith("first");
        log.write("after the stop");
        assertThat(written).as("a line after the stop is written at once").hasSize(52).endsWith("after the stop");
    }

    private static List<String> logFromThreads(AccessLog log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
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
    private static List<String> sorted(java.util.Collection<String> lines) {
        return lines.stream().sorted().toList();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

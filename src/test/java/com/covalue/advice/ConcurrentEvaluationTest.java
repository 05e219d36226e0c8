package com.covalue.advice;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.covalue.model.Snapshot;
import com.covalue.ruleset.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Many threads evaluating different snapshots on one shared rule set get the advice one thread
 * gets. Sessions are created without Drools' thread safety (see {@code Advisor.ONE_THREAD}): this
 * is what shows that the knowledge base they all come from still serves many threads at once.
 */
class ConcurrentEvaluationTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 6;

    @Test
    void many_threads_on_one_rule_set_get_the_advice_one_thread_gets() throws Exception {
        RuleSet rules = TestSupport.realRules();
        List<Snapshot> snapshots = scenarios();
        assertThat(snapshots).hasSizeGreaterThan(10);
        Advisor advisor = new Advisor();
        List<String> alone = new ArrayList<>();
        for (Snapshot s : snapshots) {
            alone.add(Json.MAPPER.writeValueAsString(advisor.evaluate(rules, s, new Advisor.Options(true)).advice()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> got = new ArrayList<>(snapshots.size());
                    for (int i = 0; i < snapshots.size(); i++) {
                        got.add(null);
                    }
                    // each thread walks the scenarios from its own starting point, so different
                    // snapshots are in flight on the shared knowledge base at the same moment
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int k = 0; k < snapshots.size(); k++) {
                            int i = (k + offset * 3 + round) % snapshots.size();
                            String advice = Json.MAPPER.writeValueAsString(
                                    advisor.evaluate(rules, snapshots.get(i), new Advisor.Options(true)).advice());
                            if (got.get(i) != null && !got.get(i).equals(advice)) {
                                throw new AssertionError("scenario " + i + " changed between rounds on one thread");
                            }
                            got.set(i, advice);
                        }
                    }
                    return got;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertThat(result.get()).containsExactlyElementsOf(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Snapshot> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(TestSupport.SCENARIOS)) {
            return dirs.sorted().map(dir -> dir.resolve("snapshot.json")).filter(Files::isRegularFile)
                    .map(file -> TestSupport.reader().read(TestSupport.read(file))).toList();
        }
    }
}

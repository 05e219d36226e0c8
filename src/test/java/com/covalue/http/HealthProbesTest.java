package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.EvaluationSlots;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health probes tell the truth: a store that does not answer, a stuck evaluation. */
class HealthProbesTest {

    @TempDir
    Path data;

    @Test
    void ready_turns_503_when_the_store_stops_answering() {
        RuleRegistry registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
        HistoryStore store = HistoryStore.open(StoreSettings.embedded(data), TestSupport.CLOCK);
        Javalin app = CovalueApp.create(registry, TestSupport.reader(), new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, null),
                new ServiceMetrics(), store, TestSupport.CLOCK);
        JavalinTest.test(app, (server, client) -> {
            String origin = client.getOrigin();
            assertThat(HttpApiTest.send(origin, "GET", "/health/ready", null, null, null).status()).isEqualTo(200);
            store.close(); // as good as a database that no longer answers
            long start = System.nanoTime();
            HttpApiTest.Reply r = HttpApiTest.send(origin, "GET", "/health/ready", null, null, null);
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.json().get("reason").asText()).contains("history store");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to answer").isLessThan(3_000);
        });
    }

    @Test
    void an_evaluation_running_too_long_makes_the_service_unready_and_then_not_live() {
        assertThat(RulesController.readiness(Duration.ofSeconds(1), true, "abc").status()).isEqualTo(200);
        RulesController.Probe stuck = RulesController.readiness(RulesController.STUCK_EVALUATION.plusSeconds(1), true, "abc");
        assertThat(stuck.status()).isEqualTo(503);
        assertThat(stuck.body().get("reason")).isEqualTo("an evaluation has been running for 31 s");
        assertThat(RulesController.readiness(Duration.ZERO, false, "abc").status()).isEqualTo(503);
        assertThat(RulesController.readiness(Duration.ZERO, true, null).status()).isEqualTo(503);

        assertThat(RulesController.liveness(RulesController.STUCK_EVALUATION.plusSeconds(1)).status()).isEqualTo(200);
        assertThat(RulesController.liveness(RulesController.HUNG_EVALUATION.plusSeconds(1)).status()).isEqualTo(503);
    }

    @Test
    void the_slots_report_how_long_the_longest_running_evaluation_has_run() throws Exception {
        EvaluationSlots slots = new EvaluationSlots(2);
        assertThat(slots.longestRunning()).isEqualTo(Duration.ZERO);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> hung = CompletableFuture.supplyAsync(() -> slots.run(() -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(slots.longestRunning()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        release.countDown();
        assertThat(hung.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(slots.longestRunning()).isEqualTo(Duration.ZERO);
    }
}

package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/reviews has an item cap and takes an evaluation slot per snapshot: a flood of large
 * reviews cannot hold every slot while ordinary advice waits for them to finish.
 */
public class ReviewFloodTest {

    /**
     * The real rules plus one that spends 2 ms on every snapshot of this test's portfolio, so a
     * review of the service's largest size ({@link ServiceConfig#DEFAULT_MAX_REVIEW}, 500) lasts at
     * least 1 s however fast the machine: with the real rules alone a review of 100 ended in about
     * 350 ms on a quiet machine, before the fifth advice, and the test measured the machine's speed,
     * not the slots. Only relationships named {@code flood-*} are slowed: the registry's warm-up and
     * property gate evaluate thousands of snapshots, and slowing them all cost a minute of suite time.
     */
    private static final String TWO_MS_PER_SNAPSHOT = """
            package covalue.rules;
            import com.covalue.model.*;
            global com.covalue.facts.AdviceCollector advice;
            rule "Spends 2 ms on every snapshot of the flood"
            when
                Relationship( id matches "flood-.*" )
            then
                com.covalue.http.ReviewFloodTest.floodIsBeingEvaluated();
                long until = System.nanoTime() + 2000000L;
                while (System.nanoTime() < until) { Thread.onSpinWait(); }
            end
            """;
    private static final int REVIEW_ITEMS = ServiceConfig.DEFAULT_MAX_REVIEW;
    /** Opened by the slow rule, so a test can wait until a review of the flood is being evaluated, not guess. */
    private static volatile CountDownLatch floodEvaluating = new CountDownLatch(1);
    private static RuleRegistry registry;

    @BeforeAll
    static void loadRules() {
        // (the registry has loaded them once, through the warm-up and the property gate, or thrown)
        registry = ServingRules.registry(TestSupport.realRulesPlusUnchecked("slow", TWO_MS_PER_SNAPSHOT), TestSupport.CLOCK);
    }

    private static void withApp(int maxReview, java.util.function.Consumer<String> test) {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY * 8, 3, null, null, false, maxReview), new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> test.accept(client.getOrigin()));
    }

    static String portfolio(int size) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (int i = 0; i < size; i++) {
            items.add(TestSupport.with(TestSupport.exampleJson(), "relationship.id", "flood-" + i)); // all due: renewal in 2027
        }
        return items.toString();
    }

    @Test
    void a_review_over_the_cap_is_refused() {
        withApp(10, origin -> {
            HttpApiTest.Reply r = HttpApiTest.postJson(origin, "/api/v1/reviews", portfolio(11));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("batch_too_large");
            assertThat(r.json().get("message").asText()).contains("at most 10");
        });
    }

    @Test
    void advice_is_answered_while_as_many_large_reviews_as_cores_are_running() throws Exception {
        int reviews = Runtime.getRuntime().availableProcessors() + 1; // more than the evaluation slots
        String body = portfolio(REVIEW_ITEMS);
        String snapshot = TestSupport.read(TestSupport.EXAMPLE);
        ExecutorService pool = Executors.newFixedThreadPool(reviews);
        try {
            withApp(ServiceConfig.DEFAULT_MAX_REVIEW, origin -> {
                HttpApiTest.postJson(origin, "/api/v1/advice", snapshot); // warm
                List<CompletableFuture<Long>> running = new ArrayList<>();
                for (int i = 0; i < reviews; i++) {
                    running.add(CompletableFuture.supplyAsync(() -> {
                        HttpApiTest.Reply r = HttpApiTest.postJson(origin, "/api/v1/reviews?asOf=2026-11-23", body);
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        return System.nanoTime();
                    }, pool));
                }
                sleep(300); // the reviews have started evaluating
                List<Long> adviceMs = new ArrayList<>();
                long lastAdviceDone = 0;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    assertThat(HttpApiTest.postJson(origin, "/api/v1/advice", snapshot).status()).isEqualTo(200);
                    lastAdviceDone = System.nanoTime();
                    adviceMs.add((lastAdviceDone - start) / 1_000_000);
                }
                long firstReviewDone = running.stream().mapToLong(CompletableFuture::join).min().orElseThrow();
                System.out.printf("advice during %d reviews of %d snapshots: %s ms; the first review ended %d ms after the last advice%n",
                        reviews, REVIEW_ITEMS, adviceMs, (firstReviewDone - lastAdviceDone) / 1_000_000);
                assertThat(lastAdviceDone).as("all five advice requests answered before any review finished")
                        .isLessThan(firstReviewDone);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A stopping service finishes what it is evaluating: a review started before the stop (at
     * least 200 ms of evaluation here, without a byte on the wire while it runs) is answered in
     * full.
     */
    @Test
    void a_review_in_flight_is_answered_in_full_when_the_service_stops() throws Exception {
        int items = 100; // 2 ms each: 200 ms at the least
        String body = portfolio(items);
        floodEvaluating = new CountDownLatch(1);
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY * 8, 3, null, null, false, ServiceConfig.DEFAULT_MAX_REVIEW),
                new ServiceMetrics()).start("127.0.0.1", 0);
        String origin = "http://127.0.0.1:" + app.port();
        try {
            CompletableFuture<HttpApiTest.Reply> review = CompletableFuture.supplyAsync(
                    () -> HttpApiTest.postJson(origin, "/api/v1/reviews?asOf=2026-11-23", body));
            assertThat(floodEvaluating.await(30, TimeUnit.SECONDS)).as("the review reached its evaluation").isTrue();
            long stopping = System.nanoTime();
            app.stop();
            long stopMs = (System.nanoTime() - stopping) / 1_000_000;
            HttpApiTest.Reply reply = review.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().at("/summary/reviewed").asInt()).as("every snapshot of the review answered").isEqualTo(items);
            System.out.printf("stop with a review in flight took %d ms%n", stopMs);
        } finally {
            app.stop();
        }
    }

    /** Called by the slow rule's consequence (public: the rule is compiled in its own package). */
    public static void floodIsBeingEvaluated() {
        floodEvaluating.countDown();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

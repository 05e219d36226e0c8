package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.advice.Advisor;
import com.covalue.app.Covalue;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.ruleset.RuleSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A request whose evaluation overruns the budget answers 503 evaluation_halted soon after the
 * budget, and the service goes on answering: later requests are advised and /health/live is UP
 * because it is true. Rules stopped by the firing limit instead (cheap firings on a fast machine)
 * answer the same 503, not a 500.
 */
class EvaluationBudgetApiTest {

    @Test
    void a_looping_request_is_halted_and_later_requests_are_served() {
        RuleSet spinning = TestSupport.realRulesPlusUnchecked("spinning", TestSupport.SPINS_WITHOUT_ESCALATION_PATH);
        RuleSet looping = TestSupport.realRulesPlusUnchecked("looping", TestSupport.LOOPS_WITHOUT_ESCALATION_PATH);
        new Advisor().advise(spinning, TestSupport.reader().read(snapshot(true))); // warm, as a reload leaves it
        new Advisor().advise(looping, TestSupport.reader().read(snapshot(true)));
        AtomicReference<RuleSet> serving = new AtomicReference<>(spinning);
        RuleRegistry registry = new RuleRegistry(TestSupport.RULES, TestSupport.CLOCK, o -> { });
        ServiceMetrics metrics = new ServiceMetrics();
        Covalue covalue = Covalue.service(serving::get, TestSupport.reader(), null, TestSupport.CLOCK, metrics,
                Duration.ofMillis(200));
        Javalin app = CovalueApp.create(covalue, registry, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, null), metrics);
        JavalinTest.test(app, (server, client) -> {
            String origin = client.getOrigin();
            long start = System.nanoTime();
            HttpApiTest.Reply halted = HttpApiTest.postJson(origin, "/api/v1/advice", snapshot(false).toString());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(halted.status()).isEqualTo(503);
            assertThat(halted.json().get("code").asText()).isEqualTo("evaluation_halted");
            assertThat(halted.json().get("message").asText()).contains("time budget of 200 ms");
            assertThat(tookMs).as("answered soon after the budget").isLessThan(10_000);

            HttpApiTest.Reply served = HttpApiTest.postJson(origin, "/api/v1/advice", snapshot(true).toString());
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json().get("recommendations").size()).isGreaterThan(0);

            HttpApiTest.Reply live = HttpApiTest.send(origin, "GET", "/health/live", null, null, null);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asText()).isEqualTo("UP");

            serving.set(looping);
            HttpApiTest.Reply stopped = HttpApiTest.postJson(origin, "/api/v1/advice", snapshot(false).toString());
            assertThat(stopped.status()).as(stopped.body()).isEqualTo(503);
            assertThat(stopped.json().get("code").asText()).isEqualTo("evaluation_halted");
            assertThat(stopped.json().get("message").asText()).contains("were halted");
            assertThat(HttpApiTest.postJson(origin, "/api/v1/advice", snapshot(true).toString()).status()).isEqualTo(200);
        });
    }

    private static ObjectNode snapshot(boolean escalationPath) {
        ObjectNode json = TestSupport.exampleJson();
        json.with("governance").put("escalationPath", escalationPath);
        return json;
    }
}

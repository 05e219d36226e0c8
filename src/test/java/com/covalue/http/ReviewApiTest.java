package com.covalue.http;

import static com.covalue.http.HttpApiTest.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.covalue.review.OpenApiSchemas;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/reviews through a real HTTP client. */
class ReviewApiTest {

    private static RuleRegistry registry;

    @BeforeAll
    static void loadRules() {
        registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
    }

    private static void withApp(BiConsumer<Javalin, String> test) {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, "token"), new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> test.accept(server, client.getOrigin()));
    }

    private static String portfolio() {
        ArrayNode items = Json.MAPPER.createArrayNode();
        items.add(TestSupport.exampleJson());                                           // due: remediate
        items.add(TestSupport.with(TestSupport.minimalJson("later"), "relationship.renewalDate", "2028-01-01"));
        items.add(TestSupport.with(TestSupport.minimalJson("broken"), "delivery.promisesDue12m", -1));
        items.add(TestSupport.with(TestSupport.minimalJson("quiet"), "relationship.renewalDate", "2027-01-15"));
        return items.toString();
    }

    @Test
    void a_portfolio_is_reviewed_with_the_same_json_as_the_command_line() {
        withApp((server, origin) -> {
            HttpApiTest.Reply r = postJson(origin, "/api/v1/reviews?asOf=2026-11-23", portfolio());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode review = r.json();
            assertThat(OpenApiSchemas.problems("Review", review)).isEmpty();
            assertThat(review.at("/summary/snapshotsGiven").asInt()).isEqualTo(4);
            assertThat(review.at("/summary/reviewed").asInt()).isEqualTo(2);
            assertThat(review.at("/reviewed/0/id").asText()).isEqualTo("quiet"); // renews first
            assertThat(review.at("/reviewed/1/verdict").asText()).isEqualTo("REMEDIATE_BEFORE_RENEWAL");
            assertThat(review.at("/notDue/0/id").asText()).isEqualTo("later");
            assertThat(review.at("/invalid/0/source/index").asInt()).isEqualTo(2);
            assertThat(review.at("/invalid/0/error/errors/0/field").asText()).isEqualTo("delivery.promisesDue12m");
            assertThat(review.at("/summary/gate/passed").asBoolean()).isFalse();
            assertThat(review.at("/summary/gate/failing/0").asText()).isEqualTo("northwind-helpdesk");
        });
    }

    @Test
    void the_options_change_the_review_as_on_the_command_line() {
        withApp((server, origin) -> {
            JsonNode lenient = postJson(origin, "/api/v1/reviews?asOf=2026-11-23&failOn=REVIEW_EXIT_OPTIONS", portfolio()).json();
            assertThat(lenient.at("/summary/gate/passed").asBoolean()).isTrue();
            JsonNode strict = postJson(origin, "/api/v1/reviews?asOf=2026-11-23&failOn=REVIEW_EXIT_OPTIONS&strict=true",
                    portfolio()).json();
            assertThat(strict.at("/summary/gate/passed").asBoolean()).isFalse();
            JsonNode narrow = postJson(origin, "/api/v1/reviews?asOf=2026-11-23&within=60", portfolio()).json();
            assertThat(narrow.at("/summary/reviewed").asInt()).isEqualTo(1);
            assertThat(narrow.at("/withinDays").asInt()).isEqualTo(60);
        });
    }

    @Test
    void wrong_or_unknown_parameters_are_named() {
        withApp((server, origin) -> {
            HttpApiTest.Reply r = postJson(origin, "/api/v1/reviews?asOf=23/11/2026&within=-3&failOn=EXIT&strict=yes&failon=RENEW", "[]");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(r.json().findValuesAsText("field")).containsExactlyInAnyOrder("asOf", "within", "failOn", "strict", "failon");
            assertThat(r.body()).contains("did you mean 'failOn'");
        });
    }

    @Test
    void a_body_that_is_not_an_array_is_refused() {
        withApp((server, origin) -> {
            HttpApiTest.Reply r = postJson(origin, "/api/v1/reviews", TestSupport.exampleJson().toString());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("invalid_review");
            HttpApiTest.Reply malformed = postJson(origin, "/api/v1/reviews", "[{\"schemaVersion\": 1,");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("code").asText()).isEqualTo("malformed_json");
        });
    }

    @Test
    void an_empty_portfolio_passes_with_nothing_to_review() {
        withApp((server, origin) -> {
            JsonNode review = postJson(origin, "/api/v1/reviews?asOf=2026-11-23", "[]").json();
            assertThat(review.at("/summary/relationships").asInt()).isZero();
            assertThat(review.at("/summary/gate/passed").asBoolean()).isTrue();
        });
    }
}

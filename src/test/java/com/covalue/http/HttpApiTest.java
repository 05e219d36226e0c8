package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.web.WebConfig;
import com.covalue.model.Json;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint and every error the service answers, through a real HTTP client. */
class HttpApiTest {

    private static final String TOKEN = "s3cret";
    private static RuleRegistry registry;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void loadRules() {
        // the run's one compile of rules/: what is tested here is what the endpoints answer, not compiling
        registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static void withApp(RuleRegistry rules, ServiceConfig config, BiConsumer<Javalin, String> test) {
        // reads of the rules and metrics open, as with serve --open-reads: what is checked here is what they
        // answer; who may read them is WebAppTest's
        Javalin app = CovalueApp.create(rules, TestSupport.reader(), config, new ServiceMetrics(), null, java.time.Clock.systemUTC(),
                WebConfig.withOpenReads());
        JavalinTest.test(app, (server, client) -> test.accept(server, client.getOrigin()));
    }

    private static void withApp(BiConsumer<Javalin, String> test) {
        withApp(registry, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, TOKEN), test);
    }

    static Reply send(String origin, String method, String path, String contentType, String body, String auth) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (auth != null) {
                b.header("Authorization", auth);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Reply postJson(String origin, String path, String body) {
        return send(origin, "POST", path, "application/json", body, null);
    }

    private static void assertError(Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(r.json().get("errors").isArray()).isTrue();
    }

    @Test
    void POST_advice_returns_the_contracts_advice() {
        withApp((app, origin) -> {
            Reply r = postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE));
            assertThat(r.status()).isEqualTo(200);
            JsonNode advice = r.json();
            assertThat(advice.get("relationshipId").asText()).isEqualTo("northwind-helpdesk");
            assertThat(advice.at("/rules/revision").asText()).isEqualTo(registry.active().orElseThrow().revision());
            assertThat(advice.get("recommendations").size()).isGreaterThan(5);
            assertThat(advice.get("recommendations").get(0).has("explain")).isFalse();
        });
    }

    @Test
    void POST_advice_with_explain_adds_the_rules_and_matched_facts() {
        withApp((app, origin) -> {
            JsonNode rec = postJson(origin, "/api/v1/advice?explain=true", TestSupport.read(TestSupport.EXAMPLE))
                    .json().get("recommendations").get(0);
            assertThat(rec.get("explain").size()).isEqualTo(rec.get("rules").size());
            assertThat(rec.at("/explain/0/rule").asText()).isEqualTo(rec.at("/rules/0").asText());
            assertThat(rec.at("/explain/0/matched").size()).isPositive();
        });
    }

    @Test
    void POST_advice_with_malformed_json_returns_400() {
        withApp((app, origin) -> assertError(postJson(origin, "/api/v1/advice", "{\"schemaVersion\": 1,"), 400, "malformed_json"));
    }

    @Test
    void POST_advice_with_unknown_field_returns_400_naming_every_field() {
        withApp((app, origin) -> {
            String body = TestSupport.with(TestSupport.with(TestSupport.exampleJson(), "trust.opneBook", true),
                    "delivery.slaAttainment", 3).toString();
            Reply r = postJson(origin, "/api/v1/advice", body);
            assertError(r, 400, "invalid_snapshot");
            assertThat(r.json().get("errors")).extracting(e -> e.get("field").asText())
                    .containsExactly("delivery.slaAttainment", "trust.opneBook");
        });
    }

    @Test
    void POST_advice_over_the_body_limit_returns_413() {
        withApp(registry, new ServiceConfig(2_000, 3, TOKEN), (app, origin) ->
                assertError(postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE)), 413, "body_too_large"));
    }

    @Test
    void POST_advice_with_a_wrong_content_type_returns_415() {
        withApp((app, origin) -> {
            assertError(send(origin, "POST", "/api/v1/advice", "text/plain", "{}", null), 415, "unsupported_media_type");
            assertError(send(origin, "POST", "/api/v1/advice", null, "{}", null), 415, "unsupported_media_type");
        });
    }

    @Test
    void POST_advice_before_any_rules_are_active_returns_503_and_ready_says_not_ready() {
        RuleRegistry empty = new RuleRegistry(Path.of("no-such-rules"), TestSupport.CLOCK, o -> { });
        withApp(empty, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, TOKEN), (app, origin) -> {
            assertError(postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE)), 503, "not_ready");
            assertThat(send(origin, "GET", "/health/ready", null, null, null).status()).isEqualTo(503);
            assertThat(send(origin, "GET", "/health/live", null, null, null).status()).isEqualTo(200);
        });
    }

    @Test
    void POST_batch_answers_each_item_and_one_bad_item_does_not_fail_the_others() {
        withApp((app, origin) -> {
            String good = TestSupport.read(TestSupport.EXAMPLE);
            String bad = TestSupport.with(TestSupport.exampleJson(), "trust.openBook", "yes").toString();
            Reply r = postJson(origin, "/api/v1/advice/batch", "[" + good + "," + bad + ",{\"schemaVersion\":1e400}]");
            assertThat(r.status()).isEqualTo(200);
            JsonNode results = r.json().get("results");
            assertThat(results.size()).isEqualTo(3);
            assertThat(results.get(0).get("advice").get("relationshipId").asText()).isEqualTo("northwind-helpdesk");
            assertThat(results.get(1).at("/error/code").asText()).isEqualTo("invalid_snapshot");
            assertThat(results.get(1).at("/error/errors/0/field").asText()).isEqualTo("trust.openBook");
            assertThat(results.get(2).get("index").asInt()).isEqualTo(2);
            assertThat(results.get(2).has("error")).isTrue();
            assertThat(r.json().at("/rules/revision").asText()).isNotBlank();
        });
    }

    @Test
    void POST_batch_that_is_not_an_array_or_too_large_returns_400() {
        withApp((app, origin) -> {
            assertError(postJson(origin, "/api/v1/advice/batch", "{}"), 400, "invalid_batch");
            assertError(postJson(origin, "/api/v1/advice/batch", "[{},{},{},{}]"), 400, "batch_too_large");
        });
    }

    @Test
    void GET_rules_shows_the_active_revision_files_and_last_reload() {
        withApp((app, origin) -> {
            JsonNode rules = send(origin, "GET", "/api/v1/rules", null, null, null).json();
            assertThat(rules.get("revision").asText()).isEqualTo(registry.active().orElseThrow().revision());
            assertThat(rules.get("count").asInt()).isGreaterThan(100);
            assertThat(rules.get("files")).extracting(JsonNode::asText).contains("catalogue.yaml", "governance.drl");
            assertThat(rules.at("/lastReload/outcome").asText()).isIn("loaded", "unchanged");
            assertThat(rules.get("loadedAt").asText()).isNotBlank();
        });
    }

    @Test
    void POST_reload_needs_the_admin_token() {
        withApp((app, origin) -> {
            assertError(send(origin, "POST", "/api/v1/rules/reload", null, null, null), 401, "unauthorized");
            assertError(send(origin, "POST", "/api/v1/rules/reload", null, null, "Bearer wrong"), 401, "unauthorized");
            Reply ok = send(origin, "POST", "/api/v1/rules/reload", null, null, "Bearer " + TOKEN);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(ok.json().at("/lastReload/trigger").asText()).isEqualTo("admin");
        });
        withApp(registry, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, null), (app, origin) ->
                assertError(send(origin, "POST", "/api/v1/rules/reload", null, null, "Bearer anything"), 403, "forbidden"));
    }

    @Test
    void an_unexpected_failure_returns_500_without_leaking_internals() {
        java.time.Clock broken = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                throw new IllegalStateException("clock exploded at com.example.Secret");
            }
        };
        Javalin app = CovalueApp.create(registry, new com.covalue.validation.SnapshotReader(broken),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, TOKEN), new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> {
            Reply r = postJson(client.getOrigin(), "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE));
            assertError(r, 500, "internal_error");
            assertThat(r.body()).doesNotContain("exploded").doesNotContain("Secret").doesNotContain("at com.");
        });
    }

    @Test
    void the_parse_only_benchmark_endpoint_exists_only_when_asked_for() {
        String body = TestSupport.read(TestSupport.EXAMPLE);
        withApp((app, origin) -> assertThat(postJson(origin, "/bench/parse-only", body).status()).isEqualTo(404));
        withApp(registry, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, TOKEN, null, true), (app, origin) -> {
            Reply parsed = postJson(origin, "/bench/parse-only", body);
            assertThat(parsed.status()).isEqualTo(200);
            assertThat(parsed.json().get("fields").asInt()).isEqualTo(TestSupport.exampleJson().size());
            assertThat(postJson(origin, "/bench/parse-only", "{not json").status()).isEqualTo(400);
        });
    }

    @Test
    void unknown_paths_and_methods_get_json_errors() {
        withApp((app, origin) -> {
            assertError(send(origin, "GET", "/api/v1/nothing", null, null, null), 404, "not_found");
            assertError(send(origin, "GET", "/api/v1/advice", null, null, null), 405, "method_not_allowed");
        });
    }

    @Test
    void health_metrics_openapi_and_schema_are_served() {
        withApp((app, origin) -> {
            assertThat(send(origin, "GET", "/health/live", null, null, null).json().get("status").asText()).isEqualTo("UP");
            assertThat(send(origin, "GET", "/health/ready", null, null, null).json().get("status").asText()).isEqualTo("READY");
            postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE));
            String metrics = send(origin, "GET", "/metrics", null, null, null).body();
            assertThat(metrics).contains("covalue_http_requests_total{method=\"POST\",route=\"/api/v1/advice\",status=\"200\"} 1")
                    .contains("covalue_evaluations_total 1").contains("covalue_http_request_duration_seconds");
            Reply openApi = send(origin, "GET", "/api/v1/openapi.yaml", null, null, null);
            assertThat(openApi.body()).contains("openapi: 3.1").contains("/api/v1/advice/batch").contains("/api/v1/rules/reload");
            assertThat(send(origin, "GET", "/api/v1/schema/snapshot-v1.json", null, null, null).json().get("$id")).isNotNull();
        });
    }
}

package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.http.HttpApiTest.Reply;
import com.covalue.model.Advice;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an outside probe found the web server doing wrong: method overrides, refused methods and
 * the server's own error pages, media types and encodings, query parameters, tokens and headers.
 */
class HttpHardeningTest {

    private static final String ADMIN = "admin-s3cret";
    private static RuleRegistry registry;

    @BeforeAll
    static void loadRules() {
        registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
    }

    private static void withApp(Consumer<String> test) {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, ADMIN), new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> test.accept(client.getOrigin()));
    }

    private static void assertJsonError(RawHttp.Answer a, int status, String code) {
        assertThat(a.status()).as(a.head() + "\n" + a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode json = a.json();
        assertThat(json.get("code").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("<");
        assertThat(json.get("errors").isArray()).isTrue();
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + String.join("", headers) + "\r\n";
    }

    @Test
    void a_method_override_header_is_refused_and_never_runs_the_other_method() {
        withApp(origin -> {
            String before = registry.lastReload().orElseThrow().trigger();
            RawHttp.Answer a = RawHttp.exchange(origin, get("/api/v1/rules/reload",
                    "X-HTTP-Method-Override: POST\r\n", "Authorization: Bearer " + ADMIN + "\r\n"));
            assertJsonError(a, 400, "bad_request");
            assertThat(a.json().get("message").asText()).contains("X-HTTP-Method-Override");
            assertThat(registry.lastReload().orElseThrow().trigger()).as("no reload ran").isEqualTo(before);
        });
    }

    @Test
    void a_lower_case_method_gets_a_json_405_not_an_empty_500() {
        withApp(origin -> assertJsonError(RawHttp.exchange(origin,
                "get /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 405, "method_not_allowed"));
    }

    @Test
    void the_web_servers_own_errors_have_the_contracts_json_shape() {
        withApp(origin -> {
            assertJsonError(RawHttp.exchange(origin, get("/api/v1/%zz")), 400, "bad_request");
            assertJsonError(RawHttp.exchange(origin, get("/api/v1/" + "a".repeat(20_000))), 414, "uri_too_long");
            assertJsonError(RawHttp.exchange(origin, get("/health/live", "X-Padding: " + "b".repeat(20_000) + "\r\n")),
                    431, "headers_too_large");
            assertJsonError(RawHttp.exchange(origin, get("/no/such/page")), 404, "not_found");
        });
    }

    @Test
    void only_application_json_with_at_most_a_utf8_charset_is_accepted() {
        String body = TestSupport.read(TestSupport.EXAMPLE);
        withApp(origin -> {
            for (String refused : List.of("application/jsonp", "application/json-patch+json", "text/json",
                    "application/json; charset=iso-8859-1", "application/json; boundary=x")) {
                Reply r = HttpApiTest.send(origin, "POST", "/api/v1/advice", refused, body, null);
                assertThat(r.status()).as(refused + ": " + r.body()).isEqualTo(415);
                assertThat(r.json().get("code").asText()).isEqualTo("unsupported_media_type");
            }
            for (String accepted : List.of("application/json", "Application/JSON", "application/json; charset=utf-8",
                    "application/json;charset=\"UTF-8\"")) {
                assertThat(HttpApiTest.send(origin, "POST", "/api/v1/advice", accepted, body, null).status()).as(accepted)
                        .isEqualTo(200);
            }
        });
    }

    @Test
    void a_body_that_is_not_utf8_is_refused_not_silently_repaired() {
        byte[] body = "{\"schemaVersion\":1,\"assessedOn\":\"2026-11-01\",\"relationship\":{\"id\":\"x\",\"name\":\"caf\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1); // é as the single byte 0xE9: not UTF-8
        withApp(origin -> {
            HttpResponse<String> r = sendBytes(origin, "/api/v1/advice", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode json = json(r.body());
            assertThat(json.get("code").asText()).isEqualTo("malformed_json");
            assertThat(json.get("message").asText()).contains("UTF-8");
            assertThat(json.get("errors")).isEmpty();
        });
    }

    @Test
    void unknown_or_wrong_query_parameters_on_advice_are_400() {
        String body = TestSupport.read(TestSupport.EXAMPLE);
        withApp(origin -> {
            Reply unknown = HttpApiTest.send(origin, "POST", "/api/v1/advice?explian=true", "application/json", body, null);
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
            assertThat(unknown.json().get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("explian");
            assertThat(unknown.json().at("/errors/0/message").asText()).contains("did you mean 'explain'");

            Reply junk = HttpApiTest.send(origin, "POST", "/api/v1/advice?explain=junk", "application/json", body, null);
            assertThat(junk.status()).as(junk.body()).isEqualTo(400);
            assertThat(junk.json().at("/errors/0/field").asText()).isEqualTo("explain");

            Reply batch = HttpApiTest.send(origin, "POST", "/api/v1/advice/batch?explain=true", "application/json", "[]", null);
            assertThat(batch.status()).as(batch.body()).isEqualTo(400);
        });
    }

    @Test
    void the_bearer_scheme_is_case_insensitive_and_a_wrong_token_is_401() {
        withApp(origin -> {
            Reply lower = HttpApiTest.send(origin, "POST", "/api/v1/rules/reload", null, null, "bearer " + ADMIN);
            assertThat(lower.status()).as(lower.body()).isEqualTo(200);
            Reply wrong = HttpApiTest.send(origin, "POST", "/api/v1/rules/reload", null, null, "BEARER nope");
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
        });
    }

    @Test
    void every_answer_carries_nosniff_and_no_store() {
        withApp(origin -> {
            String body = TestSupport.read(TestSupport.EXAMPLE);
            String advice = "POST /api/v1/advice HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            for (RawHttp.Answer a : List.of(RawHttp.exchange(origin, advice), RawHttp.exchange(origin, get("/health/live")),
                    RawHttp.exchange(origin, get("/nothing/here")), RawHttp.exchange(origin, get("/" + "a".repeat(20_000))))) {
                assertThat(a.header("X-Content-Type-Options")).as(a.head()).isEqualTo("nosniff");
                assertThat(a.header("Cache-Control")).as(a.head()).isEqualTo("no-store");
            }
        });
    }

    @Test
    void an_aborted_upload_is_not_logged_as_an_error() throws Exception {
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            // started by hand: JavalinTest would capture the log this test reads
            Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                    new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, ADMIN), new ServiceMetrics()).start("127.0.0.1", 0);
            String origin = "http://127.0.0.1:" + app.port();
            try {
                URI uri = URI.create(origin);
                for (int i = 0; i < 5; i++) {
                    try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
                        s.getOutputStream().write(("POST /api/v1/advice HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 5000\r\n\r\n{\"schemaVersion\":").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
                Thread.sleep(500); // the server notices the closed connections
                // the service is fine afterwards, and said nothing alarming about the abandoned uploads
                assertThat(HttpApiTest.send(origin, "GET", "/health/live", null, null, null).status()).isEqualTo(200);
            } finally {
                app.stop();
            }
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(" ERROR ").doesNotContain("Exception");
    }

    @Test
    void explained_matches_are_always_json_objects() {
        Advice.Explanation e = new Advice.Explanation("rule", "a.drl:1", List.of(3, Map.of("escalationPath", false), "text"));
        JsonNode json = Json.MAPPER.valueToTree(e);
        assertThat(json.get("matched")).hasSize(3).allSatisfy(m -> assertThat(m.isObject()).as(m.toString()).isTrue());
        assertThat(json.at("/matched/0/value").asInt()).isEqualTo(3);
        assertThat(json.at("/matched/1/escalationPath").asBoolean(true)).isFalse();
    }

    @Test
    void an_access_line_holds_method_path_status_duration_and_revision_and_nothing_a_client_can_forge_lines_with() {
        assertThat(AccessLog.line("POST", "/api/v1/advice", 200, 12, "23f76f01ae35b518"))
                .isEqualTo("method=POST path=/api/v1/advice status=200 ms=12 revision=23f76f01ae35b518");
        assertThat(AccessLog.line("GET", "/a\nmethod=FAKE b", 404, 1, null))
                .isEqualTo("method=GET path=/a_method=FAKE_b status=404 ms=1 revision=-");
    }

    @Test
    void metrics_follow_prometheus_naming_and_include_the_jvm_and_process() {
        ServiceMetrics metrics = new ServiceMetrics();
        metrics.reloaded(new com.covalue.app.ReloadOutcome(java.time.Instant.EPOCH, "startup", "loaded", "abc", 5, List.of()),
                190, "abc");
        String text = metrics.scrape();
        assertThat(text).contains("# TYPE covalue_rules_loaded gauge").contains("covalue_rules_loaded 190")
                .doesNotContain("covalue_rules_count")
                .contains("jvm_memory_used_bytes").contains("jvm_threads_current").contains("process_cpu_seconds_total");
    }

    private static HttpResponse<String> sendBytes(String origin, String path, byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}

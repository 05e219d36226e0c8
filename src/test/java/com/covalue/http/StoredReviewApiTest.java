package com.covalue.http;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.model.Json;
import com.covalue.review.OpenApiSchemas;
import com.covalue.review.Review;
import com.covalue.review.report.ReportFormat;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import com.covalue.web.WebConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/reviews/stored}: the renewal review of the service's own history, for pipelines. */
class StoredReviewApiTest {

    private static final String ADMIN = "admin-s3cret";
    private static final String WRITER = "writer-s3cret";
    private static final String STORED = "/api/v1/reviews/stored?asOf=2026-11-23";

    private static RuleRegistry registry;

    @TempDir
    Path data;

    @BeforeAll
    static void loadRules() {
        registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
    }

    private static HttpResponse<String> get(String origin, String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void store(String origin, String id, String assessedOn) {
        String body = with(with(exampleJson(), "relationship.id", id), "assessedOn", assessedOn).toString();
        HttpApiTest.Reply r = HttpApiTest.send(origin, "POST", "/api/v1/relationships/" + id + "/snapshots", "application/json",
                body, "Bearer " + WRITER);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void the_stored_history_is_reviewed_with_a_token_in_every_format_with_the_exit_code_alongside() throws Exception {
        try (HistoryStore history = HistoryStore.open(StoreSettings.embedded(data), TestSupport.CLOCK)) {
            Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                    new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, ADMIN, WRITER, false), new ServiceMetrics(), history,
                    TestSupport.CLOCK, WebConfig.closed());
            JavalinTest.test(app, (server, client) -> {
                String origin = client.getOrigin();
                HttpResponse<String> empty = get(origin, STORED, ADMIN);
                assertThat(empty.statusCode()).as(empty.body()).isEqualTo(404);
                assertThat(Json.MAPPER.readTree(empty.body()).get("code").asText()).isEqualTo("not_found");

                store(origin, "northwind-helpdesk", "2026-05-01");
                store(origin, "northwind-helpdesk", "2026-11-01");
                store(origin, "acme-ito", "2026-10-01");

                // stored data is not open to anyone who can reach the service
                HttpResponse<String> anonymous = get(origin, STORED, null);
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(Json.MAPPER.readTree(anonymous.body()).get("code").asText()).isEqualTo("unauthorized");
                assertThat(get(origin, STORED, "wrong").statusCode()).isEqualTo(401);

                HttpResponse<String> reply = get(origin, STORED, ADMIN);
                JsonNode review = json(reply);
                assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
                assertThat(OpenApiSchemas.problems("Review", review)).isEmpty();
                assertThat(review.at("/summary/snapshotsGiven").asInt()).isEqualTo(3);
                assertThat(review.at("/summary/relationships").asInt()).isEqualTo(2);
                assertThat(review.findValuesAsText("file")).contains("store:northwind-helpdesk/2026-11-01", "store:acme-ito/2026-10-01");
                assertThat(review.get("reviewed").findValuesAsText("since")).as("direction of travel from the stored history")
                        .containsExactly("2026-05-01");
                assertThat(review.at("/summary/gate/passed").asBoolean()).isFalse();
                assertThat(reply.headers().firstValue(ReviewController.EXIT_CODE)).hasValue("1");

                // the write token reads too (it acts as a lead); the options work as on the command line
                HttpResponse<String> lenient = get(origin, STORED + "&failOn=REVIEW_EXIT_OPTIONS&within=200", WRITER);
                assertThat(json(lenient).at("/summary/gate/passed").asBoolean()).isTrue();
                assertThat(json(lenient).at("/withinDays").asInt()).isEqualTo(200);
                assertThat(lenient.headers().firstValue(ReviewController.EXIT_CODE)).hasValue("0");

                // every other format is the same review rendered, as `covalue review --server` renders the JSON
                Review fromJson = Json.MAPPER.readValue(reply.body(), Review.class);
                for (ReportFormat format : ReportFormat.values()) {
                    HttpResponse<String> r = get(origin, STORED + "&format=" + format, ADMIN);
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                            .isEqualTo(format.mediaType().replace(" ", ""));
                    assertThat(r.headers().firstValue(ReviewController.EXIT_CODE)).hasValue("1");
                    assertThat(r.body()).as(format.name()).isEqualTo(format.render(fromJson));
                }

                HttpResponse<String> wrong = get(origin, STORED + "&format=pdf&fail=RENEW", ADMIN);
                assertThat(wrong.statusCode()).isEqualTo(400);
                assertThat(Json.MAPPER.readTree(wrong.body()).findValuesAsText("field")).containsExactlyInAnyOrder("format", "fail");
            });
        }
    }

    @Test
    void a_posted_review_carries_the_exit_code_too() {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(), new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 3, ADMIN),
                new ServiceMetrics());
        JavalinTest.test(app, (server, client) -> {
            String broken = "[" + with(TestSupport.minimalJson("broken"), "delivery.promisesDue12m", -1) + "]";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin()
                    + "/api/v1/reviews")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(broken))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue(ReviewController.EXIT_CODE)).as("nothing readable").hasValue("2");
        });
    }
}

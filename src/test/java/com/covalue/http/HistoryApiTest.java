package com.covalue.http;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.with;
import static com.covalue.http.HttpApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.web.WebConfig;
import com.covalue.http.HttpApiTest.Reply;
import com.covalue.model.Json;
import com.covalue.review.OpenApiSchemas;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relationship history endpoints, through a real HTTP client, on a new embedded store per
 * test; {@link PostgresHistoryApiTest} runs the same tests on PostgreSQL.
 */
class HistoryApiTest {

    private static final String ADMIN = "admin-s3cret";
    private static final String WRITER = "writer-s3cret";
    private static RuleRegistry registry;

    @TempDir
    Path data;
    private HistoryStore store;

    @BeforeAll
    static void loadRules() {
        registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
    }

    /** Where this run's store lives: a new embedded database in a temporary folder. */
    StoreSettings freshDatabase() {
        return StoreSettings.embedded(data);
    }

    @BeforeEach
    void openStore() {
        store = HistoryStore.open(freshDatabase(), TestSupport.CLOCK);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void withApp(String writeToken, Consumer<String> test) {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, ADMIN, writeToken, false), new ServiceMetrics(), store,
                TestSupport.CLOCK, WebConfig.withOpenReads()); // as serve --open-reads: sign-in is WebAppTest's
        JavalinTest.test(app, (server, client) -> test.accept(client.getOrigin()));
    }

    private void withApp(Consumer<String> test) {
        withApp(null, test);
    }

    private static ObjectNode snapshot(String id, String assessedOn) {
        return with(with(exampleJson(), "relationship.id", id), "assessedOn", assessedOn);
    }

    private static Reply post(String origin, String id, JsonNode body, String query, String auth) {
        return send(origin, "POST", "/api/v1/relationships/" + id + "/snapshots" + query, "application/json", body.toString(), auth);
    }

    private static Reply post(String origin, String id, JsonNode body) {
        return post(origin, id, body, "", null);
    }

    private static Reply get(String origin, String path) {
        return send(origin, "GET", path, null, null, null);
    }

    private static void assertError(Reply r, int status, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.json().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        }
    }

    @Test
    void POST_snapshot_stores_it_and_every_GET_shows_it() {
        withApp(origin -> {
            Reply created = post(origin, "acme-ito", snapshot("acme-ito", "2026-11-01"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("relationshipId").asText()).isEqualTo("acme-ito");
            assertThat(created.json().has("trend")).isFalse();

            Reply one = get(origin, "/api/v1/relationships/acme-ito");
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().get("snapshots").asInt()).isEqualTo(1);
            assertThat(one.json().get("health").asInt()).isEqualTo(created.json().at("/health/overall").asInt());
            assertThat(one.json().get("verdict").asText()).isEqualTo(created.json().at("/renewal/verdict").asText());
            assertThat(one.json().get("renewalDate").asText()).isEqualTo("2027-03-31");

            Reply list = get(origin, "/api/v1/relationships");
            assertThat(list.json().get("items")).extracting(i -> i.get("id").asText()).containsExactly("acme-ito");
            assertThat(list.json().has("next")).isFalse();

            Reply history = get(origin, "/api/v1/relationships/acme-ito/snapshots");
            JsonNode item = history.json().get("items").get(0);
            assertThat(item.get("assessedOn").asText()).isEqualTo("2026-11-01");
            assertThat(item.get("snapshot")).isEqualTo(snapshot("acme-ito", "2026-11-01"));
            assertThat(item.get("rulesRevision").asText()).isEqualTo(registry.active().orElseThrow().revision());

            Reply stored = get(origin, "/api/v1/relationships/acme-ito/snapshots/2026-11-01");
            assertThat(stored.json().get("advice")).isEqualTo(created.json());
            assertThat(stored.json().get("snapshot")).isEqualTo(snapshot("acme-ito", "2026-11-01"));

            Reply latest = get(origin, "/api/v1/relationships/acme-ito/advice/latest");
            assertThat(latest.status()).isEqualTo(200);
            assertThat(latest.body()).isEqualTo(created.body());
        });
    }

    @Test
    void a_second_snapshot_whose_satisfaction_fell_gets_the_trend_advice_while_stateless_advice_does_not() {
        withApp(origin -> {
            assertThat(post(origin, "acme-ito", with(snapshot("acme-ito", "2026-05-01"), "measurement.satisfactionScore", 5))
                    .status()).isEqualTo(201);
            Reply second = post(origin, "acme-ito", snapshot("acme-ito", "2026-11-01"));
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json().get("recommendations")).extracting(r -> r.get("id").asText())
                    .contains("MEASUREMENT-SATISFACTION-FALLING");
            assertThat(second.json().at("/trend/previousAssessedOn").asText()).isEqualTo("2026-05-01");
            assertThat(OpenApiSchemas.problems("Advice", second.json())).isEmpty();
            assertThat(OpenApiSchemas.problems("RelationshipSummary", get(origin, "/api/v1/relationships/acme-ito").json()))
                    .isEmpty();
            assertThat(OpenApiSchemas.problems("Renewals", get(origin, "/api/v1/renewals").json())).isEmpty();
            assertThat(OpenApiSchemas.problems("Advice", with(second.json().deepCopy(), "trend.daysBetween", "x")))
                    .as("the schema check itself can fail").isNotEmpty();

            Reply stateless = HttpApiTest.postJson(origin, "/api/v1/advice", snapshot("acme-ito", "2026-11-01").toString());
            assertThat(stateless.json().has("trend")).isFalse();
            assertThat(stateless.json().get("recommendations")).extracting(r -> r.get("id").asText())
                    .doesNotContain("MEASUREMENT-SATISFACTION-FALLING");
        });
    }

    @Test
    void the_same_day_again_is_409_unless_replace_is_true() {
        withApp(origin -> {
            post(origin, "acme-ito", snapshot("acme-ito", "2026-11-01"));
            ObjectNode again = with(snapshot("acme-ito", "2026-11-01"), "measurement.satisfactionScore", 5);
            assertError(post(origin, "acme-ito", again), 409, "snapshot_exists", "assessedOn");
            assertError(post(origin, "acme-ito", again, "?replace=false", null), 409, "snapshot_exists", "assessedOn");
            assertError(post(origin, "acme-ito", again, "?replace=yes", null), 400, "invalid_parameter", "replace");
            Reply replaced = post(origin, "acme-ito", again, "?replace=true", null);
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(get(origin, "/api/v1/relationships/acme-ito/snapshots/2026-11-01").json()
                    .at("/snapshot/measurement/satisfactionScore").asInt()).isEqualTo(5);
            assertThat(get(origin, "/api/v1/relationships/acme-ito").json().get("snapshots").asInt()).isEqualTo(1);
        });
    }

    @Test
    void a_path_id_that_differs_from_the_snapshot_or_is_malformed_and_a_bad_snapshot_are_400_and_store_nothing() {
        withApp(origin -> {
            assertError(post(origin, "other-id", snapshot("acme-ito", "2026-11-01")), 400, "id_mismatch", "relationship.id");
            assertError(post(origin, "bad%20id", snapshot("acme-ito", "2026-11-01")), 400, "invalid_parameter", "id");
            assertError(post(origin, "acme-ito", with(snapshot("acme-ito", "2026-11-01"), "trust.openBook", "yes")), 400,
                    "invalid_snapshot", "trust.openBook");
            assertError(send(origin, "POST", "/api/v1/relationships/acme-ito/snapshots", "application/json", "{oops", null),
                    400, "malformed_json", null);
            assertThat(get(origin, "/api/v1/relationships").json().get("items")).isEmpty();
        });
    }

    @Test
    void listings_page_with_limit_and_cursor_and_refuse_bad_parameters() {
        withApp(origin -> {
            for (String id : List.of("c-three", "a-one", "b-two")) {
                post(origin, id, snapshot(id, "2026-11-01"));
            }
            List<String> seen = new ArrayList<>();
            String path = "/api/v1/relationships?limit=2";
            int pages = 0;
            while (path != null) {
                JsonNode page = get(origin, path).json();
                page.get("items").forEach(i -> seen.add(i.get("id").asText()));
                path = page.has("next") ? "/api/v1/relationships?limit=2&cursor=" + page.get("next").asText() : null;
                pages++;
            }
            assertThat(seen).containsExactly("a-one", "b-two", "c-three");
            assertThat(pages).isEqualTo(2);

            assertError(get(origin, "/api/v1/relationships?limit=abc"), 400, "invalid_parameter", "limit");
            assertError(get(origin, "/api/v1/relationships?limit=101"), 400, "invalid_parameter", "limit");
            assertError(get(origin, "/api/v1/relationships?cursor=nonsense"), 400, "invalid_parameter", "cursor");

            post(origin, "a-one", snapshot("a-one", "2026-10-01"));
            JsonNode first = get(origin, "/api/v1/relationships/a-one/snapshots?limit=1").json();
            assertThat(first.get("items").get(0).get("assessedOn").asText()).isEqualTo("2026-11-01");
            JsonNode second = get(origin, "/api/v1/relationships/a-one/snapshots?limit=1&cursor=" + first.get("next").asText()).json();
            assertThat(second.get("items").get(0).get("assessedOn").asText()).isEqualTo("2026-10-01");
            assertThat(second.has("next")).isFalse();
        });
    }

    @Test
    void unknown_relationships_and_days_are_404_and_a_bad_date_is_400() {
        withApp(origin -> {
            post(origin, "acme-ito", snapshot("acme-ito", "2026-11-01"));
            assertError(get(origin, "/api/v1/relationships/nobody"), 404, "not_found", null);
            assertError(get(origin, "/api/v1/relationships/nobody/snapshots"), 404, "not_found", null);
            assertError(get(origin, "/api/v1/relationships/nobody/advice/latest"), 404, "not_found", null);
            assertError(get(origin, "/api/v1/relationships/acme-ito/snapshots/2026-01-01"), 404, "not_found", null);
            assertError(get(origin, "/api/v1/relationships/acme-ito/snapshots/yesterday"), 400, "invalid_parameter", "assessedOn");
        });
    }

    @Test
    void with_a_write_token_storing_needs_it_and_the_admin_token_does_not_replace_it() {
        withApp(WRITER, origin -> {
            ObjectNode s = snapshot("acme-ito", "2026-11-01");
            assertError(post(origin, "acme-ito", s, "", null), 401, "unauthorized", null);
            assertError(post(origin, "acme-ito", s, "", "Bearer wrong"), 401, "unauthorized", "Authorization");
            assertError(post(origin, "acme-ito", s, "", "Bearer " + ADMIN), 401, "unauthorized", "Authorization");
            assertThat(get(origin, "/api/v1/relationships").json().get("items")).isEmpty();
            assertThat(post(origin, "acme-ito", s, "", "Bearer " + WRITER).status()).isEqualTo(201);
            assertThat(get(origin, "/api/v1/relationships/acme-ito").status()).isEqualTo(200); // reading needs no token
        });
    }

    @Test
    void DELETE_needs_the_admin_token_and_removes_the_whole_history() {
        withApp(WRITER, origin -> {
            post(origin, "acme-ito", snapshot("acme-ito", "2026-11-01"), "", "Bearer " + WRITER);
            String path = "/api/v1/relationships/acme-ito";
            assertError(send(origin, "DELETE", path, null, null, null), 401, "unauthorized", null);
            assertError(send(origin, "DELETE", path, null, null, "Bearer " + WRITER), 401, "unauthorized", "Authorization");
            assertThat(send(origin, "DELETE", path, null, null, "Bearer " + ADMIN).status()).isEqualTo(204);
            assertError(get(origin, path), 404, "not_found", null);
            assertError(send(origin, "DELETE", path, null, null, "Bearer " + ADMIN), 404, "not_found", null);
        });
    }

    @Test
    void renewals_lists_what_is_due_in_the_window_soonest_first() {
        withApp(origin -> {
            // today is 2026-11-23
            post(origin, "later", with(snapshot("later", "2026-11-01"), "relationship.renewalDate", "2027-04-30"));
            post(origin, "sooner", with(snapshot("sooner", "2026-11-01"), "relationship.renewalDate", "2027-01-31"));
            post(origin, "far", with(snapshot("far", "2026-11-01"), "relationship.renewalDate", "2028-01-31"));
            JsonNode due = get(origin, "/api/v1/renewals").json();
            assertThat(due.get("within").asInt()).isEqualTo(180);
            assertThat(due.get("today").asText()).isEqualTo("2026-11-23");
            assertThat(due.get("items")).extracting(i -> i.get("id").asText()).containsExactly("sooner", "later");
            JsonNode first = due.get("items").get(0);
            assertThat(first.get("daysToRenewal").asInt()).isEqualTo(69);
            assertThat(first.get("verdict").asText()).isEqualTo("REMEDIATE_BEFORE_RENEWAL");
            assertThat(first.get("conditions")).isNotEmpty();
            assertThat(get(origin, "/api/v1/renewals?within=30").json().get("items")).isEmpty();
            assertError(get(origin, "/api/v1/renewals?within=soon"), 400, "invalid_parameter", "within");
            assertError(get(origin, "/api/v1/renewals?within=4000"), 400, "invalid_parameter", "within");
        });
    }

    @Test
    void the_stateless_app_has_no_history_endpoints_and_the_openapi_document_lists_them() {
        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, ADMIN), new ServiceMetrics(), null, TestSupport.CLOCK,
                WebConfig.withOpenReads());
        JavalinTest.test(app, (server, client) -> {
            assertError(get(client.getOrigin(), "/api/v1/relationships"), 404, "not_found", null);
            String doc = get(client.getOrigin(), "/api/v1/openapi.yaml").body();
            assertThat(doc).contains("/api/v1/relationships/{id}/snapshots:", "/api/v1/relationships:",
                    "/api/v1/relationships/{id}:", "/api/v1/relationships/{id}/advice/latest:", "/api/v1/renewals:",
                    "/api/v1/relationships/{id}/snapshots/{assessedOn}:");
            Json.MAPPER.readTree(Json.YAML.readTree(doc).toString()); // it parses
        });
    }
}

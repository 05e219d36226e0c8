package com.covalue.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.covalue.web.WebFixture.Client;
import com.covalue.web.WebFixture.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, over plain HTTP: reads of stored data need a session or token unless
 * --open-reads, the advice stays open unless --close-advice, forms need their CSRF token, roles
 * limit writes, and respondent links work for one side until they expire, are withdrawn or the
 * assessment closes. The whole assessment also runs through the JSON API, as a survey tool would.
 */
class WebAppTest {

    @TempDir
    Path data;

    @Test
    void reads_of_stored_data_need_a_session_or_token_while_advice_stays_open() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client anonymous = f.client();
            for (String path : new String[] {"/api/v1/relationships", "/api/v1/renewals", "/metrics", "/api/v1/rules",
                    "/api/v1/assessments"}) {
                Reply r = anonymous.get(path);
                assertThat(r.status()).as(path).isEqualTo(401);
                assertThat(r.body()).contains("\"code\":\"unauthorized\"");
            }
            Reply page = anonymous.get("/relationships/acme?x=1");
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).isEqualTo("/signin?next=%2Frelationships%2Facme%3Fx%3D1");
            assertThat(anonymous.json("POST", "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE)).status()).isEqualTo(200);
            assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
            assertThat(anonymous.get("/no/such/page").status()).as("an unknown path is still a 404").isEqualTo(404);

            Client script = f.client();
            script.bearer = "cvt_not-a-token";
            assertThat(script.get("/api/v1/relationships").status()).isEqualTo(401);
            script.bearer = f.covalue.accounts().newToken(new com.covalue.app.User("vic", com.covalue.model.Role.VIEWER), "test");
            assertThat(script.get("/api/v1/relationships").status()).isEqualTo(200);
            assertThat(script.get("/metrics").status()).isEqualTo(200);
            script.bearer = WebFixture.ADMIN_TOKEN; // the service's own admin token keeps working, for reads too
            assertThat(script.get("/api/v1/rules").status()).isEqualTo(200);
            assertThat(script.json("POST", "/api/v1/assessments", "{\"relationshipId\":\"x\",\"assessedOn\":\"2026-11-20\"}").status())
                    .as("but it is not a lead").isEqualTo(403);
        }
    }

    @Test
    void open_reads_let_anyone_read_and_close_advice_closes_the_advice() {
        try (WebFixture f = new WebFixture(data, new WebConfig(true, true, Duration.ofDays(14), WebConfig.DEFAULT_SESSION))) {
            Client anonymous = f.client();
            assertThat(anonymous.get("/api/v1/relationships").status()).isEqualTo(200);
            assertThat(anonymous.get("/").status()).isEqualTo(200);
            assertThat(anonymous.json("POST", "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE)).status()).isEqualTo(401);
            assertThat(anonymous.json("POST", "/api/v1/assessments", "{}").status()).as("open reads, not open writes").isEqualTo(401);
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_forms_without_their_csrf_token_are_refused() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lead = f.client();
            Reply signInPage = lead.get("/signin");
            Reply forged = lead.form("/signin", Map.of("_csrf", "guessed", "name", "lee", "password", WebFixture.PASSWORD));
            assertThat(forged.status()).as("a sign-in form posted from elsewhere").isEqualTo(403);
            Reply wrong = lead.form("/signin", Map.of("_csrf", WebFixture.hidden(lead.get("/signin").body(), "_csrf"),
                    "name", "lee", "password", "not the password"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("do not match");
            assertThat(signInPage.body()).contains("<label for=\"password\">");

            Reply page = lead.get("/signin");
            Reply done = lead.form("/signin", Map.of("_csrf", WebFixture.hidden(page.body(), "_csrf"), "next", "//evil.example/",
                    "name", "lee", "password", WebFixture.PASSWORD));
            assertThat(done.header("Location")).as("never bounced to another site").isEqualTo("/");
            String cookie = done.headerValues("Set-Cookie").stream().filter(c -> c.startsWith(AccessGate.COOKIE + "=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");

            Map<String, String> open = Map.of("relationshipId", "csrf-test", "assessedOn", "2026-11-20");
            Reply noToken = lead.form("/assessments", open);
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(noToken.body()).contains("CSRF");
            Reply badToken = lead.form("/assessments", Map.of("_csrf", "wrong", "relationshipId", "csrf-test", "assessedOn", "2026-11-20"));
            assertThat(badToken.status()).isEqualTo(403);
            assertThat(f.covalue.assessments().all()).isEmpty();
            Reply good = lead.form("/assessments", Map.of("_csrf", lead.csrf(), "relationshipId", "csrf-test", "assessedOn", "2026-11-20"));
            assertThat(good.status()).as("answered with a redirect to the assessment's page").isEqualTo(303);
            assertThat(lead.get(good.header("Location")).body()).contains("/r/");

            Reply signedOut = lead.form("/signout", Map.of("_csrf", lead.csrf()));
            assertThat(signedOut.status()).isEqualTo(302);
            assertThat(lead.get("/").status()).isEqualTo(302);
        }
    }

    @Test
    void a_viewer_reads_but_cannot_write() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client viewer = f.client();
            viewer.signIn("vic");
            assertThat(viewer.get("/").status()).isEqualTo(200);
            assertThat(viewer.get("/assessments/new").status()).isEqualTo(403);
            Reply open = viewer.form("/assessments", Map.of("_csrf", viewer.csrf(), "relationshipId", "x", "assessedOn", "2026-11-20"));
            assertThat(open.status()).isEqualTo(403);
            assertThat(open.body()).contains("lead role");
            Reply store = viewer.send("POST", "/api/v1/relationships/acme-ito/snapshots?x", "application/json", "{}");
            assertThat(store.status()).isIn(400, 403); // refused by CSRF (no header) or by role, never stored
            viewer.bearer = f.covalue.accounts().newToken(new com.covalue.app.User("vic", com.covalue.model.Role.VIEWER), "t");
            assertThat(viewer.json("POST", "/api/v1/relationships/acme-ito/snapshots", TestSupport.read(TestSupport.EXAMPLE)).status())
                    .isEqualTo(403);
            assertThat(viewer.json("POST", "/api/v1/assessments", "{\"relationshipId\":\"x\",\"assessedOn\":\"2026-11-20\"}").status())
                    .isEqualTo(403);
            assertThat(viewer.json("POST", "/api/v1/users", "{\"name\":\"eve\",\"role\":\"admin\"}").status()).isEqualTo(403);
            assertThat(f.covalue.allRelationships()).isEmpty();
        }
    }

    @Test
    void a_two_sided_assessment_runs_through_the_api_and_each_side_sees_only_its_own_answers() throws Exception {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lead = f.client();
            lead.bearer = f.covalue.accounts().newToken(new com.covalue.app.User("lee", com.covalue.model.Role.LEAD), "survey tool");
            ObjectNode facts = TestSupport.exampleV2Json();
            String id = facts.path("relationship").path("id").asText();
            facts.remove(java.util.List.of("schemaVersion", "assessedOn", "views"));
            ((ObjectNode) facts.get("relationship")).remove("id");
            Reply bad = lead.json("POST", "/api/v1/assessments", "{\"relationshipId\":\"" + id
                    + "\",\"assessedOn\":\"2026-11-20\",\"facts\":{\"delivery\":{\"promisesDue12m\":2,\"promisesKept12m\":5}}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("delivery.promisesKept12m");

            Reply opened = lead.json("POST", "/api/v1/assessments", "{\"relationshipId\":\"" + id + "\",\"assessedOn\":\"2026-11-20\","
                    + "\"facts\":" + facts + "}");
            assertThat(opened.status()).isEqualTo(201);
            JsonNode body = Json.MAPPER.readTree(opened.body());
            String assessment = body.at("/assessment/id").asText();
            String clientToken = token(body.at("/links/client").asText());
            String supplierToken = token(body.at("/links/supplier").asText());
            assertThat(clientToken).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(supplierToken);
            assertThat(opened.body()).doesNotContain("tokenHash");

            Client respondent = f.client(); // no account: the link is the capability
            JsonNode questionnaire = Json.MAPPER.readTree(respondent.get("/api/v1/respond/" + clientToken).body());
            assertThat(questionnaire.get("side").asText()).isEqualTo("CLIENT");
            assertThat(questionnaire.get("factors")).hasSize(7);
            int practices = 0;
            for (JsonNode factor : questionnaire.get("factors")) {
                practices += factor.get("questions").size();
            }
            assertThat(practices).isEqualTo(96);

            Reply wrongPractice = respondent.json("PUT", "/api/v1/respond/" + clientToken, "{\"practices\":{\"GOV-99\":\"YES\"}}");
            assertThat(wrongPractice.status()).isEqualTo(400);
            assertThat(wrongPractice.body()).contains("views.client.practices.GOV-99");
            Reply saved = respondent.json("PUT", "/api/v1/respond/" + clientToken + "?submit=true",
                    "{\"respondentRole\":\"head of vendor management\",\"ratings\":{\"governance\":2,\"trust\":2},"
                            + "\"practices\":{\"GOV-01\":\"NO\",\"GOV-05\":\"PARTLY\"}}");
            assertThat(saved.status()).isEqualTo(200);
            JsonNode supplierView = Json.MAPPER.readTree(respondent.get("/api/v1/respond/" + supplierToken).body());
            assertThat(supplierView.at("/answers/practices").size()).as("the supplier never sees the client's answers").isZero();
            respondent.json("PUT", "/api/v1/respond/" + supplierToken + "?submit=true",
                    "{\"respondentRole\":\"account director\",\"ratings\":{\"governance\":4,\"trust\":4},"
                            + "\"practices\":{\"GOV-01\":\"NO\",\"GOV-05\":\"YES\"}}");
            JsonNode status = Json.MAPPER.readTree(lead.get("/api/v1/assessments/" + assessment).body());
            assertThat(status.toString()).as("the lead sees who answered, not what").doesNotContain("PARTLY");

            Reply closed = lead.json("POST", "/api/v1/assessments/" + assessment + "/close", null);
            assertThat(closed.status()).isEqualTo(201);
            JsonNode advice = Json.MAPPER.readTree(closed.body());
            assertThat(advice.at("/alignment/0/factor").asText()).isEqualTo("governance");
            assertThat(advice.at("/alignment/0/gap").asInt()).isEqualTo(2);
            assertThat(advice.get("matching").toString()).contains("GOV-05");
            JsonNode stored = Json.MAPPER.readTree(lead.get("/api/v1/relationships/" + id + "/snapshots/2026-11-20").body());
            assertThat(stored.at("/snapshot/views/client/respondentRole").asText()).isEqualTo("head of vendor management");
            assertThat(stored.at("/snapshot/delivery/promisesDue12m").asInt()).isEqualTo(facts.at("/delivery/promisesDue12m").asInt());

            assertThat(respondent.get("/api/v1/respond/" + clientToken).status()).as("closed: the link is spent").isEqualTo(403);
            assertThat(lead.json("POST", "/api/v1/assessments/" + assessment + "/close", null).status()).isEqualTo(400);
        }
    }

    @Test
    void a_side_that_did_not_answer_is_left_out_and_links_expire_and_can_be_withdrawn() throws Exception {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lead = f.client();
            lead.bearer = f.covalue.accounts().newToken(new com.covalue.app.User("lee", com.covalue.model.Role.LEAD), "script");
            JsonNode body = Json.MAPPER.readTree(lead.json("POST", "/api/v1/assessments",
                    "{\"relationshipId\":\"one-sided\",\"assessedOn\":\"2026-11-20\",\"linkDays\":3}").body());
            String clientToken = token(body.at("/links/client").asText());
            String supplierToken = token(body.at("/links/supplier").asText());
            Client respondent = f.client();
            assertThat(respondent.get("/r/" + clientToken).status()).isEqualTo(200);
            assertThat(respondent.get("/r/" + clientToken.substring(1) + "x").status()).isEqualTo(404);

            String assessment = body.at("/assessment/id").asText();
            assertThat(lead.json("POST", "/api/v1/assessments/" + assessment + "/links/supplier/revoke", null).status()).isEqualTo(204);
            Reply withdrawn = respondent.get("/r/" + supplierToken);
            assertThat(withdrawn.status()).isEqualTo(403);
            assertThat(withdrawn.body()).contains("withdrawn");

            respondent.json("PUT", "/api/v1/respond/" + clientToken + "?submit=true", "{\"ratings\":{\"trust\":3}}");
            f.clock.advance(Duration.ofDays(3));
            Reply expired = respondent.get("/r/" + clientToken);
            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.body()).contains("expired");
            assertThat(respondent.json("PUT", "/api/v1/respond/" + clientToken, "{}").status()).isEqualTo(403);

            JsonNode advice = Json.MAPPER.readTree(lead.json("POST", "/api/v1/assessments/" + assessment + "/close", null).body());
            assertThat(advice.get("alignment")).as("one side only: nothing to compare").isEmpty();
            JsonNode stored = Json.MAPPER.readTree(lead.get("/api/v1/relationships/one-sided/snapshots/2026-11-20").body());
            assertThat(stored.at("/snapshot/views/client/ratings/trust").asInt()).isEqualTo(3);
            assertThat(stored.at("/snapshot/views").has("supplier")).isFalse();
        }
    }

    private static String token(String link) {
        assertThat(link).contains("/r/");
        return link.substring(link.indexOf("/r/") + 3);
    }
}

package com.covalue.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.Json;
import com.covalue.model.Role;
import com.covalue.web.WebFixture.Client;
import com.covalue.web.WebFixture.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web app's forms change: each answers with a redirect (so a refresh never posts twice),
 * a secret they make (a respondent link, a token, a password) is shown once on the page after the
 * redirect and never put in an address; a lead issues a fresh link for one side; an admin removes
 * users and revokes tokens, which stop working at once; failed sign-ins are slowed down; sessions
 * survive a restart.
 */
class WebWritesTest {

    private static final Pattern LINK = Pattern.compile("id=\"link-(client|supplier)\"[^>]*value=\"[^\"]*/r/([^\"]+)\"");

    @TempDir
    Path data;

    @Test
    void opening_an_assessment_redirects_and_shows_its_links_once_so_a_refresh_opens_no_second_one() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lead = f.client();
            lead.signIn("lee");
            Reply opened = lead.form("/assessments", Map.of("_csrf", lead.csrf(), "relationshipId", "prg-test", "assessedOn", "2026-11-20"));
            assertThat(opened.status()).isEqualTo(303);
            String page = opened.header("Location");
            assertThat(page).matches("/assessments/[A-Za-z0-9_-]+").doesNotContain("/r/");
            assertThat(f.covalue.assessments().all()).hasSize(1);

            Reply first = lead.get(page);
            Map<String, String> links = links(first.body());
            assertThat(links).containsOnlyKeys("client", "supplier");
            Reply refreshed = lead.get(page); // what the browser's refresh does after a redirect
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(links(refreshed.body())).as("shown once").isEmpty();
            assertThat(f.covalue.assessments().all()).as("no second assessment").hasSize(1);
            Client other = f.client();
            other.signIn("lee");
            assertThat(links(other.get(page).body())).as("another session never sees them").isEmpty();

            // a lost link: the lead issues a new one; the old stops working, the draft saved on it is kept
            Client respondent = f.client();
            String oldClient = links.get("client");
            assertThat(respondent.json("PUT", "/api/v1/respond/" + oldClient, "{\"ratings\":{\"trust\":2}}").status()).isEqualTo(200);
            Reply reissued = lead.form(page + "/links/client/reissue", Map.of("_csrf", lead.csrf()));
            assertThat(reissued.status()).isEqualTo(303);
            assertThat(reissued.header("Location")).isEqualTo(page);
            Map<String, String> fresh = links(lead.get(page).body());
            assertThat(fresh).containsOnlyKeys("client");
            assertThat(respondent.get("/r/" + oldClient).status()).isEqualTo(403);
            assertThat(respondent.get("/r/" + links.get("supplier")).status()).as("the other side's link is untouched").isEqualTo(200);
            JsonNode draft = json(respondent.get("/api/v1/respond/" + fresh.get("client")));
            assertThat(draft.at("/answers/ratings/trust").asInt()).isEqualTo(2);
            assertThat(f.covalue.assessments().all().get(0).links()).as("one line per side on the page").hasSize(2);

            // and through the API, as a survey tool would
            Client script = f.client();
            script.bearer = f.covalue.accounts().newToken(new User("lee", Role.LEAD), "survey tool");
            String id = page.substring(page.lastIndexOf('/') + 1);
            Reply api = script.json("POST", "/api/v1/assessments/" + id + "/links/supplier/reissue", "{\"linkDays\":2}");
            assertThat(api.status()).isEqualTo(201);
            JsonNode body = json(api);
            assertThat(body.get("side").asText()).isEqualTo("supplier");
            assertThat(body.get("expiresAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
            String newSupplier = body.get("link").asText().substring(body.get("link").asText().indexOf("/r/") + 3);
            assertThat(respondent.get("/r/" + newSupplier).status()).isEqualTo(200);
            assertThat(respondent.get("/r/" + links.get("supplier")).status()).isEqualTo(403);
            assertThat(script.json("POST", "/api/v1/assessments/" + id + "/links/supplier/reissue", "{\"linkDays\":0}").status())
                    .isEqualTo(400);
            assertThat(script.json("POST", "/api/v1/assessments/" + id + "/links/both/reissue", "").status()).isEqualTo(400);
            assertThat(script.json("POST", "/api/v1/assessments/nope/links/client/reissue", "").status()).isEqualTo(404);
            assertThat(script.json("POST", "/api/v1/assessments/" + id + "/close", null).status()).isEqualTo(201);
            assertThat(script.json("POST", "/api/v1/assessments/" + id + "/links/client/reissue", "").status())
                    .as("closed: no new links").isEqualTo(400);

            // the account page's forms redirect too: a new token is shown once
            Reply token = lead.form("/account/tokens", Map.of("_csrf", lead.csrf(), "label", "laptop"));
            assertThat(token.status()).isEqualTo(303);
            assertThat(token.header("Location")).isEqualTo("/account");
            assertThat(lead.get("/account").body()).contains("Your new token, shown only now: <code class=\"secret\">cvt_");
            assertThat(lead.get("/account").body()).doesNotContain("cvt_");
        }
    }

    @Test
    void a_removed_user_is_signed_out_and_their_tokens_stop_working_at_once() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lee = f.client();
            lee.signIn("lee");
            Client leeScript = f.client();
            leeScript.bearer = f.covalue.accounts().newToken(new User("lee", Role.LEAD), "script");
            Client vicScript = f.client();
            vicScript.bearer = f.covalue.accounts().newToken(new User("vic", Role.VIEWER), "one");
            String vicSecond = f.covalue.accounts().newToken(new User("vic", Role.VIEWER), "two");
            assertThat(lee.get("/").status()).isEqualTo(200);
            assertThat(leeScript.get("/api/v1/relationships").status()).isEqualTo(200);

            Client admin = f.client();
            admin.signIn("ada");
            assertThat(admin.get("/account").body()).contains("Revoke vic's tokens").contains("Remove lee");
            Reply revoked = admin.form("/account/users/vic/revoke-tokens", Map.of("_csrf", admin.csrf()));
            assertThat(revoked.status()).isEqualTo(303);
            assertThat(admin.get("/account").body()).contains("Revoked vic&#39;s 2 API tokens.");
            assertThat(vicScript.get("/api/v1/relationships").status()).isEqualTo(401);
            vicScript.bearer = vicSecond;
            assertThat(vicScript.get("/api/v1/relationships").status()).isEqualTo(401);

            assertThat(lee.form("/account/users/lee/remove", Map.of("_csrf", lee.csrf())).status()).as("a lead may not").isEqualTo(403);
            Reply removed = admin.form("/account/users/lee/remove", Map.of("_csrf", admin.csrf()));
            assertThat(removed.status()).isEqualTo(303);
            assertThat(lee.get("/").status()).as("the session ended").isEqualTo(302);
            assertThat(lee.get("/").header("Location")).startsWith("/signin");
            assertThat(leeScript.get("/api/v1/relationships").status()).isEqualTo(401);
            assertThat(f.covalue.accounts().signIn("lee", WebFixture.PASSWORD)).isEmpty();

            // the same over the API; the last admin stays
            Client adminScript = f.client();
            adminScript.bearer = f.covalue.accounts().newToken(new User("ada", Role.ADMIN), "admin script");
            vicScript.bearer = f.covalue.accounts().newToken(new User("vic", Role.VIEWER), "three");
            Reply apiRevoke = adminScript.json("DELETE", "/api/v1/users/vic/tokens", null);
            assertThat(apiRevoke.status()).isEqualTo(200);
            assertThat(json(apiRevoke).get("revoked").asInt()).isEqualTo(1);
            assertThat(vicScript.get("/api/v1/relationships").status()).isEqualTo(401);
            assertThat(adminScript.json("DELETE", "/api/v1/users/vic", null).status()).isEqualTo(204);
            assertThat(adminScript.json("DELETE", "/api/v1/users/vic", null).status()).isEqualTo(404);
            Reply lastAdmin = adminScript.json("DELETE", "/api/v1/users/ada", null);
            assertThat(lastAdmin.status()).isEqualTo(403);
            assertThat(lastAdmin.body()).contains("only admin");
        }
    }

    @Test
    void repeated_failed_sign_ins_are_answered_429_with_retry_after_and_the_wait_ends() {
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client guesser = f.client();
            for (int i = 1; i <= SignInThrottle.PAIR_FREE; i++) {
                assertThat(signIn(guesser, "lee", "wrong password " + i).status()).as("failure " + i).isEqualTo(401);
            }
            Reply refused = signIn(guesser, "lee", WebFixture.PASSWORD);
            assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.body()).contains("Too many failed sign-ins. Wait 30 seconds");
            assertThat(signIn(guesser, "vic", WebFixture.PASSWORD).status()).as("another name from the address").isEqualTo(302);

            f.clock.advance(java.time.Duration.ofSeconds(31));
            assertThat(signIn(guesser, "lee", WebFixture.PASSWORD).status()).isEqualTo(302);
        }
    }

    @Test
    void a_session_survives_a_restart_of_the_service_kept_only_as_a_hash_until_it_ends() {
        Map<String, String> cookies;
        try (WebFixture f = new WebFixture(data, WebConfig.closed())) {
            Client lee = f.client();
            lee.signIn("lee");
            cookies = Map.copyOf(lee.cookies);
            String id = cookies.get(AccessGate.COOKIE);
            assertThat(f.store.accounts().session(id)).as("the id itself is not stored").isEmpty();
            assertThat(f.store.accounts().session(Secrets.hash(id))).isPresent();
            Client vic = f.client();
            vic.signIn("vic");
            assertThat(vic.form("/signout", Map.of("_csrf", vic.csrf())).status()).isEqualTo(302);
            assertThat(f.store.accounts().session(Secrets.hash(id))).isPresent();
        }
        try (WebFixture restarted = new WebFixture(data, WebConfig.closed(), false)) {
            Client lee = restarted.client();
            lee.cookies.putAll(cookies);
            assertThat(lee.get("/").status()).as("still signed in after the restart").isEqualTo(200);
            Reply token = lee.form("/account/tokens", Map.of("_csrf", lee.csrf(), "label", "after restart"));
            assertThat(token.status()).as("with the same CSRF token").isEqualTo(303);
            restarted.clock.advance(WebConfig.DEFAULT_SESSION);
            assertThat(lee.get("/").status()).as("until the session's end").isEqualTo(302);
        }
    }

    private static Reply signIn(Client client, String name, String password) {
        client.cookies.remove(AccessGate.COOKIE);
        String csrf = WebFixture.hidden(client.get("/signin").body(), "_csrf");
        return client.form("/signin", Map.of("_csrf", csrf, "next", "/", "name", name, "password", password));
    }

    private static Map<String, String> links(String html) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }

    private static JsonNode json(Reply reply) {
        try {
            return Json.MAPPER.readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(reply.body(), e);
        }
    }
}

package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.CovalueService;
import com.covalue.app.RuleFolder;
import com.covalue.http.HttpApiTest.Reply;
import com.covalue.store.StoreSettings;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/rules/history: the service records every attempt to load its rules in the store. */
class RuleHistoryApiTest {

    private static final String ADMIN = "admin-s3cret";

    @TempDir
    Path dir;

    @Test
    void every_reload_is_recorded_with_its_outcome_files_changed_and_errors_newest_first_and_paged() throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        try (CovalueService service = CovalueService.open(new RuleFolder(rules, "off"),
                StoreSettings.embedded(Files.createDirectory(dir.resolve("data"))), TestSupport.CLOCK)) {
            service.watchRules(Duration.ofHours(1)); // waits for the first load; edits below are reloaded by hand
            var app = CovalueApp.create(service, new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, ADMIN, null, false));
            JavalinTest.test(app, (server, client) -> {
                String origin = client.getOrigin();
                Files.writeString(rules.resolve("trust.drl"), Files.readString(rules.resolve("trust.drl")) + "\n// reviewed\n");
                assertThat(reload(origin).status()).isEqualTo(200);
                Files.writeString(rules.resolve("broken.drl"), "package covalue.rules;\nrule \"x\" when\n  Governance( \nthen end\n");
                assertThat(reload(origin).status()).isEqualTo(422);

                // the history is stored data: without a sign-in or token it is refused
                assertThat(HttpApiTest.send(origin, "GET", "/api/v1/rules/history", null, null, null).status()).isEqualTo(401);
                Reply all = HttpApiTest.send(origin, "GET", "/api/v1/rules/history", null, null, "Bearer " + ADMIN);
                assertThat(all.status()).as(all.body()).isEqualTo(200);
                JsonNode items = all.json().get("items");
                assertThat(items).extracting(i -> i.get("outcome").asText()).containsExactly("rejected", "loaded", "loaded");
                assertThat(items).extracting(i -> i.get("trigger").asText()).containsExactly("admin", "admin", "startup");
                assertThat(items.get(0).get("filesChanged")).extracting(JsonNode::asText).containsExactly("broken.drl");
                assertThat(items.get(0).get("errorCount").asInt()).isPositive();
                assertThat(items.get(0).hasNonNull("revision")).isFalse();
                assertThat(items.get(1).get("filesChanged")).extracting(JsonNode::asText).containsExactly("trust.drl");
                assertThat(items.get(1).get("errorCount").asInt()).isZero();
                assertThat(items.get(1).get("revision").asText()).isEqualTo(service.registry().active().orElseThrow().revision());
                assertThat(items.get(2).get("filesChanged")).extracting(JsonNode::asText).contains("catalogue.yaml", "trust.drl");
                assertThat(all.json().hasNonNull("next")).isFalse();

                Reply first = HttpApiTest.send(origin, "GET", "/api/v1/rules/history?limit=2", null, null, "Bearer " + ADMIN);
                assertThat(first.json().get("items")).hasSize(2);
                Reply second = HttpApiTest.send(origin, "GET", "/api/v1/rules/history?limit=2&cursor="
                        + first.json().get("next").asText(), null, null, "Bearer " + ADMIN);
                assertThat(second.json().get("items")).singleElement()
                        .satisfies(i -> assertThat(i.get("trigger").asText()).isEqualTo("startup"));
                assertThat(HttpApiTest.send(origin, "GET", "/api/v1/rules/history?cursor=nonsense", null, null, "Bearer " + ADMIN).status())
                        .isEqualTo(400);
            });
        }
    }

    private static Reply reload(String origin) {
        return HttpApiTest.send(origin, "POST", "/api/v1/rules/reload", null, null, "Bearer " + ADMIN);
    }
}

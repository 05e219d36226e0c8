package com.covalue.http;

import static com.covalue.TestSupport.exampleJson;
import static com.covalue.TestSupport.with;
import static com.covalue.http.HttpApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServingRules;
import com.covalue.app.ServiceMetrics;
import com.covalue.http.HttpApiTest.Reply;
import com.covalue.store.FullDisk;
import com.covalue.store.HistoryStore;
import com.covalue.web.WebConfig;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the embedded store fills up: storing gets 503 {@code store_unavailable}, while
 * what is stored can still be read and the service says so truthfully; once space is free again,
 * storing works with no restart.
 */
class FullDiskTest {

    private static final String WRITER = "writer-s3cret";

    @TempDir
    Path data;

    @AfterEach
    void freeTheDisk() {
        FullDisk.free();
    }

    private static Reply store(String origin, String id, String assessedOn) {
        String body = with(with(exampleJson(), "relationship.id", id), "assessedOn", assessedOn).toString();
        return send(origin, "POST", "/api/v1/relationships/" + id + "/snapshots", "application/json", body, "Bearer " + WRITER);
    }

    @Test
    void on_a_full_disk_writes_get_503_and_reads_keep_working() {
        RuleRegistry registry = ServingRules.registry(TestSupport.realRules(), TestSupport.CLOCK);
        assertThat(registry.reload("startup").rejected()).isFalse();
        try (HistoryStore history = HistoryStore.open(FullDisk.store(data), TestSupport.CLOCK)) {
            Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                    new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, null, WRITER, false), new ServiceMetrics(), history,
                    TestSupport.CLOCK, WebConfig.withOpenReads());
            JavalinTest.test(app, (server, client) -> {
                String origin = client.getOrigin();
                assertThat(store(origin, "acme-ito", "2026-10-01").status()).isEqualTo(201);

                FullDisk.fill();
                for (int i = 0; i < 3; i++) {
                    Reply refused = store(origin, "northwind-helpdesk", "2026-11-0" + (i + 1));
                    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                    assertThat(refused.json().get("code").asText()).isEqualTo("store_unavailable");

                    Reply list = send(origin, "GET", "/api/v1/relationships", null, null, null);
                    assertThat(list.status()).as("a read after failed write " + i + ": " + list.body()).isEqualTo(200);
                    assertThat(list.json().findValuesAsText("id")).containsExactly("acme-ito");
                    Reply advice = send(origin, "GET", "/api/v1/relationships/acme-ito/advice/latest", null, null, null);
                    assertThat(advice.status()).as(advice.body()).isEqualTo(200);
                    // still ready (reads and advice work), and saying that writes fail
                    Reply ready = send(origin, "GET", "/health/ready", null, null, null);
                    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                    assertThat(ready.json().get("writes").asText()).startsWith("failing");
                }

                FullDisk.free();
                Reply stored = store(origin, "northwind-helpdesk", "2026-11-01");
                assertThat(stored.status()).as("storing once space is free, with no restart: " + stored.body()).isEqualTo(201);
                Reply ready = send(origin, "GET", "/health/ready", null, null, null);
                assertThat(ready.status()).isEqualTo(200);
                assertThat(ready.json().has("writes")).as(ready.body()).isFalse();
            });
        }
    }
}

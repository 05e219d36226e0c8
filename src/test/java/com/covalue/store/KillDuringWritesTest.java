package com.covalue.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code covalue serve} with SIGKILL while it stores snapshots from several clients, starts
 * it again on the same store, and checks that every snapshot it acknowledged is there with its
 * advice, and that the database holds no snapshot without advice and no stale summary. Once with
 * the embedded H2 store, once with PostgreSQL (where the server survives and must have rolled back
 * what the dead process left open).
 */
class KillDuringWritesTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+),");
    private static final int CLIENTS = 6;
    private static final int KILL_AFTER_ACKNOWLEDGED = 240;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Ack(String id, LocalDate day, long micros) {
    }

    @Test
    void every_acknowledged_snapshot_survives_kill_9_with_its_advice_in_the_embedded_store() throws Exception {
        killDuringWrites(List.of("--data", data.toString()), StoreSettings.embedded(data));
    }

    @Test
    void every_acknowledged_snapshot_survives_kill_9_with_its_advice_in_postgresql() throws Exception {
        StoreSettings pg = TestPostgres.freshDatabase();
        killDuringWrites(List.of("--db", pg.url(), "--db-user", pg.user(), "--db-password", pg.password()), pg);
    }

    private void killDuringWrites(List<String> storeArgs, StoreSettings settings) throws Exception {
        Process first = start(storeArgs);
        String origin = origin(first);
        List<Ack> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<Object>> running = new ArrayList<>();
        ObjectNode base = TestSupport.exampleJson();
        for (int c = 0; c < CLIENTS; c++) {
            String id = "kill-test-" + c;
            running.add(clients.submit(() -> {
                // consecutive days (after every date in the example), so each write is compared with the one before
                LocalDate day = LocalDate.of(2025, 3, 1);
                while (!killed.get() && day.isBefore(LocalDate.of(2026, 11, 1))) {
                    ObjectNode s = TestSupport.with(TestSupport.with(base, "relationship.id", id), "assessedOn", day.toString());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/v1/relationships/" + id
                                + "/snapshots")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(s.toString())).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(new Ack(id, day, (System.nanoTime() - t0) / 1000));
                        } else {
                            throw new AssertionError("unexpected " + r.statusCode() + ": " + r.body());
                        }
                    } catch (java.io.IOException e) {
                        unanswered.add(id + " " + day); // in flight when the process died: may or may not be stored
                        return null;
                    }
                    day = day.plusDays(1);
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the database
        killed.set(true);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (var client : running) {
            client.get(); // a client that got anything but 201 or a dropped connection fails the test here
        }
        List<Ack> acks = List.copyOf(acknowledged);
        assertThat(acks).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);

        Process second = start(storeArgs);
        int found = 0;
        try {
            String again = origin(second);
            for (Ack a : acks) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(again + "/api/v1/relationships/" + a.id()
                        + "/snapshots/" + a.day())).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("acknowledged %s %s after restart", a.id(), a.day()).isEqualTo(200);
                JsonNode body = Json.MAPPER.readTree(r.body());
                assertThat(body.at("/advice/relationshipId").asText()).isEqualTo(a.id());
                assertThat(body.at("/advice/assessedOn").asText()).isEqualTo(a.day().toString());
                found++;
            }
            // the restarted service takes writes again, compared with what survived
            ObjectNode next = TestSupport.with(TestSupport.with(base, "relationship.id", "kill-test-0"), "assessedOn", "2026-11-02");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(again + "/api/v1/relationships/kill-test-0/snapshots"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(next.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // with the service stopped, look at the tables themselves
        long orphans;
        long stale;
        long stored;
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            orphans = count(s, "SELECT COUNT(*) FROM snapshot s LEFT JOIN advice a ON a.relationship_id = s.relationship_id"
                    + " AND a.assessed_on = s.assessed_on WHERE a.relationship_id IS NULL");
            stale = count(s, "SELECT COUNT(*) FROM relationship r WHERE r.snapshot_count <> (SELECT COUNT(*) FROM snapshot x"
                    + " WHERE x.relationship_id = r.id) OR r.latest_on <> (SELECT MAX(x.assessed_on) FROM snapshot x"
                    + " WHERE x.relationship_id = r.id)");
            stored = count(s, "SELECT COUNT(*) FROM snapshot");
        }
        long meanMicros = (long) acks.stream().mapToLong(Ack::micros).average().orElse(0);
        long p95Micros = acks.stream().mapToLong(Ack::micros).sorted().skip((long) (acks.size() * 0.95)).findFirst().orElse(0);
        System.out.printf("kill test (%s): %d writes acknowledged before SIGKILL, %d found after restart; %d in flight at the kill;"
                + " %d snapshots stored in all (1 written after restart); %d without advice; %d stale summaries;"
                + " write latency with %d clients mean %.1f ms, p95 %.1f ms%n", settings.isEmbedded() ? "H2" : "PostgreSQL", acks.size(), found, unanswered.size(), stored,
                orphans, stale, CLIENTS, meanMicros / 1000.0, p95Micros / 1000.0);
        assertThat(found).isEqualTo(acks.size());
        assertThat(orphans).isZero();
        assertThat(stale).isZero();
        assertThat(stored).isBetween((long) acks.size() + 1, (long) acks.size() + 1 + unanswered.size());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process start(List<String> storeArgs) throws Exception {
        List<String> command = TestSupport.covalueCommand("serve", "--host", "127.0.0.1", "--port", "0", "--rules",
                TestSupport.RULES.toString(), "--open-reads"); // stores and reads without signing in: what is tested here is durability
        command.addAll(storeArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the start-up line and returns the service's origin; the rest of the log keeps draining. */
    private static String origin(Process p) throws Exception {
        BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = log.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(90, TimeUnit.SECONDS);
        assertThat(port).as("the start-up log line").isNotNull();
        Thread drain = new Thread(() -> {
            try {
                while (log.readLine() != null) {
                    // keep the pipe empty so the service never blocks on logging
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return "http://127.0.0.1:" + port;
    }
}

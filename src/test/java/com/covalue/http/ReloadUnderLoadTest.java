package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.ruleset.RuleSet;
import com.covalue.app.RuleFolderWatcher;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a real socket: while client threads keep asking for advice, the rules folder
 * is edited well, then badly, then well again. Every request must succeed, and every answer must
 * carry a revision that was active while the request was in flight.
 */
class ReloadUnderLoadTest {

    @TempDir
    Path dir;

    record Answer(int status, String revision, long sent, long received) {
    }

    @Test
    void reloads_good_broken_good_under_load_never_fail_a_request_or_serve_broken_rules() throws Exception {
        Path rules = TestSupport.copyRules(dir.resolve("rules"));
        List<Map.Entry<String, long[]>> activations = new CopyOnWriteArrayList<>(); // revision -> {from, until}
        List<String> rejected = new CopyOnWriteArrayList<>();
        RuleRegistry registry = new RuleRegistry(rules, TestSupport.CLOCK, outcome -> {
            long now = System.nanoTime();
            if (outcome.rejected()) {
                rejected.add(outcome.errors().get(0).describe());
            } else if (outcome.outcome().equals("loaded")) {
                // the swap happened somewhere during the reload: its start is a safe lower bound
                long swappedAfter = now - outcome.durationMs() * 1_000_000 - 1_000_000;
                activations.forEach(a -> a.getValue()[1] = Math.min(a.getValue()[1], now));
                activations.add(Map.entry(outcome.revision(), new long[] {swappedAfter, Long.MAX_VALUE}));
            }
        });
        registry.reload("startup");
        String first = registry.active().map(RuleSet::revision).orElseThrow();

        Javalin app = CovalueApp.create(registry, TestSupport.reader(),
                new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, null), new ServiceMetrics()).start("127.0.0.1", 0);
        String origin = "http://127.0.0.1:" + app.port();
        String body = TestSupport.read(TestSupport.EXAMPLE);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Answer> answers = new CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        String second;
        try (RuleFolderWatcher watcher = new RuleFolderWatcher(registry, Duration.ofMillis(150)).start()) {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                loops.add(clients.submit(() -> {
                    int sentCount = 0;
                    while (running.get() && sentCount++ < 5_000) { // bounded: stops by itself
                        long sent = System.nanoTime();
                        HttpApiTest.Reply r = HttpApiTest.postJson(origin, "/api/v1/advice", body);
                        long received = System.nanoTime();
                        String revision = r.status() == 200 ? r.json().at("/rules/revision").asText() : null;
                        answers.add(new Answer(r.status(), revision, sent, received));
                    }
                    return null;
                }));
            }
            Path governance = rules.resolve("governance.drl");
            String original = Files.readString(governance);

            Thread.sleep(300);
            edit(governance, original.replace("nobody is working at the connection\"",
                    "nobody keeps in touch\""));
            second = awaitNewRevision(registry, first);

            edit(governance, original + "\nrule \"Broken on purpose\"\nwhen\n    Governance( rolesDefined == \nthen\nend\n");
            awaitRejection(rejected, 1);
            assertThat(registry.active().orElseThrow().revision()).as("broken edit keeps the last good rules").isEqualTo(second);
            Thread.sleep(300);

            edit(governance, original);
            String third = awaitNewRevision(registry, second);
            assertThat(third).isEqualTo(first); // same content, same revision
            Thread.sleep(300);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
            app.stop();
        }

        assertThat(answers).hasSizeGreaterThan(30);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        for (Answer a : answers) {
            boolean activeDuringRequest = activations.stream().anyMatch(act -> act.getKey().equals(a.revision())
                    && act.getValue()[0] <= a.received() && act.getValue()[1] >= a.sent());
            assertThat(activeDuringRequest).as("revision %s was active while the request was in flight", a.revision()).isTrue();
        }
        assertThat(answers).extracting(Answer::revision).contains(second);
        assertThat(answers).extracting(Answer::revision).contains(first);
        System.out.printf("reload under load: %d requests, all 200; revisions served %s; %d rejected reloads%n",
                answers.size(), answers.stream().map(Answer::revision).distinct().toList(), rejected.size());
    }

    /** Writes like an editor: to a temporary file, then a rename over the original. */
    private static void edit(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".swp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String awaitNewRevision(RuleRegistry registry, String old) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String now = registry.active().orElseThrow().revision();
            if (!now.equals(old) && registry.lastReload().map(r -> !r.rejected()).orElse(false)) {
                return now;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new revision within 30 s; last reload " + registry.lastReload());
    }

    private static void awaitRejection(List<String> rejected, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rejected.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(rejected).as("rejected reloads").hasSizeGreaterThanOrEqualTo(count);
    }
}

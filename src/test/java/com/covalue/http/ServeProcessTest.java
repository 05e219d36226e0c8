package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `covalue serve` as a real process: it starts, logs where it listens, serves, and stops cleanly on SIGTERM. */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+), rules (\\w+) .* started in (\\d+) ms");

    @Test
    void serve_starts_answers_and_exits_0_on_sigterm() throws Exception {
        long launched = System.nanoTime();
        Process p = new ProcessBuilder(TestSupport.covalueCommand("serve", "--host", "127.0.0.1", "--port", "0", "--rules",
                TestSupport.RULES.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String[] signIn = new String[1];
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Matcher> started = CompletableFuture.supplyAsync(() -> {
                try {
                    Matcher listening = null;
                    for (String line; (line = log.readLine()) != null; ) {
                        seen.add(line);
                        Matcher found = LISTENING.matcher(line);
                        if (found.find()) {
                            listening = found;
                        } else if (line.contains("sign in at ")) {
                            signIn[0] = line;
                        }
                        if (listening != null && signIn[0] != null) {
                            return listening;
                        }
                    }
                    return listening;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Matcher m;
            try {
                m = started.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // say what the process said so far: a slow machine and a process stuck on something differ
                throw new AssertionError("no start-up line within 60 s; the process said:\n" + String.join("\n", seen), e);
            }
            assertThat(m).as("the start-up log line; the process said:\n" + String.join("\n", seen)).isNotNull();
            Thread rest = new Thread(() -> { // the rest of the log, until the process ends
                try {
                    for (String line; (line = log.readLine()) != null; ) {
                        seen.add(line);
                    }
                } catch (java.io.IOException ended) {
                    // the process is gone
                }
            });
            rest.start();
            String origin = "http://127.0.0.1:" + m.group(1);
            assertThat(signIn[0]).as("where to sign in").contains("sign in at " + origin + "/signin");

            HttpApiTest.Reply advice = HttpApiTest.postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE));
            long firstAdviceMs = (System.nanoTime() - launched) / 1_000_000;
            assertThat(advice.status()).isEqualTo(200);
            assertThat(advice.json().at("/rules/revision").asText()).isEqualTo(m.group(2));
            System.out.printf("serve: process start to first advice %d ms (server reports start-up %s ms)%n", firstAdviceMs, m.group(3));

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(p.exitValue()).isZero();
            // the access log writes on its own thread: the stop has written the advice request's line
            rest.join(10_000);
            assertThat(seen).as("the access log after the stop").anyMatch(line -> line.contains(
                    "method=POST path=/api/v1/advice status=200 ms=") && line.contains(" revision=" + m.group(2)));
        } finally {
            p.destroyForcibly();
        }
    }
}

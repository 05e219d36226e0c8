package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `covalue serve` as a real process: it starts, logs where it listens, serves, stops cleanly on
 * SIGTERM, and its access log holds the request's line once it has stopped. The process writes to
 * a file, read as it grows: a pipe can be closed under its reader when the process exits.
 */
class ServeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+), rules (\\w+) .* started in (\\d+) ms");

    @TempDir
    Path dir;

    @Test
    void serve_starts_answers_and_exits_0_on_sigterm() throws Exception {
        Path log = dir.resolve("serve.log");
        long launched = System.nanoTime();
        Process p = new ProcessBuilder(TestSupport.covalueCommand("serve", "--host", "127.0.0.1", "--port", "0", "--rules",
                TestSupport.RULES.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Matcher m = null;
            String signIn = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((m == null || signIn == null) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                for (String line : lines(log)) {
                    Matcher found = LISTENING.matcher(line);
                    if (found.find()) {
                        m = found;
                    } else if (line.contains("sign in at ")) {
                        signIn = line;
                    }
                }
            }
            // say what the process said so far: a slow machine and a process stuck on something differ
            assertThat(m).as("the start-up log line within 60 s; the process said:\n" + String.join("\n", lines(log))).isNotNull();
            String origin = "http://127.0.0.1:" + m.group(1);
            assertThat(signIn).as("where to sign in").contains("sign in at " + origin + "/signin");

            HttpApiTest.Reply advice = HttpApiTest.postJson(origin, "/api/v1/advice", TestSupport.read(TestSupport.EXAMPLE));
            long firstAdviceMs = (System.nanoTime() - launched) / 1_000_000;
            assertThat(advice.status()).isEqualTo(200);
            assertThat(advice.json().at("/rules/revision").asText()).isEqualTo(m.group(2));
            System.out.printf("serve: process start to first advice %d ms (server reports start-up %s ms)%n", firstAdviceMs, m.group(3));

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(p.exitValue()).isZero();
            // the access log writes on its own thread: the stop has written the advice request's line
            String revision = m.group(2);
            assertThat(lines(log)).as("the log after the stop").anyMatch(line -> line.contains(
                    "method=POST path=/api/v1/advice status=200 ms=") && line.contains(" revision=" + revision));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The complete lines written so far: a line still being written is left for the next look. */
    private static List<String> lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
    }
}

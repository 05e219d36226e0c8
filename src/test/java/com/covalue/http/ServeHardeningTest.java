package com.covalue.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `covalue serve` options an operator needs: HTTPS from PEM files, tokens read from files (out of
 * process listings), blank tokens refused, and a second service on a held data folder failing at
 * once with a hint of --data.
 */
class ServeHardeningTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (https?)://127\\.0\\.0\\.1:(\\d+),");
    private static final Path TLS = Path.of("src/test/resources/tls");

    @TempDir
    Path dir;

    @Test
    void serves_https_with_a_token_from_a_file_and_a_second_serve_on_the_same_data_fails_fast() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("admin-token"), "from-a-file\n");
        Path data = dir.resolve("data");
        Process first = serve("--data", data.toString(), "--admin-token-file", tokenFile.toString(),
                "--tls-cert", TLS.resolve("cert.pem").toString(), "--tls-key", TLS.resolve("key.pem").toString());
        try {
            List<String> log = new ArrayList<>();
            Matcher m = awaitListening(first, log);
            assertThat(m).as("start-up line in %s", log).isNotNull();
            assertThat(m.group(1)).isEqualTo("https");
            URI origin = URI.create("https://localhost:" + m.group(2));
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(TLS.resolve("cert.pem"))).build();

            HttpResponse<String> health = https.send(HttpRequest.newBuilder(origin.resolve("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> reload = https.send(HttpRequest.newBuilder(origin.resolve("/api/v1/rules/reload"))
                    .header("Authorization", "Bearer from-a-file").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);

            // What a JVM takes to start and refuse an option here and now: the refusal below is judged
            // against it, not against a fixed time, because a loaded machine slows both alike.
            long baselineStart = System.nanoTime();
            Process refusedAtOnce = serve("--eval-budget-ms", "0");
            assertThat(refusedAtOnce.waitFor(20, TimeUnit.SECONDS)).as("a bad option is refused").isTrue();
            assertThat(refusedAtOnce.exitValue()).isEqualTo(Main.BAD_INPUT);
            long baselineMs = (System.nanoTime() - baselineStart) / 1_000_000;

            long start = System.nanoTime();
            Process second = serve("--data", data.toString());
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).as("the second serve gave up").isTrue();
            long ms = (System.nanoTime() - start) / 1_000_000;
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.exitValue()).as(output).isEqualTo(Main.BAD_INPUT);
            assertThat(output).contains("in use by another process").contains("--data");
            System.out.printf("second serve on a held data folder: refused in %d ms; a bad option in %d ms%n", ms, baselineMs);
            // H2 alone would retry the held file for about 10 s before giving up.
            assertThat(ms).as("refused without waiting on the lock (a bad option took %d ms)", baselineMs)
                    .isLessThan(baselineMs + 6_000);
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
            first.destroyForcibly();
        }
    }

    @Test
    void a_blank_token_or_a_token_given_twice_is_refused_with_the_option_named() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertRefused("--write-token is blank", "serve", "--write-token", " ", "--data", dir.toString());
        assertRefused("--admin-token-file " + empty + " is empty", "serve", "--admin-token-file", empty.toString(), "--data",
                dir.toString());
        assertRefused("both given", "serve", "--admin-token", "a", "--admin-token-file", empty.toString());
        assertRefused("--tls-cert and --tls-key go together", "serve", "--tls-cert", TLS.resolve("cert.pem").toString());
        assertRefused("BEGIN PRIVATE KEY", "serve", "--tls-cert", TLS.resolve("cert.pem").toString(),
                "--tls-key", TLS.resolve("cert.pem").toString(), "--data", dir.toString(), "--port", "0");
    }

    private static void assertRefused(String expected, String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.run(args);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(expected);
    }

    private static Process serve(String... options) throws Exception {
        List<String> command = TestSupport.covalueCommand("serve", "--host", "127.0.0.1", "--port", "0", "--rules",
                TestSupport.RULES.toString());
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Matcher awaitListening(Process p, List<String> log) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Matcher m = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    log.add(line);
                    Matcher found = LISTENING.matcher(line);
                    if (found.find()) {
                        return found;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        // keep draining the log, so the service never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        return m;
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trust.setCertificateEntry("test", cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}

package com.covalue.cli;

import static com.covalue.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.covalue.TestSupport;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServiceConfig;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreSettings;
import com.covalue.validation.SnapshotReader;
import com.covalue.web.WebConfig;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covalue review --server URL}: a running service reviews the embedded store it holds, and
 * the command prints the same report and exits with the same code as {@code review --data} on a
 * copy of that store.
 */
class ReviewServerTest {

    private static final String TOKEN = "reader-s3cret";

    @TempDir
    Path dir;

    @Test
    void a_review_through_the_service_is_the_review_of_a_copy_of_its_store() throws Exception {
        Path served = dir.resolve("served");
        Path copy = dir.resolve("copy");
        assertThat(ReviewFromStoreTest.storeSeason(served)).isGreaterThan(5);
        TestSupport.copyTree(served, copy);
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");

        Clock clock = Clock.systemUTC(); // as the command's own review
        RuleRegistry registry = new RuleRegistry(TestSupport.RULES, clock, outcome -> { });
        assertThat(registry.reload("startup").rejected()).isFalse();
        try (HistoryStore store = HistoryStore.open(StoreSettings.embedded(served), clock)) {
            Javalin app = CovalueApp.create(registry, new SnapshotReader(clock),
                    new ServiceConfig(ServiceConfig.DEFAULT_MAX_BODY, 10, TOKEN), new ServiceMetrics(), store, clock,
                    WebConfig.closed()).start("127.0.0.1", 0);
            String origin = "http://127.0.0.1:" + app.port();
            try {
                for (String format : new String[] {"text", "md", "html", "json"}) {
                    CliTest.Run local = run("review", "--data", copy.toString(), "--as-of", "2026-11-23", "--format", format,
                            "--no-progress");
                    CliTest.Run remote = run("review", "--server", origin, "--token-file", tokenFile.toString(),
                            "--as-of", "2026-11-23", "--format", format);
                    assertThat(local.exit()).as(local.err()).isEqualTo(1);
                    assertThat(remote.err()).as(format).isEqualTo(local.err());
                    assertThat(remote.out()).as(format).isEqualTo(local.out());
                    assertThat(remote.exit()).isEqualTo(local.exit());
                }
                String[] lenient = {"--as-of", "2026-11-23", "--within", "60", "--fail-on", "REVIEW_EXIT_OPTIONS", "--strict"};
                CliTest.Run local = run(concat(new String[] {"review", "--data", copy.toString(), "--no-progress"}, lenient));
                CliTest.Run remote = run(concat(new String[] {"review", "--server", origin + "/", "--token-file",
                        tokenFile.toString()}, lenient));
                assertThat(local.exit()).as(local.err()).isZero();
                assertThat(remote.out()).isEqualTo(local.out());
                assertThat(remote.exit()).isZero();

                CliTest.Run anonymous = run("review", "--server", origin);
                assertThat(anonymous.exit()).isEqualTo(2);
                assertThat(anonymous.out()).isEmpty();
                assertThat(anonymous.err()).contains("answered 401").contains("--token-file");
                CliTest.Run mixed = run("review", "--server", origin, "--data", copy.toString());
                assertThat(mixed.exit()).isEqualTo(2);
                assertThat(mixed.err()).contains("--server reviews the service's stored history");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_service_that_cannot_be_reached_is_named() throws Exception {
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        CliTest.Run r = run("review", "--server", "http://127.0.0.1:" + freePort);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach the service at http://127.0.0.1:" + freePort);
        CliTest.Run notUrl = run("review", "--server", "localhost:7070");
        assertThat(notUrl.exit()).isEqualTo(2);
        assertThat(notUrl.err()).contains("http:// or https://");
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}

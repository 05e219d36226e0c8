package com.covalue.cli;

import com.covalue.ruleset.RuleSet;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServiceConfig;
import com.covalue.model.Problem;
import com.covalue.app.ReloadOutcome;
import com.covalue.app.RuleFolderWatcher;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreException;
import com.covalue.validation.SnapshotReader;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code covalue serve}: the advice service, with live reload of the rules folder. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve advice over HTTP (see /api/v1/openapi.yaml). Rule edits are picked up when",
                "they settle; a broken edit is refused and the last good rules keep serving."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    @Option(names = "--port", defaultValue = "${env:COVALUE_PORT:-7070}", description = "Port (default ${DEFAULT-VALUE}; env COVALUE_PORT).")
    int port;

    @Option(names = "--host", defaultValue = "${env:COVALUE_HOST:-0.0.0.0}", description = "Address to listen on (default ${DEFAULT-VALUE}; env COVALUE_HOST).")
    String host;

    @Mixin
    RulesOption rules;

    @Option(names = "--admin-token", defaultValue = "${env:COVALUE_ADMIN_TOKEN}",
            description = "Bearer token for POST /api/v1/rules/reload (env COVALUE_ADMIN_TOKEN); without it the admin endpoint answers 403.")
    String adminToken;

    @Option(names = "--write-token", defaultValue = "${env:COVALUE_WRITE_TOKEN}",
            description = "Bearer token required to store snapshots (env COVALUE_WRITE_TOKEN); without it, storing is open.")
    String writeToken;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--max-body", defaultValue = "${env:COVALUE_MAX_BODY:-1048576}", paramLabel = "BYTES",
            description = "Largest request body accepted (default ${DEFAULT-VALUE}; env COVALUE_MAX_BODY).")
    long maxBody;

    @Option(names = "--max-batch", defaultValue = "${env:COVALUE_MAX_BATCH:-100}", paramLabel = "N",
            description = "Most snapshots in one batch request (default ${DEFAULT-VALUE}; env COVALUE_MAX_BATCH).")
    int maxBatch;

    @Option(names = "--reload-quiet-ms", defaultValue = "${env:COVALUE_RELOAD_QUIET_MS:-300}", paramLabel = "MS",
            description = "Quiet period after the last rule-file change before reloading (default ${DEFAULT-VALUE}).")
    long quietMs;

    @Option(names = "--bench-endpoints", hidden = true,
            description = "Add POST /bench/parse-only (parses the body and answers), the limit bench/run measures advice against.")
    boolean benchEndpoints;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        ServiceMetrics metrics = new ServiceMetrics();
        AtomicReference<RuleRegistry> self = new AtomicReference<>();
        RuleRegistry registry = new RuleRegistry(rules.folder, Clock.systemUTC(), rules.compiler(),
                outcome -> reported(outcome, self.get(), metrics));
        self.set(registry);
        // Load the rules while the history store opens and the web server starts: on two cores the
        // start then takes little more than the longest of the three. Until the rules are loaded,
        // advice answers 503 and /health/ready fails.
        CompletableFuture<ReloadOutcome> firstLoad = CompletableFuture.supplyAsync(() -> registry.reload("startup"),
                runnable -> daemon("covalue-rules-startup", runnable).start());
        HistoryStore store;
        try {
            store = storeOptions.open(Clock.systemUTC());
        } catch (StoreException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return Main.BAD_INPUT;
        }
        SnapshotReader reader = new SnapshotReader(Clock.systemUTC());
        Javalin app = CovalueApp.create(registry, reader,
                new ServiceConfig(maxBody, maxBatch, blankToNull(adminToken), blankToNull(writeToken), benchEndpoints),
                metrics, store, Clock.systemUTC());
        app.start(host, port);
        firstLoad.join();
        RuleFolderWatcher watcher = new RuleFolderWatcher(registry, Duration.ofMillis(quietMs)).start();

        String revision = registry.active().map(RuleSet::revision).orElse("none (not ready)");
        LOG.info("listening on http://{}:{}, rules {} from {}, history in {}, started in {} ms", host, app.port(), revision,
                rules.folder, store.settings().describe(), (System.nanoTime() - start) / 1_000_000);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: finishing requests in flight");
            watcher.close();
            app.stop(); // stops accepting, waits for requests in flight (up to the stop timeout)
            store.close();
            stopped.countDown();
            Runtime.getRuntime().halt(0); // a clean stop on SIGTERM exits 0, not 143
        }, "covalue-shutdown"));
        stopped.await();
        return Main.OK;
    }

    private static void reported(ReloadOutcome outcome, RuleRegistry registry, ServiceMetrics metrics) {
        RuleSet active = registry == null ? null : registry.active().orElse(null);
        metrics.reloaded(outcome, active == null ? 0 : active.ruleCount(), active == null ? null : active.revision());
        if (outcome.rejected()) {
            LOG.warn("rules rejected ({} problems); {}", outcome.errors().size(),
                    active == null ? "no rules are active yet" : "still serving " + active.revision());
            for (Problem p : outcome.errors()) {
                LOG.warn("  {}", p.describe());
            }
        } else if (!outcome.trigger().equals("startup")) {
            LOG.info("rules {} {} in {} ms ({})", outcome.revision(), outcome.outcome(), outcome.durationMs(), outcome.trigger());
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

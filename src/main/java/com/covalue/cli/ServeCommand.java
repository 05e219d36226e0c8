package com.covalue.cli;

import com.covalue.app.CovalueService;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServerSettings;
import com.covalue.http.ServiceConfig;
import com.covalue.model.CovalueException;
import com.covalue.web.WebConfig;
import com.covalue.store.StoreException;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
            description = "Bearer token required to store snapshots (env COVALUE_WRITE_TOKEN); without it, storing is open (a warning is logged).")
    String writeToken;

    @Option(names = "--admin-token-file", paramLabel = "FILE", defaultValue = "${env:COVALUE_ADMIN_TOKEN_FILE}",
            description = "Read the admin token from this file instead (env COVALUE_ADMIN_TOKEN_FILE): it then shows in no process listing.")
    Path adminTokenFile;

    @Option(names = "--write-token-file", paramLabel = "FILE", defaultValue = "${env:COVALUE_WRITE_TOKEN_FILE}",
            description = "Read the write token from this file instead (env COVALUE_WRITE_TOKEN_FILE).")
    Path writeTokenFile;

    @Option(names = "--tls-cert", paramLabel = "FILE", defaultValue = "${env:COVALUE_TLS_CERT}",
            description = "Serve HTTPS with this PEM certificate chain (env COVALUE_TLS_CERT); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", defaultValue = "${env:COVALUE_TLS_KEY}",
            description = "The certificate's PEM (PKCS#8) private key (env COVALUE_TLS_KEY).")
    Path tlsKey;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--max-body", defaultValue = "${env:COVALUE_MAX_BODY:-1048576}", paramLabel = "BYTES",
            description = "Largest request body accepted (default ${DEFAULT-VALUE}; env COVALUE_MAX_BODY).")
    long maxBody;

    @Option(names = "--max-batch", defaultValue = "${env:COVALUE_MAX_BATCH:-100}", paramLabel = "N",
            description = "Most snapshots in one batch request (default ${DEFAULT-VALUE}; env COVALUE_MAX_BATCH).")
    int maxBatch;

    @Option(names = "--max-review", defaultValue = "${env:COVALUE_MAX_REVIEW:-500}", paramLabel = "N",
            description = "Most snapshots in one POST /api/v1/reviews (default ${DEFAULT-VALUE}; env COVALUE_MAX_REVIEW).")
    int maxReview;

    @Option(names = "--reload-quiet-ms", defaultValue = "${env:COVALUE_RELOAD_QUIET_MS:-300}", paramLabel = "MS",
            description = "Quiet period after the last rule-file change before reloading (default ${DEFAULT-VALUE}).")
    long quietMs;

    @Option(names = "--eval-budget-ms", defaultValue = "${env:COVALUE_EVAL_BUDGET_MS:-500}", paramLabel = "MS",
            description = {"How long the rules may take on one snapshot before they are halted; the request then answers",
                    "503 evaluation_halted, and a reload whose warm-up takes longer is refused (default ${DEFAULT-VALUE})."})
    long evalBudgetMs;

    @Option(names = "--open-reads", defaultValue = "${env:COVALUE_OPEN_READS:-false}",
            description = "Let anyone who reaches the port read stored relationships, history, renewals, rules and metrics"
                    + " without signing in (env COVALUE_OPEN_READS). Off by default.")
    boolean openReads;

    @Option(names = "--close-advice", defaultValue = "${env:COVALUE_CLOSE_ADVICE:-false}",
            description = "Make the stateless advice endpoints (advice, batch, reviews) need a sign-in or token too"
                    + " (env COVALUE_CLOSE_ADVICE).")
    boolean closeAdvice;

    @Option(names = "--link-days", defaultValue = "${env:COVALUE_LINK_DAYS:-14}", paramLabel = "DAYS",
            description = "How long a respondent link of an assessment works (default ${DEFAULT-VALUE}).")
    int linkDays;

    @Option(names = "--bench-endpoints", hidden = true,
            description = "Add POST /bench/parse-only (parses the body and answers), the limit bench/run measures advice against.")
    boolean benchEndpoints;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        if (evalBudgetMs < 1) {
            LOG.error("--eval-budget-ms must be at least 1, got {}", evalBudgetMs);
            return Main.BAD_INPUT;
        }
        ServiceConfig config;
        ServerSettings server;
        try {
            config = new ServiceConfig(maxBody, maxBatch, Tokens.resolve("--admin-token", adminToken, adminTokenFile),
                    Tokens.resolve("--write-token", writeToken, writeTokenFile), benchEndpoints, maxReview);
            server = ServerSettings.defaults().withTls(tls());
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return Main.BAD_INPUT;
        }
        CovalueService service;
        try {
            service = CovalueService.open(rules.ruleFolder().withEvalBudget(Duration.ofMillis(evalBudgetMs)),
                    storeOptions.settings(), Clock.systemUTC());
        } catch (StoreException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return Main.BAD_INPUT;
        }
        if (linkDays < 1 || linkDays > 90) {
            LOG.error("--link-days must be 1 to 90, not {}", linkDays);
            service.close();
            return Main.BAD_INPUT;
        }
        Optional<String> generated;
        try {
            generated = service.covalue().accounts().ensureFirstAdmin(System.getenv("COVALUE_ADMIN_PASSWORD"));
        } catch (CovalueException e) { // a COVALUE_ADMIN_PASSWORD too short or too long
            LOG.error("COVALUE_ADMIN_PASSWORD: {}", e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).message());
            service.close();
            return Main.BAD_INPUT;
        }
        WebConfig web = new WebConfig(openReads, closeAdvice, Duration.ofDays(linkDays), WebConfig.DEFAULT_SESSION);
        Javalin app;
        try {
            app = CovalueApp.create(service, config, server, web);
            app.start(host, port);
        } catch (RuntimeException e) {
            service.close();
            LOG.error("cannot start the web server: {}", e.getMessage());
            return Main.BAD_INPUT;
        }
        String revision = service.watchRules(Duration.ofMillis(quietMs));
        if (config.writeToken() == null) {
            LOG.warn("no write token: anyone who can reach this service can store snapshots; "
                    + "set --write-token-file (or COVALUE_WRITE_TOKEN_FILE) to require one");
        }
        String scheme = tlsCert == null ? "http" : "https";
        LOG.info("listening on {}://{}:{}, rules {} from {}, history in {}, started in {} ms", scheme,
                host, app.port(), revision, rules.folder, service.storeDescription(), (System.nanoTime() - start) / 1_000_000);
        String signIn = scheme + "://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port() + "/signin";
        if (generated.isPresent()) {
            LOG.info("first start: added user 'admin'; password (shown only now): {}", generated.get());
        }
        LOG.info("sign in at {}{}", signIn, openReads ? "" : " (reads of stored data need a sign-in or API token)");
        if (openReads) {
            LOG.warn("--open-reads: anyone who reaches port {} can read every stored relationship, its history, the rules and metrics",
                    app.port());
        }
        if (closeAdvice) {
            LOG.info("--close-advice: the advice endpoints need a sign-in or token");
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean();
        StopSignals.exitZeroOnSignal();
        Runnable shutdown = () -> {
            shuttingDown.set(true);
            LOG.info("shutting down: finishing requests in flight");
            service.stopWatching();
            app.stop(); // stops accepting, waits for requests in flight (up to the stop timeout)
            service.close();
            stopped.countDown();
            // no halt(0) here: the exit status stays whatever stopped the process (0 for a
            // signal, see StopSignals; an exit from anywhere else keeps its own status)
        };
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "covalue-shutdown"));
        } catch (IllegalStateException e) {
            // a signal came while the service was starting, before the hook could be added:
            // the JVM is already exiting, so stop here as the hook would have
            shutdown.run();
            return Main.OK;
        }
        // Watch the web server: if it stops without a shutdown, the service is gone and the
        // process must say so with a non-zero status, or a supervisor would not restart it.
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (!shuttingDown.get() && !app.jettyServer().server().isRunning()) {
                LOG.error("the web server stopped unexpectedly; exiting with status {}", Main.SERVER_STOPPED);
                service.close();
                return Main.SERVER_STOPPED;
            }
        }
        return Main.OK;
    }

    private ServerSettings.Tls tls() {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both, or neither for plain HTTP");
        }
        return tlsCert == null ? null : new ServerSettings.Tls(tlsCert, tlsKey);
    }
}

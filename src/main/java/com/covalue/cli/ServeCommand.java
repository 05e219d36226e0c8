package com.covalue.cli;

import com.covalue.app.CovalueService;
import com.covalue.http.CovalueApp;
import com.covalue.http.ServiceConfig;
import com.covalue.model.CovalueException;
import com.covalue.web.WebConfig;
import com.covalue.store.StoreException;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
        CovalueService service;
        try {
            service = CovalueService.open(rules.ruleFolder(), storeOptions.settings(), Clock.systemUTC());
        } catch (StoreException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return Main.BAD_INPUT;
        }
        if (linkDays < 1 || linkDays > 90) {
            LOG.error("--link-days must be 1 to 90, not {}", linkDays);
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
        Javalin app = CovalueApp.create(service,
                new ServiceConfig(maxBody, maxBatch, blankToNull(adminToken), blankToNull(writeToken), benchEndpoints), web);
        app.start(host, port);
        String revision = service.watchRules(Duration.ofMillis(quietMs));
        LOG.info("listening on http://{}:{}, rules {} from {}, history in {}, started in {} ms", host, app.port(), revision,
                rules.folder, service.storeDescription(), (System.nanoTime() - start) / 1_000_000);
        String signIn = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port() + "/signin";
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: finishing requests in flight");
            service.stopWatching();
            app.stop(); // stops accepting, waits for requests in flight (up to the stop timeout)
            service.close();
            stopped.countDown();
            Runtime.getRuntime().halt(0); // a clean stop on SIGTERM exits 0, not 143
        }, "covalue-shutdown"));
        stopped.await();
        return Main.OK;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

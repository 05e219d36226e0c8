package com.covalue.http;

import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.store.HistoryStore;
import com.covalue.store.StoreException;
import com.covalue.validation.SnapshotReader;
import com.covalue.web.WebConfig;
import com.covalue.web.WebRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.covalue.app.Covalue;
import com.covalue.app.CovalueService;
import com.covalue.model.ErrorCode;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorResponse;

/**
 * Builds the Covalue HTTP service as an unstarted {@link Javalin}: routes, and the one place that
 * maps exceptions to statuses and the contract's error body. No rule text is ever accepted over
 * HTTP: rules come only from the folder the registry reads.
 */
public final class CovalueApp {

    private static final Logger LOG = LoggerFactory.getLogger(CovalueApp.class);

    private CovalueApp() {
    }

    /** The service over a running {@link CovalueService}: with history, metrics and live rules. */
    public static Javalin create(CovalueService service, ServiceConfig config) {
        return create(service, config, ServerSettings.defaults());
    }

    /** The same, with the web server's own settings (timeouts, TLS). */
    public static Javalin create(CovalueService service, ServiceConfig config, ServerSettings server) {
        return create(service.covalue(), service.registry(), config, service.metrics(), server);
    }

    /** What {@code covalue serve} runs: the web server's settings and who may read what. */
    public static Javalin create(CovalueService service, ServiceConfig config, ServerSettings server, WebConfig web) {
        return create(service.covalue(), service.registry(), config, service.metrics(), server, web);
    }

    /** As {@link #create(CovalueService, ServiceConfig)}, with who may read what ({@code --open-reads}, {@code --close-advice}). */
    public static Javalin create(CovalueService service, ServiceConfig config, WebConfig web) {
        return create(service.covalue(), service.registry(), config, service.metrics(), web);
    }

    /** The stateless service, without history. */
    public static Javalin create(RuleRegistry registry, SnapshotReader reader, ServiceConfig config, ServiceMetrics metrics) {
        return create(registry, reader, config, metrics, null, Clock.systemUTC());
    }

    /**
     * The service; with a history store (null for none) it also stores snapshots and serves the
     * relationship, history and renewal endpoints. {@code clock} says what "today" is for renewals.
     */
    public static Javalin create(RuleRegistry registry, SnapshotReader reader, ServiceConfig config, ServiceMetrics metrics,
            HistoryStore store, Clock clock) {
        return create(registry, reader, config, metrics, store, clock, WebConfig.closed());
    }

    /** As above, with who may read what. */
    public static Javalin create(RuleRegistry registry, SnapshotReader reader, ServiceConfig config, ServiceMetrics metrics,
            HistoryStore store, Clock clock, WebConfig web) {
        return create(Covalue.service(registry, reader, store, clock, metrics), registry, config, metrics, web);
    }

    /** The service over a front door and the live rules it takes its rule sets from; reads need a sign-in or token. */
    public static Javalin create(Covalue covalue, RuleRegistry registry, ServiceConfig config, ServiceMetrics metrics) {
        return create(covalue, registry, config, metrics, ServerSettings.defaults(), WebConfig.closed());
    }

    /** The same, with the web server's own settings (timeouts, TLS). */
    public static Javalin create(Covalue covalue, RuleRegistry registry, ServiceConfig config, ServiceMetrics metrics,
            ServerSettings server) {
        return create(covalue, registry, config, metrics, server, WebConfig.closed());
    }

    /** As above, with who may read what. */
    public static Javalin create(Covalue covalue, RuleRegistry registry, ServiceConfig config, ServiceMetrics metrics,
            WebConfig web) {
        return create(covalue, registry, config, metrics, ServerSettings.defaults(), web);
    }

    /** The whole service: the web server's own settings (timeouts, TLS) and who may read what. */
    public static Javalin create(Covalue covalue, RuleRegistry registry, ServiceConfig config, ServiceMetrics metrics,
            ServerSettings server, WebConfig web) {
        AdviceController advice = new AdviceController(covalue, config);
        RulesController rules = new RulesController(registry, config, covalue);
        ReviewController reviews = new ReviewController(covalue, config);
        HistoryController history = covalue.hasHistory() ? new HistoryController(covalue, config) : null;
        byte[] openApi = resource("/openapi/covalue-v1.yaml");
        byte[] schemaV1 = resource(SnapshotReader.SCHEMA_V1_RESOURCE);
        byte[] schemaV2 = resource(SnapshotReader.SCHEMA_V2_RESOURCE);

        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            server.applyTo(cfg, config.maxBodyBytes(), () -> registry.status().revision());
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.requestLogger.http((ctx, ms) -> metrics.request(route(ctx), ctx.method().name(), ctx.statusCode(), ms / 1000.0));

            // Javalin tries a request's path against each route of its method in the order they were
            // added, one regular expression each, several times per request: advice, the hot path,
            // goes first, ahead of the web app's pages (JFR: route matching was 6% of a request's CPU).
            cfg.routes.post("/api/v1/advice", advice::advise);
            if (config.benchEndpoints()) {
                // The same body read and JSON parse as /api/v1/advice, and nothing else: what advice
                // would cost if rules were free. Only for benchmarks (serve --bench-endpoints). Next
                // to advice, so both pay the same route matching.
                cfg.routes.post("/bench/parse-only", ctx -> Bodies.send(ctx, 200,
                        Map.of("fields", covalue.parseOnly(Bodies.json(ctx, config.maxBodyBytes())))));
            }
            cfg.routes.post("/api/v1/advice/batch", advice::adviseBatch);
            cfg.routes.post("/api/v1/reviews", reviews::review);
            cfg.routes.get("/api/v1/rules", rules::status);
            cfg.routes.post("/api/v1/rules/reload", rules::reload);
            if (history != null) {
                cfg.routes.post("/api/v1/relationships/{id}/snapshots", history::storeSnapshot);
                cfg.routes.get("/api/v1/relationships", history::list);
                cfg.routes.get("/api/v1/relationships/{id}", history::one);
                cfg.routes.delete("/api/v1/relationships/{id}", history::delete);
                cfg.routes.get("/api/v1/relationships/{id}/snapshots", history::history);
                cfg.routes.get("/api/v1/relationships/{id}/snapshots/{assessedOn}", history::storedSnapshot);
                cfg.routes.get("/api/v1/relationships/{id}/advice/latest", history::latestAdvice);
                cfg.routes.get("/api/v1/renewals", history::renewals);
                cfg.routes.get("/api/v1/rules/history", history::ruleReloads);
                cfg.routes.get("/api/v1/reviews/stored", reviews::stored);
            }
            cfg.routes.get("/health/live", rules::live);
            cfg.routes.get("/health/ready", rules::ready);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            cfg.routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
            cfg.routes.get("/api/v1/schema/snapshot-v1.json", ctx -> ctx.contentType("application/schema+json").result(schemaV1));
            cfg.routes.get("/api/v1/schema/snapshot-v2.json", ctx -> ctx.contentType("application/schema+json").result(schemaV2));

            // the web app's pages and the gate in front of every route (sign-in, tokens, CSRF); the
            // gate is a before-matched handler, so it guards the routes added above it as well
            WebRoutes.register(cfg.routes, covalue, registry, config.adminToken(), config.writeToken(), web, covalue.clock());

            cfg.routes.exception(CovalueException.class, (e, ctx) -> Bodies.send(ctx, e.code().status(), e.error()));
            cfg.routes.exception(Bodies.ClientAbortedException.class, (e, ctx) -> {
                // the client went away mid-upload: nobody reads an answer, and it is not our failure
                LOG.debug("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(HttpStatus.BAD_REQUEST);
            });
            cfg.routes.exception(StoreException.class, (e, ctx) -> {
                LOG.error("history store failed on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, ErrorCode.STORE_UNAVAILABLE, "The history store cannot be reached; nothing was stored. Try again later.");
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; the error has been logged.");
            });
            cfg.routes.error(404, "*", ctx -> error(ctx, ErrorCode.NOT_FOUND, "There is nothing at " + ctx.path() + "."));
            cfg.routes.error(405, "*", ctx -> error(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method().name() + " is not allowed on " + ctx.path() + "."));
        });
    }

    private static void error(Context ctx, ErrorCode code, String message) {
        Bodies.send(ctx, code.status(), new ErrorResponse(code, message, List.of()));
    }

    /** The route template (so /metrics labels do not explode with ids), or "unmatched". */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return ctx.statusCode() == HttpStatus.NOT_FOUND.getCode() ? "unmatched" : ctx.path();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = CovalueApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

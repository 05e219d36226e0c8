package com.covalue.http;

import com.covalue.engine.RuleSet;
import com.covalue.model.Problem;
import com.covalue.service.ReloadOutcome;
import com.covalue.service.RuleRegistry;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The active rules, their last reload, the admin reload, and the health probes. */
final class RulesController {

    /** What GET /api/v1/rules answers. */
    record RulesStatus(String revision, Integer count, String folder, List<String> files, Instant loadedAt,
            ReloadOutcome lastReload) {
    }

    private final RuleRegistry registry;
    private final ServiceConfig config;

    RulesController(RuleRegistry registry, ServiceConfig config) {
        this.registry = registry;
        this.config = config;
    }

    void status(Context ctx) {
        Bodies.send(ctx, 200, status());
    }

    private RulesStatus status() {
        RuleSet active = registry.active().orElse(null);
        return new RulesStatus(active == null ? null : active.revision(), active == null ? null : active.ruleCount(),
                registry.folder().toString(), active == null ? List.of() : active.files(),
                active == null ? null : active.compiledAt(), registry.lastReload().orElse(null));
    }

    void reload(Context ctx) {
        authorise(ctx);
        ReloadOutcome outcome = registry.reload("admin");
        if (outcome.rejected()) {
            throw new ApiException(422, "rules_rejected", "The rules were not loaded (" + outcome.errors().size()
                    + " problems); the previous rules keep serving.", outcome.errors());
        }
        Bodies.send(ctx, 200, status());
    }

    void live(Context ctx) {
        Bodies.send(ctx, 200, Map.of("status", "UP"));
    }

    void ready(Context ctx) {
        registry.active().ifPresentOrElse(
                rules -> Bodies.send(ctx, 200, Map.of("status", "READY", "revision", rules.revision())),
                () -> Bodies.send(ctx, 503, Map.of("status", "NOT_READY")));
    }

    private void authorise(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "unauthorized", "This endpoint needs 'Authorization: Bearer <admin token>'.");
        }
        if (config.adminToken() == null) {
            throw new ApiException(403, "forbidden", "Admin endpoints are disabled: start the service with --admin-token.");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, config.adminToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "forbidden", "The admin token is wrong.", List.of(Problem.atField("Authorization", "wrong token")));
        }
    }
}

package com.covalue.http;

import com.covalue.ruleset.RuleSet;
import com.covalue.app.ReloadOutcome;
import com.covalue.app.RuleRegistry;
import com.covalue.store.HistoryStore;
import io.javalin.http.Context;
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
    private final HistoryStore store;

    RulesController(RuleRegistry registry, ServiceConfig config, HistoryStore store) {
        this.registry = registry;
        this.config = config;
        this.store = store;
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

    /** Ready when a rule set is active and, with a history store, the store answers. */
    void ready(Context ctx) {
        if (store != null && !store.reachable()) {
            Bodies.send(ctx, 503, Map.of("status", "NOT_READY", "reason", "the history store cannot be reached"));
            return;
        }
        registry.active().ifPresentOrElse(
                rules -> Bodies.send(ctx, 200, Map.of("status", "READY", "revision", rules.revision())),
                () -> Bodies.send(ctx, 503, Map.of("status", "NOT_READY")));
    }

    private void authorise(Context ctx) {
        BearerToken.require(ctx, config.adminToken(), "admin token",
                "Admin endpoints are disabled: start the service with --admin-token.");
    }
}

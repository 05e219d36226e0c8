package com.covalue.http;

import com.covalue.app.Covalue;
import com.covalue.app.ReloadOutcome;
import com.covalue.app.RuleRegistry;
import com.covalue.model.Role;
import com.covalue.web.Signed;
import io.javalin.http.Context;
import java.util.Map;
import com.covalue.model.ErrorCode;
import com.covalue.model.CovalueException;

/** The active rules, their last reload, the admin reload, and the health probes. */
final class RulesController {

    private final RuleRegistry registry;
    private final ServiceConfig config;
    private final Covalue covalue;

    RulesController(RuleRegistry registry, ServiceConfig config, Covalue covalue) {
        this.registry = registry;
        this.config = config;
        this.covalue = covalue;
    }

    void status(Context ctx) {
        Bodies.send(ctx, 200, registry.status());
    }

    void reload(Context ctx) {
        authorise(ctx);
        ReloadOutcome outcome = registry.reload("admin");
        if (outcome.rejected()) {
            throw new CovalueException(ErrorCode.RULES_REJECTED, "The rules were not loaded (" + outcome.errors().size()
                    + " problems); the previous rules keep serving.", outcome.errors());
        }
        Bodies.send(ctx, 200, registry.status());
    }

    void live(Context ctx) {
        Bodies.send(ctx, 200, Map.of("status", "UP"));
    }

    /** Ready when a rule set is active and, with a history store, the store answers. */
    void ready(Context ctx) {
        if (!covalue.storeReachable()) {
            Bodies.send(ctx, 503, Map.of("status", "NOT_READY", "reason", "the history store cannot be reached"));
            return;
        }
        String revision = registry.status().revision();
        if (revision == null) {
            Bodies.send(ctx, 503, Map.of("status", "NOT_READY"));
        } else {
            Bodies.send(ctx, 200, Map.of("status", "READY", "revision", revision));
        }
    }

    private void authorise(Context ctx) {
        if (Signed.may(ctx, Role.ADMIN)) { // a signed-in admin, an admin's API token, or the admin token
            return;
        }
        BearerToken.require(ctx, config.adminToken(), "admin token",
                "Admin endpoints are disabled: start the service with --admin-token.");
    }
}

package com.covalue.http;

import com.covalue.app.Covalue;
import com.covalue.app.ReloadOutcome;
import com.covalue.app.RuleRegistry;
import com.covalue.model.Role;
import com.covalue.web.Signed;
import com.covalue.store.HistoryStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import com.covalue.model.ErrorCode;
import com.covalue.model.CovalueException;

/** The active rules, their last reload, the admin reload, and the health probes. */
final class RulesController {

    /** An evaluation takes milliseconds; one running this long is stuck, and the service is not ready. */
    static final Duration STUCK_EVALUATION = Duration.ofSeconds(30);
    /** One running this long will not come back: the service is not live. */
    static final Duration HUNG_EVALUATION = Duration.ofSeconds(120);

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

    /** A health probe's answer: its status code and body. */
    record Probe(int status, Map<String, String> body) {
    }

    void live(Context ctx) {
        Probe p = liveness(covalue.longestEvaluation());
        Bodies.send(ctx, p.status(), p.body());
    }

    void ready(Context ctx) {
        Duration longest = covalue.longestEvaluation();
        // the store is asked only when nothing else already says "not ready"
        Probe p = readiness(longest, longest.compareTo(STUCK_EVALUATION) > 0 || covalue.storeReachable(),
                registry.status().revision());
        Bodies.send(ctx, p.status(), withWriteFailure(p, covalue.lastStoreWriteFailure()));
    }

    /**
     * Up unless an evaluation has been running for longer than {@link #HUNG_EVALUATION}: a thread
     * that never comes back is cured only by a restart, which is what a failing liveness probe asks for.
     */
    static Probe liveness(Duration longestEvaluation) {
        if (longestEvaluation.compareTo(HUNG_EVALUATION) > 0) {
            return new Probe(503, Map.of("status", "DOWN", "reason", stuck(longestEvaluation)));
        }
        return new Probe(200, Map.of("status", "UP"));
    }

    /**
     * Ready when no evaluation has been running for longer than {@link #STUCK_EVALUATION}, the
     * history store (if any) answers a query in time, and a rule set is active (revision not null).
     */
    static Probe readiness(Duration longestEvaluation, boolean storeReachable, String revision) {
        if (longestEvaluation.compareTo(STUCK_EVALUATION) > 0) {
            return new Probe(503, Map.of("status", "NOT_READY", "reason", stuck(longestEvaluation)));
        }
        if (!storeReachable) {
            return new Probe(503, Map.of("status", "NOT_READY", "reason", "the history store cannot be reached"));
        }
        if (revision == null) {
            return new Probe(503, Map.of("status", "NOT_READY", "reason", "no rule set is active yet"));
        }
        return new Probe(200, Map.of("status", "READY", "revision", revision));
    }

    /**
     * A store that refuses writes (a full disk) but answers reads leaves the service ready: advice
     * and reads still work, and taking it out of rotation would stop them too. The probe says so
     * in {@code writes}, until a write succeeds again.
     */
    static Map<String, String> withWriteFailure(Probe p, java.util.Optional<HistoryStore.WriteFailure> failure) {
        if (failure.isEmpty()) {
            return p.body();
        }
        Map<String, String> body = new java.util.LinkedHashMap<>(p.body());
        // when, not the database's words: the probe is open to anyone, and the log has the details
        body.put("writes", "failing: the store refused the last snapshot write, at " + failure.get().at() + "; see the log");
        return body;
    }

    private static String stuck(Duration longest) {
        return "an evaluation has been running for " + longest.toSeconds() + " s";
    }

    private void authorise(Context ctx) {
        if (Signed.may(ctx, Role.ADMIN)) { // a signed-in admin, an admin's API token, or the admin token
            return;
        }
        BearerToken.require(ctx, config.adminToken(), "admin token",
                "Admin endpoints are disabled: start the service with --admin-token.");
    }
}

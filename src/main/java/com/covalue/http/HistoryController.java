package com.covalue.http;

import com.covalue.advice.Advisor;
import com.covalue.ruleset.RuleSet;
import com.covalue.model.Problem;
import com.covalue.model.Snapshot;
import com.covalue.model.Verdict;
import com.covalue.app.RuleRegistry;
import com.covalue.app.ServiceMetrics;
import com.covalue.store.HistoryStore;
import com.covalue.store.InvalidCursorException;
import com.covalue.store.Page;
import com.covalue.store.RelationshipSummary;
import com.covalue.store.RenewalDue;
import com.covalue.store.SnapshotExistsException;
import com.covalue.store.StoredSnapshot;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import com.covalue.app.EvaluationSlots;

/** Client/server IO for the relationship history: store and advise, list, read, renewals, delete. */
final class HistoryController {

    static final int DEFAULT_PAGE = 20;
    static final int DEFAULT_WITHIN_DAYS = 180;
    static final int MAX_WITHIN_DAYS = 3650;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One page of a listing; {@code next} is absent on the last page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PageBody<T>(List<T> items, String next) {
        static <T> PageBody<T> of(Page<T> page) {
            return new PageBody<>(page.items(), page.next());
        }
    }

    /** One stored snapshot in a history listing (without its advice, which has its own URL). */
    record HistoryItem(LocalDate assessedOn, Instant storedAt, String rulesRevision, LocalDate previousAssessedOn,
            Integer health, Verdict verdict, LocalDate renewalDate, @JsonRawValue String snapshot) {
        static HistoryItem of(StoredSnapshot s) {
            return new HistoryItem(s.assessedOn(), s.storedAt(), s.rulesRevision(), s.previousOn(), s.health(), s.verdict(),
                    s.renewalDate(), s.snapshotJson());
        }
    }

    /** One stored snapshot with the advice it was given. */
    record StoredBody(String relationshipId, LocalDate assessedOn, Instant storedAt, String rulesRevision,
            LocalDate previousAssessedOn, @JsonRawValue String snapshot, @JsonRawValue String advice) {
        static StoredBody of(StoredSnapshot s) {
            return new StoredBody(s.relationshipId(), s.assessedOn(), s.storedAt(), s.rulesRevision(), s.previousOn(),
                    s.snapshotJson(), s.adviceJson());
        }
    }

    record RenewalsBody(LocalDate today, int within, List<RenewalDue> items) {
    }

    private final HistoryStore store;
    private final RuleRegistry registry;
    private final SnapshotReader reader;
    private final ServiceConfig config;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final EvaluationSlots slots;
    private final Advisor advisor = new Advisor();

    HistoryController(HistoryStore store, RuleRegistry registry, SnapshotReader reader, ServiceConfig config,
            ServiceMetrics metrics, Clock clock, EvaluationSlots slots) {
        this.slots = slots;
        this.store = store;
        this.registry = registry;
        this.reader = reader;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void storeSnapshot(Context ctx) {
        if (config.writeToken() != null) {
            BearerToken.require(ctx, config.writeToken(), "write token", "");
        }
        String id = pathId(ctx);
        boolean replace = booleanParam(ctx, "replace");
        JsonNode body = Bodies.json(ctx, config.maxBodyBytes());
        Snapshot snapshot = reader.read(body);
        if (!snapshot.relationship().id().equals(id)) {
            throw new ApiException(400, "id_mismatch", "The snapshot is of relationship '" + snapshot.relationship().id()
                    + "' but was sent to /relationships/" + id + ".",
                    List.of(Problem.atField("relationship.id", "must be '" + id + "', the id in the path")));
        }
        RuleSet rules = registry.active().orElseThrow(HistoryController::notReady);
        HistoryStore.Saved saved;
        try {
            saved = store.save(snapshot, body.toString(), replace,
                    previous -> slots.run(() -> advisor.evaluate(rules, snapshot, new Advisor.Options(false, previous)).advice()));
        } catch (SnapshotExistsException e) {
            throw new ApiException(409, "snapshot_exists", "Relationship " + id + " already has a snapshot assessed on "
                    + e.assessedOn + "; send it with ?replace=true to replace it.",
                    List.of(Problem.atField("assessedOn", "already stored for " + e.assessedOn)));
        }
        metrics.evaluated(1);
        ctx.header("Location", "/api/v1/relationships/" + id + "/snapshots/" + snapshot.assessedOn());
        ctx.status(saved.replaced() ? 200 : 201).contentType("application/json").result(saved.stored().adviceJson());
    }

    void list(Context ctx) {
        Bodies.send(ctx, 200, PageBody.of(paged(() -> store.relationships(limit(ctx), ctx.queryParam("cursor")))));
    }

    void one(Context ctx) {
        String id = pathId(ctx);
        RelationshipSummary r = store.relationship(id).orElseThrow(() -> notStored(id));
        Bodies.send(ctx, 200, r);
    }

    void history(Context ctx) {
        String id = pathId(ctx);
        int limit = limit(ctx);
        Page<StoredSnapshot> page = paged(() -> store.snapshots(id, limit, ctx.queryParam("cursor")));
        if (page.items().isEmpty() && store.relationship(id).isEmpty()) {
            throw notStored(id);
        }
        Bodies.send(ctx, 200, new PageBody<>(page.items().stream().map(HistoryItem::of).toList(), page.next()));
    }

    void storedSnapshot(Context ctx) {
        String id = pathId(ctx);
        LocalDate on;
        try {
            on = LocalDate.parse(ctx.pathParam("assessedOn"));
        } catch (DateTimeParseException e) {
            throw badParameter("assessedOn", "must be a date YYYY-MM-DD, not '" + ctx.pathParam("assessedOn") + "'");
        }
        StoredSnapshot s = store.snapshot(id, on).orElseThrow(() -> new ApiException(404, "not_found",
                "Relationship " + id + " has no snapshot assessed on " + on + "."));
        Bodies.send(ctx, 200, StoredBody.of(s));
    }

    void latestAdvice(Context ctx) {
        String id = pathId(ctx);
        StoredSnapshot s = store.latest(id).orElseThrow(() -> notStored(id));
        ctx.status(200).contentType("application/json").result(s.adviceJson());
    }

    void renewals(Context ctx) {
        int within = intParam(ctx, "within", DEFAULT_WITHIN_DAYS, 0, MAX_WITHIN_DAYS);
        Bodies.send(ctx, 200, new RenewalsBody(LocalDate.now(clock), within, store.renewals(within)));
    }

    void delete(Context ctx) {
        BearerToken.require(ctx, config.adminToken(), "admin token",
                "Admin endpoints are disabled: start the service with --admin-token.");
        String id = pathId(ctx);
        if (!store.delete(id)) {
            throw notStored(id);
        }
        ctx.status(204);
    }

    // ---- parameters ----

    private static String pathId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw badParameter("id", "a relationship id is 1-64 characters of A-Z a-z 0-9 . _ -, not '" + shorten(id) + "'");
        }
        return id;
    }

    private static int limit(Context ctx) {
        return intParam(ctx, "limit", DEFAULT_PAGE, 1, HistoryStore.MAX_PAGE);
    }

    private static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badParameter(name, "must be a whole number from " + min + " to " + max + ", not '" + shorten(text) + "'");
    }

    private static boolean booleanParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw badParameter(name, "must be true or false, not '" + shorten(text) + "'");
    }

    private static <T> Page<T> paged(java.util.function.Supplier<Page<T>> read) {
        try {
            return read.get();
        } catch (InvalidCursorException e) {
            throw badParameter("cursor", e.getMessage());
        }
    }

    private static ApiException badParameter(String field, String message) {
        return new ApiException(400, "invalid_parameter", "The parameter '" + field + "' is not valid: " + message + ".",
                List.of(Problem.atField(field, message)));
    }

    private static ApiException notStored(String id) {
        return new ApiException(404, "not_found", "No relationship '" + id + "' is stored.");
    }

    private static ApiException notReady() {
        return new ApiException(503, "not_ready", "No rule set is active yet; see GET /api/v1/rules for the last load attempt.");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}

package com.covalue.http;

import com.covalue.app.Covalue;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import com.covalue.web.Signed;
import com.covalue.model.Relationship;
import com.covalue.model.RenewalWindow;
import com.covalue.model.Verdict;
import com.covalue.store.HistoryStore;
import com.covalue.store.Page;
import com.covalue.store.StoredSnapshot;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Client/server IO for the relationship history: store and advise, list, read, renewals, delete. */
final class HistoryController {

    static final int DEFAULT_PAGE = 20;

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

    private final Covalue covalue;
    private final ServiceConfig config;

    HistoryController(Covalue covalue, ServiceConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void storeSnapshot(Context ctx) {
        if (!Signed.may(ctx, Role.LEAD)) { // a lead's session or API token, or the write token, may store
            if (config.writeToken() != null) {
                BearerToken.require(ctx, config.writeToken(), "write token", "");
            } else if (Signed.user(ctx) != null) {
                throw new CovalueException(ErrorCode.FORBIDDEN, "Storing snapshots needs the lead role.");
            } // else: the access gate let it through (serve --open-reads without a write token: storing is open)
        }
        String id = pathId(ctx);
        QueryParams q = QueryParams.of(ctx).onlyKnown(List.of("replace"));
        boolean replace = q.bool("replace");
        q.check();
        HistoryStore.Saved saved = covalue.storeAndAdvise(id, Bodies.json(ctx, config.maxBodyBytes()), replace);
        ctx.header("Location", "/api/v1/relationships/" + id + "/snapshots/" + saved.stored().assessedOn());
        ctx.status(saved.replaced() ? 200 : 201).contentType("application/json").result(saved.stored().adviceJson());
    }

    void list(Context ctx) {
        Bodies.send(ctx, 200, PageBody.of(covalue.relationships(limit(ctx), cursor(ctx))));
    }

    /** GET /api/v1/rules/history: every attempt to load the rules, newest first, paged like the other listings. */
    void ruleReloads(Context ctx) {
        Bodies.send(ctx, 200, PageBody.of(covalue.ruleReloads(limit(ctx), ctx.queryParam("cursor"))));
    }

    void one(Context ctx) {
        noQuery(ctx);
        Bodies.send(ctx, 200, covalue.relationship(pathId(ctx)));
    }

    void history(Context ctx) {
        Page<StoredSnapshot> page = covalue.snapshots(pathId(ctx), limit(ctx), cursor(ctx));
        Bodies.send(ctx, 200, new PageBody<>(page.items().stream().map(HistoryItem::of).toList(), page.next()));
    }

    void storedSnapshot(Context ctx) {
        noQuery(ctx);
        String id = pathId(ctx);
        LocalDate on;
        try {
            on = LocalDate.parse(ctx.pathParam("assessedOn"));
        } catch (DateTimeParseException e) {
            throw CovalueException.invalidParameter("assessedOn", "must be a date YYYY-MM-DD, not '"
                    + shorten(ctx.pathParam("assessedOn")) + "'");
        }
        Bodies.send(ctx, 200, StoredBody.of(covalue.snapshot(id, on)));
    }

    void latestAdvice(Context ctx) {
        noQuery(ctx);
        ctx.status(200).contentType("application/json").result(covalue.latest(pathId(ctx)).adviceJson());
    }

    void renewals(Context ctx) {
        QueryParams q = QueryParams.of(ctx).onlyKnown(List.of("within"));
        int within = q.integer("within", RenewalWindow.DEFAULT_DAYS, days -> RenewalWindow.problemWith(days).map(p -> p.message()));
        q.check();
        Bodies.send(ctx, 200, covalue.renewals(new RenewalWindow(within)));
    }

    void delete(Context ctx) {
        if (!Signed.may(ctx, Role.ADMIN)) {
            BearerToken.require(ctx, config.adminToken(), "admin token",
                    "Admin endpoints are disabled: start the service with --admin-token.");
        }
        noQuery(ctx);
        covalue.delete(pathId(ctx));
        ctx.status(204);
    }

    // ---- parameters ----

    private static String pathId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!Relationship.isValidId(id)) {
            throw CovalueException.invalidParameter("id",
                    "a relationship id is 1-64 characters of A-Z a-z 0-9 . _ -, not '" + shorten(id) + "'");
        }
        return id;
    }

    private static int limit(Context ctx) {
        QueryParams q = QueryParams.of(ctx).onlyKnown(List.of("limit", "cursor"));
        int limit = q.integer("limit", DEFAULT_PAGE, 1, HistoryStore.MAX_PAGE);
        q.check();
        return limit;
    }

    /** The page to continue from; absent or empty means the first page. */
    private static String cursor(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        return cursor == null || cursor.isEmpty() ? null : cursor;
    }

    private static void noQuery(Context ctx) {
        QueryParams.of(ctx).onlyKnown(List.of()).check();
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}

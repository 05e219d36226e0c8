package com.covalue.web;

import com.covalue.app.Assessments;
import com.covalue.app.Covalue;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import com.covalue.model.Side;
import com.covalue.store.HistoryStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two-sided assessment over JSON, so that a survey tool can do what the pages do (see the OpenAPI document). */
final class AssessmentApi {

    /** What opening an assessment takes; {@code linkDays} overrides how long the links work. */
    record OpenRequest(String relationshipId, LocalDate assessedOn, ObjectNode facts, Integer linkDays) {
    }

    /** A new assessment with its two links, each shown only in this answer. */
    record OpenedBody(Assessments.Assessment assessment, Map<String, String> links) {
    }

    private final Covalue covalue;
    private final WebConfig config;

    AssessmentApi(Covalue covalue, WebConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    /** What reissuing a link may take: how long the new link works, instead of the service's default. */
    record ReissueRequest(Integer linkDays) {
    }

    /** One side's new link, shown only in this answer. */
    record ReissuedBody(String side, String link, Instant expiresAt) {
    }

    void open(Context ctx) {
        User lead = Signed.require(ctx, Role.LEAD);
        OpenRequest request = JsonBodies.read(ctx, OpenRequest.class);
        Duration lifetime = lifetime(request.linkDays());
        ObjectNode facts = request.facts() == null ? com.covalue.model.Json.MAPPER.createObjectNode() : request.facts();
        Assessments.Opened opened = covalue.assessments().open(lead, request.relationshipId(), request.assessedOn(), facts, lifetime);
        Map<String, String> links = new LinkedHashMap<>();
        opened.linkTokens().forEach((side, token) -> links.put(side.key(), AssessmentPages.linkUrl(ctx, token)));
        ctx.header("Location", "/api/v1/assessments/" + opened.assessment().id());
        JsonBodies.send(ctx, 201, new OpenedBody(opened.assessment(), links));
    }

    void list(Context ctx) {
        JsonBodies.send(ctx, 200, Map.of("items", covalue.assessments().all()));
    }

    void one(Context ctx) {
        JsonBodies.send(ctx, 200, covalue.assessments().assessment(ctx.pathParam("id")));
    }

    void close(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        HistoryStore.Saved saved = covalue.assessments().close(ctx.pathParam("id"));
        ctx.header("Location", "/api/v1/relationships/" + saved.stored().relationshipId() + "/snapshots/" + saved.stored().assessedOn());
        ctx.status(201).contentType("application/json").result(saved.stored().adviceJson());
    }

    void reissue(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        Side side = AssessmentPages.side(ctx.pathParam("side"));
        ReissueRequest request = ctx.body().isBlank() ? null : JsonBodies.read(ctx, ReissueRequest.class);
        Duration lifetime = lifetime(request == null ? null : request.linkDays());
        Assessments.Reissued link = covalue.assessments().reissue(ctx.pathParam("id"), side, lifetime);
        JsonBodies.send(ctx, 201, new ReissuedBody(side.key(), AssessmentPages.linkUrl(ctx, link.token()), link.expiresAt()));
    }

    /** The service's link lifetime, or {@code linkDays} (1 to 90) when given. */
    private Duration lifetime(Integer linkDays) {
        if (linkDays == null) {
            return config.linkLifetime();
        }
        if (linkDays < 1 || linkDays > 90) {
            throw CovalueException.invalidParameter("linkDays", "1 to 90 days");
        }
        return Duration.ofDays(linkDays);
    }

    void revoke(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        Side side = AssessmentPages.side(ctx.pathParam("side"));
        covalue.assessments().revoke(ctx.pathParam("id"), side);
        ctx.status(204);
    }

    // ---- respondents (the link is the capability) ----

    void questionnaire(Context ctx) {
        JsonBodies.send(ctx, 200, covalue.assessments().questionnaire(ctx.pathParam("token")));
    }

    void answer(Context ctx) {
        Assessments.Answers answers = JsonBodies.read(ctx, Assessments.Answers.class);
        String submit = ctx.queryParam("submit");
        if (submit != null && !submit.equals("true") && !submit.equals("false")) {
            throw CovalueException.invalidParameter("submit", "true or false");
        }
        if (answers == null) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "Send the answers as a JSON object.");
        }
        covalue.assessments().answer(ctx.pathParam("token"), answers, "true".equals(submit));
        JsonBodies.send(ctx, 200, Map.of("saved", true, "submitted", "true".equals(submit)));
    }
}

package com.covalue.web;

import com.covalue.app.Assessments;
import com.covalue.app.Covalue;
import com.covalue.app.FactsForm;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.Problem;
import com.covalue.model.Role;
import com.covalue.model.Side;
import com.covalue.store.HistoryStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lead's side of a two-sided assessment in the browser: list, open (the facts form), links, revoke, close. */
public final class AssessmentPages {

    /** Every assessment, and the start of a new one. */
    public record AssessmentsView(Pages.Chrome chrome, List<Assessments.Assessment> assessments, LocalDate today) {
    }

    /**
     * The facts form. {@code values} are what the fields show: the values posted back after an
     * error, or the previous snapshot's, offered; {@code previousOn} says which snapshot they came from.
     */
    public record NewAssessmentView(Pages.Chrome chrome, String relationshipId, String assessedOn, List<FactsForm.Section> sections,
            Map<String, String> values, LocalDate previousOn, List<Problem> problems, String message) {
        public String value(FactsForm.Field field) {
            return values.getOrDefault(field.path(), "");
        }

        public String problemAt(String path) {
            return problems.stream().filter(p -> path.equals(p.field())).map(Problem::message).findFirst().orElse(null);
        }
    }

    /** One assessment; {@code links} holds the two respondent links only right after opening (they are kept hashed). */
    public record AssessmentView(Pages.Chrome chrome, Assessments.Assessment assessment, Map<Side, String> links) {
    }

    private final Covalue covalue;
    private final WebConfig config;

    AssessmentPages(Covalue covalue, WebConfig config) {
        this.covalue = covalue;
        this.config = config;
    }

    void list(Context ctx) {
        Pages.render(ctx, 200, "web/assessments.jte", new AssessmentsView(Pages.chrome(ctx, "Assessments", "assessments"),
                covalue.assessments().all(), LocalDate.now(covalue.clock())));
    }

    void newForm(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        String id = trimmed(ctx.queryParam("relationship"));
        String on = trimmed(ctx.queryParam("on"));
        Map<String, String> values = new HashMap<>();
        LocalDate previousOn = null;
        JsonNode previous = id.isEmpty() ? null : covalue.assessments().previousSnapshot(id).orElse(null);
        if (previous != null) {
            for (FactsForm.Section s : FactsForm.get().sections()) {
                for (FactsForm.Field f : s.fields()) {
                    values.put(f.path(), FactsForm.valueOf(previous, f));
                }
            }
            previousOn = LocalDate.parse(previous.path("assessedOn").asText());
        }
        form(ctx, 200, id, on.isEmpty() ? LocalDate.now(covalue.clock()).toString() : on, values, previousOn, List.of(), null);
    }

    void open(Context ctx) {
        User lead = Signed.require(ctx, Role.LEAD);
        String id = trimmed(ctx.formParam("relationshipId"));
        String on = trimmed(ctx.formParam("assessedOn"));
        Map<String, String> values = new HashMap<>();
        FactsForm.get().sections().forEach(s -> s.fields().forEach(f -> values.put(f.path(), trimmed(ctx.formParam(f.path())))));
        try {
            ObjectNode facts = FactsForm.get().facts(values::get);
            Assessments.Opened opened = covalue.assessments().open(lead, id, date(on), facts, config.linkLifetime());
            Map<Side, String> links = new LinkedHashMap<>();
            opened.linkTokens().forEach((side, token) -> links.put(side, linkUrl(ctx, token)));
            Pages.render(ctx, 201, "web/assessment.jte", new AssessmentView(Pages.chrome(ctx, "Assessment of " + id, "assessments"),
                    opened.assessment(), links));
        } catch (CovalueException e) {
            form(ctx, e.code().status(), id, on, values, null, e.problems(), e.getMessage());
        }
    }

    void show(Context ctx) {
        Assessments.Assessment a = covalue.assessments().assessment(ctx.pathParam("id"));
        Pages.render(ctx, 200, "web/assessment.jte", new AssessmentView(Pages.chrome(ctx, "Assessment of " + a.relationshipId(),
                "assessments"), a, Map.of()));
    }

    void revoke(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        String id = ctx.pathParam("id");
        covalue.assessments().revoke(id, side(ctx.pathParam("side")));
        ctx.redirect("/assessments/" + id);
    }

    void close(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        HistoryStore.Saved saved = covalue.assessments().close(ctx.pathParam("id"));
        ctx.redirect("/relationships/" + saved.stored().relationshipId() + "#advice");
    }

    private void form(Context ctx, int status, String id, String on, Map<String, String> values, LocalDate previousOn,
            List<Problem> problems, String message) {
        Pages.render(ctx, status, "web/assessmentnew.jte", new NewAssessmentView(Pages.chrome(ctx, "New assessment", "assessments"),
                id, on, FactsForm.get().sections(), values, previousOn, problems, message));
    }

    static String linkUrl(Context ctx, String token) {
        String scheme = "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) ? "https" : ctx.scheme();
        return scheme + "://" + ctx.host() + "/r/" + token;
    }

    static Side side(String name) {
        try {
            return Side.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CovalueException.invalidParameter("side", "client or supplier, not '" + name + "'");
        }
    }

    static LocalDate date(String on) {
        try {
            return on == null || on.isEmpty() ? null : LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw CovalueException.invalidParameter("assessedOn", "a date YYYY-MM-DD, not '" + on + "'");
        }
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}

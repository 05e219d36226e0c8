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
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
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

    /** One assessment; {@code links} holds new respondent links only on the page shown right after they were made (they are kept hashed). */
    public record AssessmentView(Pages.Chrome chrome, Assessments.Assessment assessment, Map<Side, String> links) {
    }

    /** The flash name under which an assessment's new links wait for its page. */
    private static final String LINKS = "links:";

    private final Covalue covalue;
    private final WebConfig config;
    private final Sessions sessions;

    AssessmentPages(Covalue covalue, WebConfig config, Sessions sessions) {
        this.covalue = covalue;
        this.config = config;
        this.sessions = sessions;
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
            showOnce(ctx, opened.assessment(), links);
        } catch (CovalueException e) {
            form(ctx, e.code().status(), id, on, values, null, e.problems(), e.getMessage());
        }
    }

    void show(Context ctx) {
        Assessments.Assessment a = covalue.assessments().assessment(ctx.pathParam("id"));
        @SuppressWarnings("unchecked")
        Map<Side, String> links = sessions.take(Signed.session(ctx), LINKS + a.id(), Map.class).orElse(Map.of());
        Pages.render(ctx, 200, "web/assessment.jte", new AssessmentView(Pages.chrome(ctx, "Assessment of " + a.relationshipId(),
                "assessments"), a, links));
    }

    void reissue(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        Side side = side(ctx.pathParam("side"));
        String id = ctx.pathParam("id");
        String token = covalue.assessments().reissue(id, side, config.linkLifetime()).token();
        showOnce(ctx, covalue.assessments().assessment(id), Map.of(side, linkUrl(ctx, token)));
    }

    /**
     * After a form made links: they are held in the session for the assessment's page to show once,
     * and the browser is sent there (post-redirect-get), so that a refresh neither posts the form
     * again nor shows the links again, and the links never appear in an address. A request without
     * a session (a script's token) gets the page at once instead.
     */
    private void showOnce(Context ctx, Assessments.Assessment a, Map<Side, String> links) {
        Sessions.Session session = Signed.session(ctx);
        if (session == null) {
            Pages.render(ctx, 201, "web/assessment.jte", new AssessmentView(Pages.chrome(ctx, "Assessment of " + a.relationshipId(),
                    "assessments"), a, links));
            return;
        }
        sessions.flash(session, LINKS + a.id(), new EnumMap<>(links));
        ctx.redirect("/assessments/" + a.id(), HttpStatus.SEE_OTHER);
    }

    void revoke(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        String id = ctx.pathParam("id");
        covalue.assessments().revoke(id, side(ctx.pathParam("side")));
        ctx.redirect("/assessments/" + id, HttpStatus.SEE_OTHER);
    }

    void close(Context ctx) {
        Signed.require(ctx, Role.LEAD);
        HistoryStore.Saved saved = covalue.assessments().close(ctx.pathParam("id"));
        ctx.redirect("/relationships/" + saved.stored().relationshipId() + "#advice", HttpStatus.SEE_OTHER);
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

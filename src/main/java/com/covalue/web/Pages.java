package com.covalue.web;

import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.Problem;
import com.covalue.model.Role;
import com.covalue.review.report.Templates;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** Rendering the web app's pages (jte templates under {@code src/main/jte/html/web}) and their shared frame. */
public final class Pages {

    private Pages() {
    }

    /**
     * What every page's frame needs: its title, who is signed in, the session's CSRF token for its
     * forms, and which part of the navigation is active.
     */
    public record Chrome(String title, User user, String csrf, String active) {
        public boolean signedIn() {
            return user != null;
        }

        public boolean mayLead() {
            return user != null && user.may(Role.LEAD);
        }

        public boolean isAdmin() {
            return user != null && user.may(Role.ADMIN);
        }
    }

    /** The error page: status, what went wrong in plain words, and each field at fault. */
    public record ErrorPage(Chrome chrome, int status, String message, List<Problem> problems) {
    }

    static Chrome chrome(Context ctx, String title, String active) {
        Sessions.Session session = Signed.session(ctx);
        return new Chrome(title, Signed.user(ctx), session == null ? null : session.csrf(), active);
    }

    /** Browser pages, as opposed to the API, probes, metrics and static files. */
    static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics")
                || path.startsWith("/static/") || path.startsWith("/bench/"));
    }

    static void render(Context ctx, int status, String template, Object model) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(Templates.html(template, model));
    }

    static void error(Context ctx, int status, String message) {
        error(ctx, status, message, List.of());
    }

    static void error(Context ctx, int status, String message, List<Problem> problems) {
        render(ctx, status, "web/error.jte", new ErrorPage(chrome(ctx, "Error " + status, ""), status, message, problems));
    }

    /** A page handler whose refusals ({@link CovalueException}) are shown as an error page rather than JSON. */
    static Handler page(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (CovalueException e) {
                error(ctx, e.code().status(), e.getMessage(), e.problems());
            }
        };
    }
}

package com.covalue.web;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs before every request: finds who it comes from (a session cookie, a user's API token, or
 * the service's admin or write token) and refuses what they may not reach. Reads of anything
 * stored need someone unless {@link WebConfig#openReads()}; the stateless advice endpoints are
 * open unless {@link WebConfig#closeAdvice()}; respondent links are capabilities and need no one.
 * Every state-changing request from a browser session must carry the session's CSRF token.
 * Finer role checks (lead, admin) are made by the handlers.
 */
public final class AccessGate {

    static final String COOKIE = "covalue_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> ADVICE = Set.of("/api/v1/advice", "/api/v1/advice/batch", "/api/v1/reviews", "/bench/parse-only");
    private static final Pattern SNAPSHOTS = Pattern.compile("/api/v1/relationships/[^/]+/snapshots");
    private static final Pattern ONE_RELATIONSHIP = Pattern.compile("/api/v1/relationships/[^/]+");

    private final Sessions sessions;
    private final Accounts accounts; // null without a history store: no users, only the service's tokens
    private final String adminToken;
    private final String writeToken;
    private final WebConfig config;

    public AccessGate(Sessions sessions, Accounts accounts, String adminToken, String writeToken, WebConfig config) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.adminToken = adminToken;
        this.writeToken = writeToken;
        this.config = config;
    }

    public void handle(Context ctx) {
        identify(ctx);
        String path = ctx.path();
        HandlerType method = ctx.method();
        if (isOpen(path, method)) {
            return;
        }
        User user = Signed.user(ctx);
        boolean read = method == HandlerType.GET || method == HandlerType.HEAD;
        if (user == null) {
            if (config.openReads() && read) {
                return;
            }
            if (Pages.isPage(path) && read) {
                String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
                ctx.redirect("/signin?next=" + URLEncoder.encode(path + query, StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            deny(ctx, ErrorCode.UNAUTHORIZED, "Sign in, or send 'Authorization: Bearer <API token>'.");
            return;
        }
        Sessions.Session session = Signed.session(ctx);
        if (session != null && !read && !csrfMatches(ctx, session)) {
            deny(ctx, ErrorCode.FORBIDDEN, "This form is out of date or did not come from this site (its CSRF token is"
                    + " missing or wrong). Go back, reload the page and try again.");
        }
    }

    /** Refuses the request: an HTML page for a browser page, the contract's error body for the API. */
    private static void deny(Context ctx, ErrorCode code, String message) {
        if (Pages.isPage(ctx.path())) {
            Pages.error(ctx, code.status(), message);
            ctx.skipRemainingHandlers();
            return;
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        throw new CovalueException(code, message);
    }

    private boolean isOpen(String path, HandlerType method) {
        if (path.startsWith("/static/") || path.startsWith("/health/") || path.equals("/signin")
                || path.startsWith("/r/") || path.startsWith("/api/v1/respond/")
                || path.equals("/api/v1/openapi.yaml") || path.startsWith("/api/v1/schema/")) {
            return true;
        }
        if (method == HandlerType.POST && ADVICE.contains(path)) {
            return !config.closeAdvice();
        }
        // these check the service's admin or write token themselves (accepting a signed-in admin or lead too)
        if (method == HandlerType.POST && path.equals("/api/v1/rules/reload")
                || method == HandlerType.DELETE && ONE_RELATIONSHIP.matcher(path).matches()) {
            return true;
        }
        // storing with --write-token checks it; without one, storing is open only with --open-reads (as before users)
        return method == HandlerType.POST && SNAPSHOTS.matcher(path).matches() && (writeToken != null || config.openReads());
    }

    private void identify(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            byToken(header.substring("Bearer ".length()).strip()).ifPresent(user -> ctx.attribute(Signed.USER, user));
            return; // a script's token, never a cookie: CSRF does not apply
        }
        String cookie = ctx.cookie(COOKIE);
        // looked up on every request with the user as stored now: a removed user's sessions end at once
        sessions.find(cookie).ifPresent(session -> {
            ctx.attribute(Signed.USER, session.user());
            ctx.attribute(Signed.SESSION, session);
        });
    }

    /**
     * The user a bearer token acts as. The service's own tokens keep their separate powers: the
     * admin token reads (and the admin endpoints check it themselves) but never stores a snapshot
     * in place of the write token; the write token stores and acts as a lead.
     */
    private Optional<User> byToken(String token) {
        if (Secrets.same(token, adminToken)) {
            return Optional.of(new User("admin-token", Role.VIEWER));
        }
        if (Secrets.same(token, writeToken)) {
            return Optional.of(new User("write-token", Role.LEAD));
        }
        return accounts == null ? Optional.empty() : accounts.byToken(token);
    }

    private static boolean csrfMatches(Context ctx, Sessions.Session session) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null && isForm(ctx)) {
            given = ctx.formParam(CSRF_FIELD);
        }
        return Secrets.same(given, session.csrf());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}

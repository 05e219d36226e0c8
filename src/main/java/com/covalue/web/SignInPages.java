package com.covalue.web;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Optional;

/**
 * Signing in and out. The session cookie is HttpOnly, SameSite=Lax, and Secure whenever the
 * request came over TLS (directly or through a proxy that says so). The sign-in form itself is
 * protected from cross-site posting by a double-submit token: a cookie for /signin only, whose
 * value the form must repeat. Repeated failures are slowed down by a {@link SignInThrottle}: 429
 * with Retry-After.
 */
public final class SignInPages {

    private static final String SIGNIN_COOKIE = "covalue_signin";

    /** The sign-in page: where to go next, what went wrong, and the form's anti-forgery token. */
    public record SignInPage(Pages.Chrome chrome, String next, String error, String token) {
    }

    private final Accounts accounts;
    private final Sessions sessions;
    private final SignInThrottle throttle;

    SignInPages(Accounts accounts, Sessions sessions, SignInThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    void form(Context ctx) {
        if (Signed.session(ctx) != null) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        show(ctx, 200, safeNext(ctx.queryParam("next")), null);
    }

    void signIn(Context ctx) {
        String next = safeNext(ctx.formParam("next"));
        if (!Secrets.same(ctx.formParam(AccessGate.CSRF_FIELD), ctx.cookie(SIGNIN_COOKIE))) {
            Pages.error(ctx, 403, "The sign-in form is out of date or did not come from this site. Open the sign-in page again.");
            return;
        }
        if (accounts == null) {
            throw new CovalueException(ErrorCode.NOT_FOUND, "This service runs without a history store, so it has no users.");
        }
        String name = ctx.formParam("name");
        Optional<Duration> wait = throttle.waitFor(name, ctx.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", String.valueOf(seconds));
            show(ctx, 429, next, "Too many failed sign-ins. Wait " + (seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes")
                    + " and try again.");
            return;
        }
        Optional<User> user = accounts.signIn(name, ctx.formParam("password"));
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            show(ctx, 401, next, "That name and password do not match a user.");
            return;
        }
        throttle.succeeded(name, ctx.ip());
        Sessions.Started started = sessions.start(user.get());
        ctx.cookie(cookie(ctx, AccessGate.COOKIE, started.id(), "/", sessions.lifetimeSeconds(), SameSite.LAX));
        ctx.cookie(cookie(ctx, SIGNIN_COOKIE, "", "/signin", 0, SameSite.STRICT));
        ctx.redirect(next);
    }

    void signOut(Context ctx) {
        sessions.end(ctx.cookie(AccessGate.COOKIE));
        ctx.cookie(cookie(ctx, AccessGate.COOKIE, "", "/", 0, SameSite.LAX));
        ctx.redirect("/signin");
    }

    private void show(Context ctx, int status, String next, String error) {
        String token = Secrets.newToken();
        ctx.cookie(cookie(ctx, SIGNIN_COOKIE, token, "/signin", 3600, SameSite.STRICT));
        Pages.render(ctx, status, "web/signin.jte", new SignInPage(Pages.chrome(ctx, "Sign in", "signin"), next, error, token));
    }

    static Cookie cookie(Context ctx, String name, String value, String path, int maxAge, SameSite sameSite) {
        boolean tls = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(name, value, path, maxAge, tls, true, null, sameSite);
    }

    /** Only a path on this site: never another host ("//evil", "https://...") to bounce a user to. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
    }
}

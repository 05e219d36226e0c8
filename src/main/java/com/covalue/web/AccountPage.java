package com.covalue.web;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in user's page: their API tokens and, for an admin, the users (add, remove, revoke
 * their tokens). Also their JSON API. Every form answers with a redirect back to the page
 * (post-redirect-get); a new token or password travels to it in the session, shown once.
 */
public final class AccountPage {

    /** The page; {@code made} is what the last form made or did, shown once right after. */
    public record AccountView(Pages.Chrome chrome, List<UserRow> users, int myTokens, Made made) {
    }

    /** One user in the admin's table, with how many API tokens they have. */
    public record UserRow(User user, int tokens) {
    }

    /**
     * What a form just did, for the page after its redirect: a new token, a new user's password, or
     * a plain sentence. Unused parts are null.
     */
    public record Made(String token, String newUser, String password, String notice) {
    }

    private static final String MADE = "account";

    private final Accounts accounts;
    private final Sessions sessions;

    AccountPage(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    void show(Context ctx) {
        User me = Signed.require(ctx, Role.VIEWER);
        Made made = sessions.take(Signed.session(ctx), MADE, Made.class).orElse(null);
        Map<String, Integer> tokens = accounts.tokenCounts();
        List<UserRow> users = me.may(Role.ADMIN)
                ? accounts.users().stream().map(u -> new UserRow(u, tokens.getOrDefault(u.name(), 0))).toList()
                : List.of();
        Pages.render(ctx, 200, "web/account.jte", new AccountView(Pages.chrome(ctx, "Account", "account"), users,
                tokens.getOrDefault(me.name(), 0), made));
    }

    void newToken(Context ctx) {
        User user = Signed.require(ctx, Role.VIEWER);
        done(ctx, new Made(accounts.newToken(user, ctx.formParam("label")), null, null, null));
    }

    void revokeMyTokens(Context ctx) {
        User user = Signed.require(ctx, Role.VIEWER);
        int revoked = accounts.revokeTokens(user.name());
        done(ctx, new Made(null, null, null, "Revoked your " + tokens(revoked) + "."));
    }

    void addUser(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        String password = Secrets.newPassword();
        User added = accounts.add(ctx.formParam("name"), role(ctx.formParam("role")), password);
        done(ctx, new Made(null, added.name(), password, null));
    }

    void removeUser(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        User removed = accounts.remove(ctx.pathParam("name"));
        done(ctx, new Made(null, null, null, "Removed " + removed.name() + ": their sessions and API tokens no longer work."));
    }

    void revokeTokens(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        int revoked = accounts.revokeTokens(name);
        done(ctx, new Made(null, null, null, "Revoked " + name + "'s " + tokens(revoked) + "."));
    }

    /** Back to the page, with what was done held in the session for it to show once (a refresh shows it no more). */
    private void done(Context ctx, Made made) {
        Sessions.Session session = Signed.session(ctx);
        if (session != null) {
            sessions.flash(session, MADE, made);
        }
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    private static String tokens(int n) {
        return n == 1 ? "1 API token" : n + " API tokens";
    }

    // ---- API ----

    record TokenRequest(String label) {
    }

    record UserRequest(String name, String role, String password) {
    }

    void apiNewToken(Context ctx) {
        User user = Signed.require(ctx, Role.VIEWER);
        TokenRequest request = JsonBodies.read(ctx, TokenRequest.class);
        JsonBodies.send(ctx, 201, Map.of("token", accounts.newToken(user, request == null ? null : request.label()),
                "user", user.name()));
    }

    void apiAddUser(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        UserRequest request = JsonBodies.read(ctx, UserRequest.class);
        if (request == null) {
            throw CovalueException.invalidParameter("name", "send {\"name\": ..., \"role\": ...}");
        }
        boolean generate = request.password() == null || request.password().isEmpty();
        String password = generate ? Secrets.newPassword() : request.password();
        User added = accounts.add(request.name(), role(request.role()), password);
        JsonBodies.send(ctx, 201, generate ? Map.of("name", added.name(), "role", added.role(), "password", password)
                : Map.of("name", added.name(), "role", added.role()));
    }

    void apiRemoveUser(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        accounts.remove(ctx.pathParam("name"));
        ctx.status(204);
    }

    void apiRevokeTokens(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        JsonBodies.send(ctx, 200, Map.of("revoked", accounts.revokeTokens(ctx.pathParam("name"))));
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "A role is admin, lead or viewer.",
                    List.of(com.covalue.model.Problem.atField("role", "admin, lead or viewer, not '" + name + "'")));
        }
    }
}

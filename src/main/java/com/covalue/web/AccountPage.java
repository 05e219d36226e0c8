package com.covalue.web;

import com.covalue.app.Accounts;
import com.covalue.app.Secrets;
import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The signed-in user's page: API tokens for scripts and, for an admin, the users. Also their JSON API. */
public final class AccountPage {

    /** The page; {@code newToken} and {@code newPassword} are shown once, right after they were made. */
    public record AccountView(Pages.Chrome chrome, List<User> users, String newToken, String newUser, String newPassword) {
    }

    private final Accounts accounts;

    AccountPage(Accounts accounts) {
        this.accounts = accounts;
    }

    void show(Context ctx) {
        show(ctx, null, null, null);
    }

    void newToken(Context ctx) {
        User user = Signed.require(ctx, Role.VIEWER);
        show(ctx, accounts.newToken(user, ctx.formParam("label")), null, null);
    }

    void addUser(Context ctx) {
        Signed.require(ctx, Role.ADMIN);
        String password = Secrets.newPassword();
        User added = accounts.add(ctx.formParam("name"), role(ctx.formParam("role")), password);
        show(ctx, null, added.name(), password);
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

    private void show(Context ctx, String token, String newUser, String password) {
        Signed.require(ctx, Role.VIEWER);
        List<User> users = Signed.may(ctx, Role.ADMIN) ? accounts.users() : List.of();
        Pages.render(ctx, 200, "web/account.jte", new AccountView(Pages.chrome(ctx, "Account", "account"), users, token,
                newUser, password));
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

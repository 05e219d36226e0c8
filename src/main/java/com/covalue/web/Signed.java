package com.covalue.web;

import com.covalue.app.User;
import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Role;
import io.javalin.http.Context;

/** Who a request comes from, as {@link AccessGate} found it: a signed-in browser, a token, or nobody. */
public final class Signed {

    static final String USER = "covalue.user";
    static final String SESSION = "covalue.session";

    private Signed() {
    }

    /** The user the request acts as, or null. */
    public static User user(Context ctx) {
        return ctx.attribute(USER);
    }

    /** True when the request acts as a user with at least {@code role}. */
    public static boolean may(Context ctx, Role role) {
        User user = user(ctx);
        return user != null && user.may(role);
    }

    /** The browser session, or null when the request came with a token or nothing. */
    static Sessions.Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** @throws CovalueException 401 for nobody, 403 for a user without {@code role} */
    static User require(Context ctx, Role role) {
        User user = user(ctx);
        if (user == null) {
            throw new CovalueException(ErrorCode.UNAUTHORIZED, "Sign in, or send 'Authorization: Bearer <API token>'.");
        }
        if (!user.may(role)) {
            throw new CovalueException(ErrorCode.FORBIDDEN, "This needs the " + role.name().toLowerCase() + " role; "
                    + user.name() + " is a " + user.role().name().toLowerCase() + ".");
        }
        return user;
    }
}

package com.covalue.http;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Problem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/** Checks {@code Authorization: Bearer <token>} against a configured token, in constant time. */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /**
     * 401 without a bearer token or with a wrong one (RFC 6750: the scheme name is
     * case-insensitive), 403 when {@code expected} is null: the endpoint is disabled, and
     * {@code disabledHint} says how to enable it.
     */
    static void require(Context ctx, String expected, String what, String disabledHint) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new CovalueException(ErrorCode.UNAUTHORIZED, "This endpoint needs 'Authorization: Bearer <" + what + ">'.");
        }
        if (expected == null) {
            throw new CovalueException(ErrorCode.FORBIDDEN, disabledHint);
        }
        byte[] given = header.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new CovalueException(ErrorCode.UNAUTHORIZED, "The " + what + " is wrong.",
                    List.of(Problem.atField("Authorization", "wrong " + what.toLowerCase(Locale.ROOT))));
        }
    }
}

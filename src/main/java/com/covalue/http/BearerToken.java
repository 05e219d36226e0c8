package com.covalue.http;

import com.covalue.model.Problem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import com.covalue.model.ErrorCode;
import com.covalue.model.CovalueException;

/** Checks {@code Authorization: Bearer <token>} against a configured token, in constant time. */
final class BearerToken {

    private BearerToken() {
    }

    /**
     * 401 without a bearer token, 403 when {@code expected} is null (the endpoint is disabled:
     * {@code disabledHint} says how to enable it) or the token is wrong.
     */
    static void require(Context ctx, String expected, String what, String disabledHint) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new CovalueException(ErrorCode.UNAUTHORIZED, "This endpoint needs 'Authorization: Bearer <" + what + ">'.");
        }
        if (expected == null) {
            throw new CovalueException(ErrorCode.FORBIDDEN, disabledHint);
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            throw new CovalueException(ErrorCode.FORBIDDEN, "The " + what + " is wrong.", List.of(Problem.atField("Authorization", "wrong token")));
        }
    }
}

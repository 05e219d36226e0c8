package com.covalue.http;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading JSON request bodies within the size limit, and writing JSON responses. */
final class Bodies {

    private Bodies() {
    }

    /** The body's text: 415 unless it is declared JSON, 413 above the limit. Parsing it is the front door's job. */
    static String json(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new CovalueException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: application/json"
                    + (type == null ? "." : ", not " + type + "."));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return new String(readAtMost(ctx, maxBytes), StandardCharsets.UTF_8);
    }

    private static byte[] readAtMost(Context ctx, long maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CovalueException tooLarge(long maxBytes) {
        return new CovalueException(ErrorCode.BODY_TOO_LARGE, "The body is larger than the limit of " + maxBytes + " bytes.");
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}

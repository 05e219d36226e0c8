package com.covalue.http;

import com.covalue.model.Json;
import com.covalue.validation.SnapshotReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reading JSON request bodies within the size limit, and writing JSON responses. */
final class Bodies {

    private Bodies() {
    }

    /** The body as JSON: 415 unless it is declared JSON, 413 above the limit, 400 if malformed. */
    static JsonNode json(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json"
                    + (type == null ? "." : ", not " + type + "."));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = readAtMost(ctx, maxBytes);
        return SnapshotReader.parse(new String(body, StandardCharsets.UTF_8));
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

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "body_too_large", "The body is larger than the limit of " + maxBytes + " bytes.");
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }
}

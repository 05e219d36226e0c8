package com.covalue.web;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Json;
import com.covalue.model.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** JSON in and out for the web app's API endpoints (small bodies, read whole). */
final class JsonBodies {

    private JsonBodies() {
    }

    static <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new CovalueException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: application/json.");
        }
        try {
            return Json.MAPPER.readValue(ctx.body(), type);
        } catch (InvalidFormatException e) {
            throw new CovalueException(ErrorCode.INVALID_PARAMETER, "A value in the body is not of the right kind.",
                    List.of(Problem.atField(path(e), e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new CovalueException(ErrorCode.MALFORMED_JSON, "The body is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    private static String path(InvalidFormatException e) {
        StringBuilder s = new StringBuilder();
        for (var ref : e.getPath()) {
            s.append(s.length() > 0 ? "." : "").append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return s.toString();
    }
}

package com.covalue.http;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;

/** Reading JSON request bodies within the size limit, and writing JSON responses. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The body's text: 415 unless it is declared {@code application/json} (with no parameter but
     * {@code charset=utf-8}), 413 above the limit, 400 {@code malformed_json} when it is not UTF-8.
     * Parsing it is the front door's job.
     */
    static String json(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (!isJson(type)) {
            throw new CovalueException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON with Content-Type: application/json"
                    + " (optionally '; charset=utf-8')" + (type == null ? "." : ", not " + shorten(type) + "."));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return utf8(readAtMost(ctx, maxBytes));
    }

    /** True for {@code application/json}, alone or with {@code charset=utf-8}, in any letter case. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.isEmpty() && !parameter.replace(" ", "").equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** Decodes strictly: a byte sequence that is not UTF-8 is refused, never replaced. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CovalueException(ErrorCode.MALFORMED_JSON,
                    "The body is not valid UTF-8 text; JSON must be sent as UTF-8. Nothing was read from it.");
        }
    }

    private static byte[] readAtMost(Context ctx, long maxBytes) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw bodyFailed(e);
        }
    }

    /** A body that stopped arriving: too slowly ({@code request_timeout}), or the client went away. */
    private static RuntimeException bodyFailed(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpException h && h.getCode() == 408) {
                return new CovalueException(ErrorCode.REQUEST_TIMEOUT,
                        "The request body arrived too slowly and was abandoned; send it again at a normal pace.");
            }
        }
        return new ClientAbortedException(e);
    }

    private static CovalueException tooLarge(long maxBytes) {
        return new CovalueException(ErrorCode.BODY_TOO_LARGE, "The body is larger than the limit of " + maxBytes + " bytes.");
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response", e);
        }
    }

    /** The client stopped sending its body (closed or reset the connection): nobody is left to answer. */
    static final class ClientAbortedException extends RuntimeException {
        ClientAbortedException(IOException cause) {
            super("the client stopped sending the body: " + cause, cause);
        }
    }
}

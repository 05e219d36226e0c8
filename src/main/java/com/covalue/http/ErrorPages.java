package com.covalue.http;

import com.covalue.model.ErrorCode;
import com.covalue.model.ErrorResponse;
import com.covalue.model.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The web server's own error pages, in the contract's JSON error shape instead of Jetty's HTML:
 * what Jetty answers before a request reaches a route (a malformed path, an address or headers
 * over the limits, a body that arrives too slowly or is too large, a refused method).
 */
final class ErrorPages extends ErrorHandler {

    @Override
    public boolean errorPageForMethod(String method) {
        return !"HEAD".equals(method); // every method gets the body, including ones we refuse
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String jettyMessage, Throwable cause,
            Callback callback) {
        ErrorCode code = codeFor(status);
        ErrorResponse body = new ErrorResponse(code, messageFor(status, code, jettyMessage), List.of());
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.addTo(response.getHeaders());
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** The contract's code for a status the web server chose. */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 503 -> ErrorCode.NOT_READY;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    /** Our own words; Jetty's message is kept only where it names the problem and leaks nothing. */
    private static String messageFor(int status, ErrorCode code, String jettyMessage) {
        return switch (code) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "That method is not allowed here; methods are upper case (GET, POST, DELETE).";
            case REQUEST_TIMEOUT -> "The request did not arrive in time (too slow, or stopped); send it again at a normal pace.";
            case BODY_TOO_LARGE -> "The body is larger than the limit this service accepts.";
            case URI_TOO_LONG -> "The address is too long for this service to read.";
            case HEADERS_TOO_LARGE -> "The request's headers are too large for this service to read.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as JSON with Content-Type: application/json.";
            case NOT_READY -> "The service is busy or starting; try again shortly.";
            case INTERNAL_ERROR -> "Something went wrong on our side; the error has been logged.";
            default -> "The request could not be read (HTTP " + status + (jettyMessage == null || jettyMessage.isBlank()
                    ? "" : ": " + shorten(jettyMessage)) + ").";
        };
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }
}

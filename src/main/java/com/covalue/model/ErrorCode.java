package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Every error Covalue answers with: the contract's stable snake_case {@link #code()} and the HTTP
 * status the service maps it to. The command line prints the same codes.
 */
public enum ErrorCode {
    /** The body or file is not JSON at all. */
    MALFORMED_JSON(400),
    /** A snapshot breaks the contract: every field problem is listed. */
    INVALID_SNAPSHOT(400),
    /** A batch body is not an array. */
    INVALID_BATCH(400),
    /** A batch holds more snapshots than the service allows. */
    BATCH_TOO_LARGE(400),
    /** A review body is not an array. */
    INVALID_REVIEW(400),
    /** A query or path parameter, or a command-line option, is wrong. */
    INVALID_PARAMETER(400),
    /** A stored snapshot's relationship id differs from the one in the path. */
    ID_MISMATCH(400),
    /** A previous snapshot is of another relationship, or not earlier. */
    INVALID_PREVIOUS(400),
    /** A named input file does not exist. */
    FILE_NOT_FOUND(400),
    /** A file of a portfolio could not be read. */
    UNREADABLE_FILE(400),
    /** A request the web server could not take: a bad path, a refused header, a refused method override. */
    BAD_REQUEST(400),
    /** A request without the bearer token an endpoint needs, or with a wrong one. */
    UNAUTHORIZED(401),
    /** An endpoint that is switched off. */
    FORBIDDEN(403),
    /** Nothing is stored or served at that address. */
    NOT_FOUND(404),
    /** The method is not allowed on that path. */
    METHOD_NOT_ALLOWED(405),
    /** The request body arrived too slowly, or stopped arriving. */
    REQUEST_TIMEOUT(408),
    /** A snapshot of that relationship and day is stored already. */
    SNAPSHOT_EXISTS(409),
    /** The body is larger than the limit. */
    BODY_TOO_LARGE(413),
    /** The address (path and query) is longer than the server reads. */
    URI_TOO_LONG(414),
    /** The body is not declared as JSON. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The request's headers are larger than the server reads. */
    HEADERS_TOO_LARGE(431),
    /** A rule reload was refused; the previous rules keep serving. */
    RULES_REJECTED(422),
    /** Something failed on our side; it has been logged. */
    INTERNAL_ERROR(500),
    /** No rule set is active yet. */
    NOT_READY(503),
    /**
     * The rules took longer than their time budget on this snapshot and were halted; the service
     * stays up and serves other requests (503: the service could not complete this one).
     */
    EVALUATION_HALTED(503),
    /** The history store cannot be reached. */
    STORE_UNAVAILABLE(503);

    private final int status;
    private final String code;

    ErrorCode(int status) {
        this.status = status;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The contract's code, e.g. {@code invalid_snapshot}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The HTTP status the service answers this error with. */
    public int status() {
        return status;
    }
}

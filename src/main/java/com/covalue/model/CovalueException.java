package com.covalue.model;

import java.util.List;

/**
 * A request or input that cannot be served, carrying the contract's error body. Thrown below the
 * adapters; the HTTP service maps it to {@link ErrorCode#status()} in one place, and the command
 * line prints it.
 */
public class CovalueException extends RuntimeException {

    private final ErrorCode code;
    private final ErrorResponse error;

    public CovalueException(ErrorCode code, String message, List<Problem> problems) {
        super(message);
        this.code = code;
        this.error = new ErrorResponse(code, message, problems);
    }

    public CovalueException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** {@code invalid_parameter}, naming the one parameter that is wrong. */
    public static CovalueException invalidParameter(String name, String problem) {
        return new CovalueException(ErrorCode.INVALID_PARAMETER, "The parameter '" + name + "' is not valid: " + problem + ".",
                List.of(Problem.atField(name, problem)));
    }

    public ErrorCode code() {
        return code;
    }

    /** The contract's error body. */
    public ErrorResponse error() {
        return error;
    }

    public List<Problem> problems() {
        return error.errors();
    }
}

package com.covalue.model;

import java.util.List;
import java.util.Objects;

/**
 * The contract's error shape, used by the CLI and the service alike: a stable snake_case code, a
 * sentence for people, and one entry per problem.
 */
public record ErrorResponse(String code, String message, List<Problem> errors) {

    public ErrorResponse {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(message, "message == null");
        errors = List.copyOf(errors);
    }

    public ErrorResponse(ErrorCode code, String message, List<Problem> errors) {
        this(code.code(), message, errors);
    }
}

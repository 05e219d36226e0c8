package com.covalue.http;

import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import java.util.List;

/** A request that fails with a given status and the contract's error body; mapped in one place. */
final class ApiException extends RuntimeException {

    final int status;
    final ErrorResponse body;

    ApiException(int status, String code, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.body = new ErrorResponse(code, message, problems);
    }

    ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }
}

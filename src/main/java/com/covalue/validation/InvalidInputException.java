package com.covalue.validation;

import com.covalue.model.ErrorResponse;
import com.covalue.model.Problem;
import java.util.List;

/** An input (snapshot, options, file) that cannot be used, with every problem found in it. */
public class InvalidInputException extends RuntimeException {

    private final ErrorResponse error;

    public InvalidInputException(String code, String message, List<Problem> problems) {
        super(message);
        this.error = new ErrorResponse(code, message, problems);
    }

    public ErrorResponse error() {
        return error;
    }

    public List<Problem> problems() {
        return error.errors();
    }
}

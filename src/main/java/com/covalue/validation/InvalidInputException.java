package com.covalue.validation;

import com.covalue.model.CovalueException;
import com.covalue.model.ErrorCode;
import com.covalue.model.Problem;
import java.util.List;

/** An input (snapshot, options, file) that cannot be used, with every problem found in it. */
public class InvalidInputException extends CovalueException {

    public InvalidInputException(ErrorCode code, String message, List<Problem> problems) {
        super(code, message, problems);
    }
}

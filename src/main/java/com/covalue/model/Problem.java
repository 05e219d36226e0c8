package com.covalue.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One problem found in an input, named by the dotted path of the field it is about (for example
 * {@code delivery.promisesKept12m}), or by file and line for rule files.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String field, String file, Integer line, String message) {

    public Problem {
        Objects.requireNonNull(message, "message == null");
    }

    public static Problem atField(String field, String message) {
        return new Problem(field, null, null, message);
    }

    public static Problem atLine(String file, Integer line, String message) {
        return new Problem(null, file, line, message);
    }

    /** One line for a person: {@code field: message} or {@code file:line: message}. */
    public String describe() {
        if (field != null) {
            return field.isEmpty() ? message : field + ": " + message;
        }
        if (file != null) {
            return file + (line != null && line > 0 ? ":" + line : "") + ": " + message;
        }
        return message;
    }
}
